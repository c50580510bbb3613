import { z } from 'zod';
import { UsageError, validArgument } from '../../command-line/usage';

export { expectPositionals, parseCommandArguments, UsageError, validArgument, wholeNumber } from '../../command-line/usage';

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
