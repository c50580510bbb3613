import { HubError } from '../store/hub-store';
import { HubSetupError } from '../store/hub-setup-error';
import { HUB_ADMIN_COMMANDS } from './admin-commands';
import { DATABASE_URL_ENV, UsageError } from './hub-arguments';
import type { HubCliIo } from './hub-io';
import { DEFAULT_HUB_PORT, SERVE_USAGE, serveCommand, type ShutdownSignal } from './serve-command';

/**
 * `dala hub …`: the school hub's command line (docs/school-hub.md). Exit codes: 0 done, 1 a
 * failure with a message saying what to do, 2 bad arguments.
 */

const COMMANDS: ReadonlyArray<{ path: readonly string[]; usage: string; summary: string }> = [
  { path: ['serve'], usage: SERVE_USAGE, summary: `runs the hub (default 127.0.0.1:${DEFAULT_HUB_PORT}; --port 0 picks a free port) until SIGINT/SIGTERM` },
  ...HUB_ADMIN_COMMANDS,
];

export function hubHelpText(): string {
  const lines = [
    'dala hub: the school hub, which keeps the lab machines of a school in sync through PostgreSQL.',
    '',
    'Commands:',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    `--database-url may be left out when ${DATABASE_URL_ENV} is set (keeps a password out of ps and shell history).`,
    'serve connects as the hub\'s own role (a member of dala_hub_app); the other commands as the owner, dala_hub_owner.',
    'See docs/school-hub.md.',
  ];
  return `${lines.join('\n')}\n`;
}

/** The message for a failure, without a stack trace; database errors get a next step. */
function failureMessage(error: unknown): string {
  if (error instanceof HubError || error instanceof HubSetupError) return error.message;
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const nested = error instanceof AggregateError ? (error.errors[0] as NodeJS.ErrnoException | undefined) : undefined;
  const network = code ?? nested?.code;
  if (network === 'ECONNREFUSED') return 'PostgreSQL refused the connection: is it running, and are the host and port in the database URL right?';
  if (network === 'ENOTFOUND' || network === 'EAI_AGAIN') return "The database URL's host name is unknown: check the URL.";
  if (network === 'ETIMEDOUT') return 'PostgreSQL did not answer in time: check the host, the port and the firewall.';
  if (code === '28P01' || code === '28000') return `PostgreSQL refused the login (${error.message}): check the role and password in the database URL, and pg_hba.conf.`;
  if (code === '3D000') return `${error.message}: create it first (docs/school-hub.md, "Installing").`;
  if (code === '42501') return `${error.message}: this command needs the owner's URL (dala_hub_owner).`;
  return error.message;
}

export async function runHubCli(argv: readonly string[], io: HubCliIo, shutdownSignal?: ShutdownSignal): Promise<number> {
  // bin/dala.cjs passes the whole line; a leading "hub" is the word that chose this CLI.
  const args = argv[0] === 'hub' ? argv.slice(1) : [...argv];
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    io.stdout.write(hubHelpText());
    return 0;
  }
  try {
    if (args.includes('--help') || args.includes('-h')) {
      const command = COMMANDS.find((c) => c.path.every((word, i) => args[i] === word));
      io.stdout.write(command ? `Usage: ${command.usage}\n  ${command.summary}\n` : hubHelpText());
      return 0;
    }
    if (args[0] === 'serve') return await serveCommand(args.slice(1), io, shutdownSignal);
    const command = HUB_ADMIN_COMMANDS.find((c) => c.path.every((word, i) => args[i] === word));
    if (!command) {
      const known = COMMANDS.map((c) => c.path.join(' ')).join(', ');
      throw new UsageError(`unknown command "hub ${args.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}" (commands: ${known}). Run "dala hub help".`);
    }
    return await command.run(args.slice(command.path.length), io);
  } catch (error) {
    io.stderr.write(`dala hub: ${failureMessage(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
