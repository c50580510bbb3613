import type { z } from 'zod';
import { accessLevelOf, auditRecordsOf, contract, isChannelName, payloadLimitOf, runsBesideCallQueue, type ChannelInput, type ChannelName, type ChannelOutput, type ChannelResult, type ParsedChannelInput } from '../../electron/common/contract';
import { DalaError, invalidInputFromZod, type IpcError } from '../../electron/common/errors';
import type { OpenedDatabase } from '../open';
import { toDalaError } from '../storage-errors';
import { writeAudit } from '../administration/audit-log';
import { authorize, resolveCall, type Caller } from './authorize';
import { createCallQueue } from './call-queue';
import { createHandlerContext, type ChannelEnvironment, type HandlerContext } from './context';
import type { ChannelHandler } from './define';
import { handlerMap } from './handler-map';

/** Logs what went wrong without personal data: the channel and error code, never the input. */
export type HandlerLogger = (entry: { channel: string; code: string; detail?: string }) => void;

const fail = (error: IpcError): ChannelResult<never> => ({ ok: false, error });

/**
 * Parses a channel's input with its schema: the one validation of every call. Throws a typed
 * `invalid_input` naming the first bad field.
 */
export function parseChannelInput<C extends ChannelName>(name: C, payload: unknown): ParsedChannelInput<C> {
  const schema: z.ZodType = contract[name].input;
  let parsed: z.ZodSafeParseResult<unknown>;
  try {
    parsed = schema.safeParse(payload ?? {});
  } catch {
    // zod walks nested values recursively: a payload nested thousands of levels deep (allowed by
    // its size) overflows the stack. That is bad input, not a crash of the call.
    throw new DalaError('invalid_input', 'The input is nested too deeply to be checked.');
  }
  if (!parsed.success) throw invalidInputFromZod(parsed.error);
  return parsed.data as ParsedChannelInput<C>;
}

/** Why a request was refused before its input could be parsed; transports map this to their own status. */
export type RequestRefusal = 'unknown_channel' | 'too_large' | 'not_json';

export type DecodedRequest = { ok: true; name: ChannelName; payload: unknown } | { ok: false; refusal: RequestRefusal; error: IpcError };

/**
 * The first step of every request from a transport: a known channel, at most its limit in bytes
 * as received (never re-serialised to measure), valid JSON.
 */
export function decodeRequest(name: string, text: string): DecodedRequest {
  if (!isChannelName(name)) return { ok: false, refusal: 'unknown_channel', error: { code: 'not_found', message: `There is no operation called "${name.slice(0, 100)}".` } };
  const limit = payloadLimitOf(name);
  if (Buffer.byteLength(text, 'utf8') > limit) return { ok: false, refusal: 'too_large', error: { code: 'invalid_input', message: `The request is larger than ${limit} bytes.` } };
  try {
    return { ok: true, name, payload: JSON.parse(text) };
  } catch {
    return { ok: false, refusal: 'not_json', error: { code: 'invalid_input', message: 'The request is not valid JSON.' } };
  }
}

export interface ChannelDispatcher {
  /** A request as a transport received it: the channel's name and the JSON text of its input (decodeRequest, then dispatch). */
  dispatchText(name: string, text: string, caller: Caller): Promise<ChannelResult<unknown>>;
  /** A payload a transport decoded itself (decodeRequest): the schema decides what it is. */
  dispatchPayload(name: ChannelName, payload: unknown, caller: Caller): Promise<ChannelResult<unknown>>;
  /** A call from inside this process (CLI, tests): typed input, the same parse, checks and queue. */
  dispatch<C extends ChannelName>(name: C, input: ChannelInput<C>, caller: Caller): Promise<ChannelResult<ChannelOutput<C>>>;
  context: HandlerContext;
  /** Waits for the calls in flight, then stops running jobs. Close the database after it. */
  close(): Promise<void>;
}

/**
 * The single dispatch path of IPC, HTTP and the CLI: known channel, size (of the bytes received),
 * JSON syntax, the channel's schema, who may call it, then the handler, one call at a time. Every
 * failure becomes `{ code, message, field? }`; nothing reaches a handler unparsed or unauthorised.
 */
export function createChannelDispatcher(database: OpenedDatabase, environment: ChannelEnvironment, log?: HandlerLogger): ChannelDispatcher {
  const context = createHandlerContext(database, environment);
  const queue = createCallQueue();
  let closing: Promise<void> | undefined;

  const run = async (name: ChannelName, payload: unknown, caller: Caller): Promise<ChannelResult<unknown>> => {
    let input: unknown;
    try {
      input = parseChannelInput(name, payload);
    } catch (error) {
      const typed = toDalaError(error);
      log?.({ channel: name, code: typed.code, detail: typed.field });
      return fail(typed.toIpcError());
    }
    // Calls received before close() still run (a save is never cut off); later ones are refused.
    if (closing) return fail({ code: 'storage', message: 'DALA is closing; try again when it has restarted.' });
    // A native dialog may stay open for minutes: it waits beside the queue, never in it.
    const schedule = runsBesideCallQueue(name) ? <T>(job: () => Promise<T>) => job() : <T>(job: () => Promise<T>) => queue.run(job);
    return schedule(async () => {
      try {
        const call = resolveCall(context, caller);
        authorize(context, call, accessLevelOf(name, input as never), input);
        const handler = handlerMap[name] as ChannelHandler<ChannelName>;
        const value = await handler(context, input as never, call);
        try {
          writeAudit(context, call, auditRecordsOf(name, input as never, value as never));
        } catch (error) {
          // The action is done; a full disk must not make it look failed. The log says the audit line is missing.
          log?.({ channel: name, code: 'storage', detail: `audit-${(error as Error)?.name ?? 'error'}` });
        }
        try {
          environment.afterCall?.(name);
        } catch {
          // A listener's failure is not the call's.
        }
        return { ok: true as const, value };
      } catch (error) {
        const typed = toDalaError(error);
        // Unexpected failures keep their class name for the log; their message may hold data, so not.
        log?.({ channel: name, code: typed.code, detail: error instanceof DalaError ? typed.field : (error as Error)?.name });
        return fail(typed.toIpcError());
      }
    });
  };

  return {
    context,
    async dispatchText(name, text, caller) {
      const request = decodeRequest(name, text);
      if (!request.ok) {
        log?.({ channel: name.slice(0, 100), code: request.error.code, detail: request.refusal });
        return fail(request.error);
      }
      return run(request.name, request.payload, caller);
    },
    dispatchPayload: run,
    dispatch: (name, input, caller) => run(name, input, caller) as Promise<ChannelResult<ChannelOutput<typeof name>>>,
    close() {
      closing ??= queue.idle().then(() => context.close());
      return closing;
    },
  };
}
