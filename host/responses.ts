import type { ServerResponse } from 'node:http';
import type { ChannelResult } from '../electron/common/contract';
import type { ErrorCode } from '../electron/common/errors';

/** Writes a JSON answer; API answers are never cached (they hold learners' data). */
export function sendJson(res: ServerResponse, status: number, body: ChannelResult<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * An HTTP-level refusal in the same `{ ok: false, error }` shape as a handler's typed error, so the
 * renderer's client can show the message whatever went wrong.
 */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

/** A plain-text refusal for non-API paths (static files). */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
