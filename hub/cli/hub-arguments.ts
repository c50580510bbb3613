import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** Bad command-line arguments: one line, exit code 2, before PostgreSQL is contacted. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parse of one command's flags; the usage is appended so the message says how to fix it. */
export function parseCommandArguments<O extends Options>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true, allowNegative: false });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s+/g, ' ').trim();
    throw new UsageError(`${message}. Usage: ${usage}`);
  }
}

/** A flag's value checked with a zod schema; the message names the flag. */
export function validArgument<S extends z.ZodType>(schema: S, value: unknown, flag: string, usage: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(`${flag} ${result.error.issues[0]?.message ?? 'is not valid'}. Usage: ${usage}`);
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

export const uuidArgument = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an id as "dala hub schools list" or "dala hub machines list" prints it');

export const hostArgument = z.string().trim().min(1, 'needs an address').max(255).regex(/^[A-Za-z0-9.:_-]+$/, 'must be an address such as 127.0.0.1, 0.0.0.0 or hub.school.example');

const databaseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL such as postgres://dala_hub@127.0.0.1:5432/dala_hub');

export const DATABASE_URL_ENV = 'DALA_HUB_DATABASE_URL';

/**
 * `--database-url`, else $DALA_HUB_DATABASE_URL: the variable keeps a password out of `ps` and
 * shell history (systemd reads it from an EnvironmentFile).
 */
export function databaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv, usage: string): string {
  const value = flag ?? env[DATABASE_URL_ENV];
  if (value === undefined || value.trim() === '') throw new UsageError(`--database-url is needed (or set ${DATABASE_URL_ENV}). Usage: ${usage}`);
  return validArgument(databaseUrlSchema, value, flag === undefined ? DATABASE_URL_ENV : '--database-url', usage);
}
