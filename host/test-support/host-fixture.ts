import { TEST_ADMIN } from '../../database/test-support/accounts';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security-headers';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../server';

/**
 * Shared fixture for the host tests: a real host on a free port against a real database in a
 * fresh temp folder, with a tiny fake renderer so the tests do not depend on a build. A file
 * beside the renderer folder (`secret.txt`) must never be reachable. Cleaned up after each test.
 */

export const SECRET_TEXT = 'this file is outside the renderer folder';

export interface TempHost {
  host: BrowserHost;
  /** The temp folder holding data/, renderer/ and secret.txt. */
  dir: string;
  dataDir: string;
  rendererDir: string;
}

export function makeFakeRenderer(rendererDir: string): void {
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" /><title>DALA test page</title>` +
      '<script type="module" src="./assets/app.js"></script><link rel="stylesheet" href="./assets/style.css" /></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("dala");\n');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'style.css'), 'body { margin: 0; }\n');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'data.bin'), Buffer.from([0, 1, 2, 3]));
  fs.writeFileSync(path.join(rendererDir, '.hidden'), 'hidden\n');
}

export function useTempHosts(): { start(options?: Partial<BrowserHostOptions>): Promise<TempHost>; tempDir(): string } {
  const hosts: BrowserHost[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-host-test-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (options: Partial<BrowserHostOptions> = {}): Promise<TempHost> => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const rendererDir = path.join(dir, 'renderer');
    makeFakeRenderer(rendererDir);
    fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET_TEXT);
    const host = await startBrowserHost({ dataDir, port: 0, host: '127.0.0.1', rendererDir, appVersion: '9.9.9-test', automaticBackups: false, ...options });
    hosts.push(host);
    return { host, dir, dataDir, rendererDir };
  };
  return { start, tempDir };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given (no normalisation of `..` or escapes, unlike fetch). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without Content-Length. */
  chunked?: boolean;
}

/**
 * One request with node:http, so the test controls the Host header and the raw path. When the
 * server answers before the whole body is sent and closes the connection, the answer still counts.
 */
export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...request.headers };
    if (request.body !== undefined && !request.chunked) headers['Content-Length'] = String(Buffer.byteLength(request.body));
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (request.body === undefined) req.end();
    else if (request.chunked) {
      const body = Buffer.from(request.body);
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else req.end(request.body);
  });
}

/** A well-formed API call: right Host, token and content type, unless overridden. */
export function apiRequest(host: BrowserHost, channel: string, payload: unknown, overrides: Partial<RawRequest> = {}): Promise<RawResponse> {
  return rawRequest(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    body: JSON.stringify(payload),
    ...overrides,
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...overrides.headers },
  });
}

/** Sets up the machine's first admin through the API, which unlocks this host's session as that admin. */
export async function unlockAsFirstAdmin(host: BrowserHost): Promise<void> {
  const response = await apiRequest(host, 'setUpFirstAdmin', TEST_ADMIN);
  if (!JSON.parse(response.text).ok) throw new Error(`setUpFirstAdmin failed: ${response.text}`);
}
