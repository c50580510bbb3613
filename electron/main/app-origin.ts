/**
 * Where the DALA window lives: the renderer is served from a custom privileged scheme, never from
 * file:// or the network, so that every navigation, IPC sender and response can be checked against
 * one origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dala';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Sent as a header with every app:// response (see electron/common/content-security-policy.ts). */
export { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';

/**
 * True only for URLs on app://dala/. Node's URL gives custom schemes an opaque origin ("null"),
 * so the scheme and host are compared instead of `origin`; Chromium lower-cases the host of a
 * standard scheme, Node does not, hence the case-insensitive host.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
