import { UsageError } from '../../command-line/usage';

export { expectPositionals, parseCommandArguments, UsageError, validArgument, wholeNumber } from '../../command-line/usage';

export interface GlobalArguments {
  dataDir: string | undefined;
  rest: string[];
}

/** `--data-dir` may stand anywhere on the line; it is taken out before the command is parsed. */
export function takeGlobalArguments(argv: readonly string[]): GlobalArguments {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data-dir') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--data-dir needs a folder, e.g. --data-dir ./lab-data');
      dataDir = value;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
      if (!dataDir) throw new UsageError('--data-dir needs a folder, e.g. --data-dir=./lab-data');
    } else {
      rest.push(arg);
    }
  }
  return { dataDir, rest };
}

/** A day (2026-03-01, taken as the whole UTC day) or a full UTC timestamp. */
export function dateArgument(value: string, edge: 'start' | 'end', flag: string, usage: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z` : value;
  const parsed = Date.parse(day);
  if (Number.isNaN(parsed) || !/Z$/.test(day)) throw new UsageError(`${flag} must be a date like 2026-03-01 or a UTC time like 2026-03-01T08:00:00.000Z. Usage: ${usage}`);
  return new Date(parsed).toISOString();
}

/**
 * `--password` / `--pin` on the command line would stay in shell history and be visible to other
 * accounts in the process list, so they are refused with a pointer to the stdin flag. Only the
 * option's name is echoed, never its value.
 */
export function refuseSecretsOnArgv(args: readonly string[], names: readonly string[], usage: string): void {
  for (const arg of args) {
    if (arg === '--') return;
    const name = arg.split('=', 1)[0] as string;
    if (names.includes(name))
      throw new UsageError(
        `unknown option '${name}': passwords and PINs are never taken from the command line (shell history and the process list would keep them); pipe it in with ${name}-stdin. Usage: ${usage}`,
      );
  }
}
