import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Checks every request must pass before it reaches a file or a handler. Pure functions of the
 * headers, so each rule is tested on its own as well as through the running server.
 */

/**
 * DNS rebinding: a page from evil.example whose name now resolves to 127.0.0.1 still sends
 * `Host: evil.example:<port>`. Only the loopback names we serve on are accepted, with our port.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site requests; when present it must be this host itself. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * `Authorization: Bearer <token>`, compared in constant time (both sides hashed first, so neither
 * the content nor the length of the token leaks through timing).
 */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  const equal = timingSafeEqual(digest(given), digest(token));
  return equal && given.length > 0;
}

/** Whether a Content-Type names `mediaType`, optionally with parameters such as `; charset=utf-8`. */
export function hasMediaType(contentType: string | undefined, mediaType: string): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === mediaType;
}

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return hasMediaType(contentType, 'application/json');
}

/** The declared body length, or undefined when the client did not declare one (chunked). */
export function declaredLength(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['content-length'];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}
