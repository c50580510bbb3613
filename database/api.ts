import type { ChannelName } from '../electron/common/channels';
import { contract, isChannelName, type ChannelHandlers, type ChannelResult } from '../electron/common/contract';
import { DalaError, invalidInputFromZod } from '../electron/common/errors';
import { collectStatistics } from './maintenance/statistics';
import { verifyDatabase } from './maintenance/verify';
import type { OpenedDatabase } from './open';
import { createPersistenceManager } from './persistence-manager';
import { toDalaError } from './storage-errors';
import { createTransferHandlers, type TransferEnvironment } from './transfer-handlers';

export interface HandlerEnvironment extends TransferEnvironment {
  shell: 'electron' | 'browser';
  now?: () => string;
}

/**
 * One handler per contract channel, bound to an open database. `close` stops running jobs;
 * call it before closing the database.
 */
export function createChannelHandlers(database: OpenedDatabase, environment: HandlerEnvironment): ChannelHandlers & { close(): Promise<void> } {
  const manager = createPersistenceManager(database, environment.now);
  return {
    ...manager,
    ...createTransferHandlers(database, environment),
    listLearners: () => manager.listLearners(),
    getStatistics: () => collectStatistics(database.sqlite),
    verifyDatabase: (input) => verifyDatabase(database.sqlite, { fixOrphans: input.fixOrphans === true }),
    getAppInfo: () => ({ appVersion: environment.appVersion, schemaVersion: database.schemaVersion, shell: environment.shell }),
  };
}

/** Logs what went wrong without personal data: the channel and error code, never the input. */
export type HandlerLogger = (entry: { channel: string; code: string; detail?: string }) => void;

/**
 * The single dispatch path for IPC and HTTP: checks the channel name, parses the payload with the
 * channel's schema (nothing reaches the database otherwise), runs the handler, and turns every
 * failure into `{ code, message, field? }`.
 */
export async function invokeChannel(handlers: ChannelHandlers, name: string, payload: unknown, log?: HandlerLogger): Promise<ChannelResult<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no operation called "${name}".` } };
  }
  let parsed: ReturnType<(typeof contract)[typeof name]['input']['safeParse']>;
  try {
    parsed = contract[name].input.safeParse(payload ?? {});
  } catch (error) {
    // zod walks nested values recursively: a payload nested thousands of levels deep (allowed by
    // its size) overflows the stack. That is bad input, not a crash of the call.
    log?.({ channel: name, code: 'invalid_input', detail: (error as Error)?.name });
    return { ok: false, error: { code: 'invalid_input', message: 'The input is nested too deeply to be checked.' } };
  }
  if (!parsed.success) {
    const error = invalidInputFromZod(parsed.error);
    log?.({ channel: name, code: error.code, detail: error.field });
    return { ok: false, error: error.toIpcError() };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const typed = toDalaError(error);
    // Unexpected failures keep their class name for the log; their message may hold data, so not.
    log?.({ channel: name, code: typed.code, detail: error instanceof DalaError ? typed.field : (error as Error)?.name });
    return { ok: false, error: typed.toIpcError() };
  }
}

export type { ChannelName };
