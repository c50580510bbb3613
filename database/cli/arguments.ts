import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { invalidInputFromZod } from '../../electron/common/errors';

/** Bad command-line arguments: reported as one line, exit code 2, before anything is opened. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

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

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parse of one command's flags; `usage` is appended to every error so it says how to fix it. */
export function parseCommandArguments<O extends Options>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true, allowNegative: false });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s+/g, ' ').trim();
    throw new UsageError(`${message}. Usage: ${usage}`);
  }
}

/** Validates a parsed value with a zod schema, naming the flag when it is wrong. */
export function validArgument<S extends z.ZodType>(schema: S, value: unknown, flag: string, usage: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { message } = invalidInputFromZod(result.error);
  throw new UsageError(`${flag} ${message.replace(/^[^:]*: /, '')}. Usage: ${usage}`);
}

export function expectPositionals(positionals: readonly string[], count: number, usage: string, what: string): string[] {
  if (positionals.length < count) throw new UsageError(`missing ${what}. Usage: ${usage}`);
  if (positionals.length > count) throw new UsageError(`unexpected argument "${positionals[count]}". Usage: ${usage}`);
  return positionals.slice(0, count);
}

export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

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
