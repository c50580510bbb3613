import type { ServerResponse } from 'node:http';

import { CONTENT_SECURITY_POLICY } from '../electron/common/content-security-policy';

/** The renderer's policy (electron/common/content-security-policy.ts), sent as a header. */
export { CONTENT_SECURITY_POLICY };

/** Sent on every response, static or API, success or error. No CORS header is ever sent. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
