import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from './responses';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/** With `X-Content-Type-Options: nosniff`, an unknown type is never run as script or page. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that a URL path names, or undefined when it names nothing servable:
 * undecodable escapes, NUL, backslashes, `..` or hidden segments (before and after decoding) and
 * anything resolving outside `rootDir` are all refused. `/` is index.html.
 */
export function staticFileFor(rootDir: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return undefined;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/** Resolves symbolic links too: a link inside the folder must not lead out of it. */
async function readableFileInside(rootDir: string, file: string): Promise<string | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(rootDir), fs.realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep)) return undefined;
    const stat = await fs.stat(realFile);
    return stat.isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}

/** GET/HEAD of the built renderer. No token needed: the page must load before it reads it. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed.\n', { Allow: 'GET, HEAD' });
    return;
  }
  const candidate = staticFileFor(rootDir, urlPath);
  const file = candidate === undefined ? undefined : await readableFileInside(rootDir, candidate);
  if (file === undefined) {
    sendText(res, 404, 'Not found.\n');
    return;
  }
  let content: Buffer;
  try {
    content = await fs.readFile(file);
  } catch {
    sendText(res, 404, 'Not found.\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(content.length),
    // The bundle changes with every build; have the browser revalidate instead of guessing.
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : content);
}
