import os from 'node:os';
import { DalaError, isDalaError } from '../../electron/common/errors';
import { APP_VERSION } from '../app-version';
import { appSchemaVersion } from '../migrations-folder';
import { hasStorageCode, toDalaError } from '../storage-errors';
import { createChannelDispatcher, type ChannelDispatcher } from '../channels/dispatch';
import { resolveDataDir } from '../data-dir';
import { openDatabase, type OpenedDatabase } from '../open';
import { takeGlobalArguments, UsageError } from './arguments';
import type { CliCommand, CommandContext } from './command';
import { learnerCommands } from './learner-commands';
import { maintenanceCommands } from './maintenance-commands';
import type { CliIo } from './output';
import { seedCommand } from './seed-command';
import { snapshotCommands } from './snapshot-commands';
import { transferCommands } from './transfer-commands';
import { backupCommands } from './backup-commands';
import { auditCommand } from './audit-commands';
import { classCommands } from './class-commands';
import { educatorCommands } from './educator-commands';
import { setSecretCommand } from './learner-secret-commands';
import { schemaCommands } from './schema-commands';
import { automaticBackupCommands } from './automatic-backup-commands';
import { syncCommands } from './sync-commands';

export const cliCommands: CliCommand[] = [
  ...learnerCommands,
  setSecretCommand,
  ...classCommands,
  ...educatorCommands,
  auditCommand,
  seedCommand,
  ...maintenanceCommands,
  ...schemaCommands,
  ...transferCommands,
  ...backupCommands,
  ...automaticBackupCommands,
  ...snapshotCommands,
  ...syncCommands,
];

/** The command line runs with the machine owner's rights (DESIGN.md, "Who may do what"). */
const CLI = { kind: 'cli' } as const;

function helpText(): string {
  const width = Math.max(...cliCommands.map((c) => c.usage.length));
  return [
    'dala: the DALA Learner Profile command line (same database as the app).',
    '',
    'Usage: dala [--data-dir DIR] COMMAND ...',
    '  --data-dir DIR   the data folder (default: $DALA_DATA_DIR, else the app\'s own folder)',
    '  --version        the app version and the database schema version it knows',
    '',
    ...cliCommands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

function findCommand(words: readonly string[]): { command: CliCommand; args: string[] } {
  // The longest matching path wins: `backup verify` before `backup`.
  const match = [...cliCommands].sort((a, b) => b.path.length - a.path.length).find((c) => c.path.every((w, i) => words[i] === w));
  if (match) return { command: match, args: words.slice(match.path.length) };
  const group = cliCommands.filter((c) => c.path.length > 1 && c.path[0] === words[0] && !cliCommands.some((o) => o.path.length === 1 && o.path[0] === words[0]));
  if (group.length > 0) {
    const given = words[1] === undefined ? 'a subcommand' : `"${words[1]}"`;
    throw new UsageError(`unknown or missing ${given} for "${words[0]}"; use one of: ${group.map((c) => c.path[1]).join(', ')}. Run "dala --help" for details.`);
  }
  throw new UsageError(`unknown command "${words[0]}". Run "dala --help" to see the commands.`);
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failure or problems found, 2 bad arguments. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let database: OpenedDatabase | undefined;
  let dispatcher: ChannelDispatcher | undefined;
  try {
    const { dataDir, rest } = takeGlobalArguments(argv);
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      io.stdout.write(helpText());
      return rest.length === 0 ? 2 : 0;
    }
    if (rest[0] === '--version' || rest[0] === '-v' || rest[0] === 'version') {
      io.stdout.write(`dala ${APP_VERSION} (database schema version ${appSchemaVersion()})\n`);
      return 0;
    }
    const { command, args } = findCommand(rest);
    if (args.includes('--help')) {
      io.stdout.write(`Usage: ${command.usage}\n  ${command.summary}\n`);
      return 0;
    }
    const context: CommandContext = {
      io,
      dataDir: resolveDataDir(dataDir, { platform: process.platform, env: io.env, homedir: os.homedir() }),
      open: async (options) => {
        database ??= await openDatabase({ dataDir: context.dataDir, migrate: options?.migrate });
        return database;
      },
      call: async (name, input) => {
        dispatcher ??= createChannelDispatcher(await context.open(), { appVersion: APP_VERSION, shell: 'cli' });
        const result = await dispatcher.dispatch(name, input, CLI);
        if (!result.ok) throw new DalaError(result.error.code, result.error.message, result.error.field);
        return result.value;
      },
    };
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`dala: ${error.message}\n`);
      return 2;
    }
    if (isDalaError(error)) {
      io.stderr.write(`dala: ${error.message}\n`);
      return 1;
    }
    // A full disk, a read-only folder or a damaged file is said as such, not as a crash.
    if (hasStorageCode(error)) {
      io.stderr.write(`dala: ${toDalaError(error).message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await dispatcher?.close();
    database?.close();
  }
}
