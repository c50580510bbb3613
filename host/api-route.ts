import type { IncomingMessage, ServerResponse } from 'node:http';
import { invokeChannel, type HandlerLogger } from '../database/api';
import { DEFAULT_PAYLOAD_LIMIT_BYTES, payloadLimitOf } from '../electron/common/channels';
import { isChannelName, type ChannelHandlers, type ChannelResult } from '../electron/common/contract';
import { declaredLength, hasValidToken, isJsonContentType } from './request-guards';
import { readBody } from './request-body';
import { sendError, sendJson } from './responses';

/**
 * A JSON body larger than this is refused with 413, unless its channel carries a whole file and
 * has a larger limit of its own (`payloadLimitOf`, the same limit IPC enforces).
 */
export const MAX_BODY_BYTES = DEFAULT_PAYLOAD_LIMIT_BYTES;

export const API_PREFIX = '/api/';

export interface ApiContext {
  handlers: ChannelHandlers & { close(): Promise<void> };
  token: string;
  log: HandlerLogger;
  /** Runs one call at a time against the single synchronous SQLite connection. */
  serialize: <T>(job: () => Promise<T>) => Promise<T>;
}

/** Answers 413 and closes the connection, so the rest of the body is never read. */
function refuseTooLarge(res: ServerResponse, limit: number): void {
  sendError(res, 413, 'invalid_input', `The request is larger than ${limit} bytes.`, { Connection: 'close' });
}

/**
 * `POST /api/<channel>`: token, known channel, JSON content type, size limit and JSON syntax are
 * checked in that order before the payload reaches `invokeChannel`, which parses it with the
 * channel's schema. Typed errors from the handler are HTTP 200 with `ok: false`.
 */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, urlPath: string, context: ApiContext): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'invalid_input', 'Only POST is allowed on the API.', { Allow: 'POST' });
    return;
  }
  if (!hasValidToken(req.headers.authorization, context.token)) {
    sendError(res, 401, 'storage', 'This page is not allowed to reach DALA: open the address DALA printed when it started.', { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  const name = urlPath.slice(API_PREFIX.length);
  if (!isChannelName(name)) {
    sendError(res, 404, 'not_found', `There is no operation called "${name.slice(0, 100)}".`);
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, 415, 'invalid_input', 'The request body must be JSON (Content-Type: application/json).');
    return;
  }
  const limit = payloadLimitOf(name);
  const length = declaredLength(req.headers);
  if (length !== undefined && length > limit) {
    refuseTooLarge(res, limit);
    return;
  }
  const body = await readBody(req, limit);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too_large') {
    refuseTooLarge(res, limit);
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch {
    sendError(res, 400, 'invalid_input', 'The request body is not valid JSON.');
    return;
  }
  const result: ChannelResult<unknown> = await context.serialize(() => invokeChannel(context.handlers, name, payload, context.log));
  sendJson(res, 200, result);
}
