import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError, wholeNumber } from '../database/cli/arguments';
import { invalidInputFromZod } from '../electron/common/errors';

export const HOST_USAGE = 'dala-host [--port N] [--data-dir DIR]';
/** Used when --port is not given; if it is taken, the host picks a free port and says so. */
export const DEFAULT_PORT = 4317;

export interface HostArguments {
  port: number;
  /** False when the default port is used (it may then fall back to a free one). */
  portGiven: boolean;
  dataDir: string | undefined;
  help: boolean;
}

const schema = z.strictObject({
  port: wholeNumber(0, 65_535).optional(),
  'data-dir': z.string().min(1, 'needs a folder, e.g. --data-dir ./lab-data').optional(),
  help: z.boolean().optional(),
});

/** Parses `dala-host` arguments; anything wrong is a UsageError with a one-line message. */
export function parseHostArguments(argv: readonly string[]): HostArguments {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
      allowNegative: false,
    }));
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s+/g, ' ').trim();
    throw new UsageError(`${message}. Usage: ${HOST_USAGE}`);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const { field, message } = invalidInputFromZod(parsed.error);
    throw new UsageError(`--${field ?? 'arguments'} ${message.replace(/^[^:]*: /, '')}. Usage: ${HOST_USAGE}`);
  }
  const { port, 'data-dir': dataDir, help } = parsed.data;
  return { port: port ?? DEFAULT_PORT, portGiven: port !== undefined, dataDir, help: help === true };
}
