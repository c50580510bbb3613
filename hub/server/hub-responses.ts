import type http from 'node:http';
import type { z } from 'zod';
import { issuePath } from '../../electron/common/errors';
import type { HubErrorBody, HubErrorCode } from '../../electron/common/sync/hub-protocol';
import { HubError } from '../store/hub-store';

/** The HTTP status of each protocol error code (the machine side reads the code, not the status). */
export const STATUS_OF: Record<HubErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  revoked: 403,
  code_invalid: 403,
  not_found: 404,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** A refusal the HTTP layer makes itself: a protocol code, a status (405 has no code of its own). */
export class HttpRefusal extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly status: number = STATUS_OF[code],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}

/** `invalid_input` naming the first bad field, as the app's own errors do. */
export function refusalFromZod(error: z.ZodError, what: string): HttpRefusal {
  const first = error.issues[0];
  const field = first ? issuePath(first.path) : undefined;
  return new HttpRefusal('invalid_input', `${what}${field ? ` (${field})` : ''}: ${first?.message ?? 'not valid'}.`);
}

export interface ErrorAnswer {
  status: number;
  code: HubErrorCode;
  message: string;
  headers: Readonly<Record<string, string>>;
  /** Nobody expected it: log the detail. */
  unexpected: boolean;
}

export const INTERNAL_MESSAGE = 'The hub failed unexpectedly; nothing was changed by this request. Its log has the detail; try again later.';

export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof HttpRefusal) return { status: error.status, code: error.code, message: error.message, headers: error.headers, unexpected: false };
  if (error instanceof HubError) {
    const headers: Record<string, string> = error.code === 'unavailable' ? { 'Retry-After': '30' } : {};
    return { status: STATUS_OF[error.code], code: error.code, message: error.message, headers, unexpected: error.code === 'internal' };
  }
  return { status: 500, code: 'internal', message: INTERNAL_MESSAGE, headers: {}, unexpected: true };
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

export function sendError(res: http.ServerResponse, answer: ErrorAnswer): void {
  const body: HubErrorBody = { error: { code: answer.code, message: answer.message } };
  sendJson(res, answer.status, body, answer.headers);
}
