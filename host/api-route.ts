import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../database/channels/authorize';
import { decodeRequest, type ChannelDispatcher } from '../database/channels/dispatch';
import { DEFAULT_PAYLOAD_LIMIT_BYTES } from '../electron/common/channels';
import { isChannelName, payloadLimitOf } from '../electron/common/contract';
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
  dispatcher: Pick<ChannelDispatcher, 'dispatchPayload'>;
  token: string;
  /** The host's one token is one window's session: every request that holds it is this caller. */
  caller: Caller;
}

/** Answers 413 and closes the connection, so the rest of the body is never read. */
function refuseTooLarge(res: ServerResponse, limit: number): void {
  sendError(res, 413, 'invalid_input', `The request is larger than ${limit} bytes.`, { Connection: 'close' });
}

/**
 * `POST /api/<channel>`: token, known channel, JSON content type, size limit and JSON syntax are
 * checked in that order (the last two by decodeRequest, as for IPC) before the payload reaches
 * the dispatcher, which parses it with the channel's schema and runs it in the shared call queue.
 * Typed errors from the handler are HTTP 200 with `ok: false`.
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
  const request = decodeRequest(name, body.text);
  if (!request.ok) {
    if (request.refusal === 'too_large') refuseTooLarge(res, limit);
    else sendError(res, request.refusal === 'unknown_channel' ? 404 : 400, request.error.code, request.error.message);
    return;
  }
  sendJson(res, 200, await context.dispatcher.dispatchPayload(request.name, request.payload, context.caller));
}
