import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl } from './app-origin';

/**
 * The app:// scheme: standard (relative URLs and web storage work), secure (a secure context like
 * https), and reachable by fetch. Not `corsEnabled` and not `bypassCSP`: other origins cannot
 * read it and the CSP applies. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers every app:// response carries, whatever its status. */
export function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * The file under `root` that a URL path names, or undefined when it would leave `root` (`..`,
 * encoded separators, absolute or drive paths, NUL bytes). "/" is index.html.
 */
export function resolveInsideRoot(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relativeRequest = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const base = path.resolve(root);
  const target = path.resolve(base, relativeRequest);
  const relative = path.relative(base, target);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return target;
}

/**
 * Serves the built renderer (out/renderer) on app://dala/: GET and HEAD only, 403 for a path that
 * escapes the folder, 404 for anything missing, and the CSP and nosniff headers on every answer.
 */
export function createAppRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return plain(404, 'Not found');
    const file = resolveInsideRoot(rendererRoot, new URL(request.url).pathname);
    if (file === undefined) return plain(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    const headers = securityHeaders(contentTypeFor(file));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Registers the handler on the default session (after ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
