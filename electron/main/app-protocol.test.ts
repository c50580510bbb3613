import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeApp, FakeProtocol } from '../test-support/fake-electron';
import { CONTENT_SECURITY_POLICY } from './app-origin';
import { createAppRequestHandler, registerAppScheme, resolveInsideRoot, serveRenderer } from './app-protocol';

let base: string;
let rendererRoot: string;
let serve: (request: Request) => Promise<Response>;
const get = (url: string, init?: RequestInit) => serve(new Request(url, init));

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-protocol-'));
  rendererRoot = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>DALA</title>');
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET-OUTSIDE-RENDERER');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'SECRET-SIBLING');
  serve = createAppRequestHandler(rendererRoot);
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

describe('the app:// scheme', () => {
  it('is registered as privileged (standard, secure, fetch) before ready, without CORS or CSP bypass', () => {
    const app = new FakeApp();
    const protocol = new FakeProtocol(app);
    registerAppScheme(protocol);
    expect(protocol.registeredBeforeReady).toBe(true);
    expect(protocol.privileged).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('serves the renderer folder through protocol.handle("app")', async () => {
    const app = new FakeApp();
    app.markReady();
    const protocol = new FakeProtocol(app);
    serveRenderer(protocol, rendererRoot);
    const response = await protocol.request('app://dala/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>DALA</title>');
  });
});

describe('app:// responses', () => {
  it('serves files with their content type, the CSP header and nosniff', async () => {
    for (const [url, type] of [
      ['app://dala/index.html', 'text/html; charset=utf-8'],
      ['app://dala/assets/app.js', 'text/javascript; charset=utf-8'],
      ['app://dala/assets/app.css', 'text/css; charset=utf-8'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('serves index.html for the bare origin', async () => {
    expect(await (await get('app://dala/')).text()).toContain('DALA');
  });

  it('answers 404 for a missing file or a folder, still with the security headers', async () => {
    for (const url of ['app://dala/nope.js', 'app://dala/assets/', 'app://dala/assets']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('refuses every path that escapes the renderer folder', async () => {
    const attempts = [
      'app://dala/..%2Fsecret.txt',
      'app://dala/..%2f..%2f' + 'secret.txt',
      'app://dala/assets/..%2F..%2Fsecret.txt',
      'app://dala/%2e%2e%2Fsecret.txt',
      'app://dala/..%5Csecret.txt',
      'app://dala/..%2Frenderer-evil%2Fx.js',
      `app://dala/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://dala/index.html%00.js',
      'app://dala/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await get(url);
      const body = await response.text();
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(body, url).not.toContain('SECRET');
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await get('app://dala/..%2Fsecret.txt')).status).toBe(403);
  });

  it('answers only for the dala host and only GET/HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://dala/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('app://dala/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('resolveInsideRoot', () => {
  it('keeps paths inside the root and rejects the rest', () => {
    expect(resolveInsideRoot('/r', '/a/b.js')).toBe(path.resolve('/r/a/b.js'));
    expect(resolveInsideRoot('/r', '/')).toBe(path.resolve('/r/index.html'));
    expect(resolveInsideRoot('/r', '/..%2Fx')).toBeUndefined();
    expect(resolveInsideRoot('/r', '/a/..%2F..%2Fx')).toBeUndefined();
    expect(resolveInsideRoot('/r', '/%2Fetc%2Fpasswd')).toBe(path.resolve('/r/etc/passwd'));
    expect(resolveInsideRoot('/r', '/a/%2e%2e')).toBeUndefined();
  });
});
