import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { invalidInputFromZod } from '../electron/common/errors';

/**
 * What the two command lines share, the lab machine's `dala` (database/cli) and the school hub's
 * `dala hub` (hub/cli): strict flag parsing with the usage in every error, and zod checks that
 * name the flag. Node and zod only, so that the hub's bundle stays free of SQLite.
 */

/** Bad command-line arguments: reported as one line, exit code 2, before anything is opened or contacted. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
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
