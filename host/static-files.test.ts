import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, staticFileFor } from './static-files';
import { rawRequest, SECRET_TEXT, useTempHosts } from './test-support/host-fixture';

const hosts = useTempHosts();

describe('serving the renderer', () => {
  it('GET / serves index.html as HTML, without a token', async () => {
    const { host, rendererDir } = await hosts.start();
    const response = await rawRequest(host.port, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toBe(fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
  });

  it('the address printed at start (with ?token=) serves the page', async () => {
    const { host } = await hosts.start();
    const response = await rawRequest(host.port, { path: `/?token=${host.token}` });
    expect(response.status).toBe(200);
    expect(response.text).toContain('DALA test page');
    expect(response.text).not.toContain(host.token);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/data.bin', 'application/octet-stream'],
  ])('%s is served as %s', async (urlPath, type) => {
    const { host, rendererDir } = await hosts.start();
    const response = await rawRequest(host.port, { path: urlPath });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(Number(response.headers['content-length'])).toBe(fs.statSync(path.join(rendererDir, urlPath)).size);
  });

  it('HEAD answers the headers without a body', async () => {
    const { host } = await hosts.start();
    const response = await rawRequest(host.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.text).toBe('');
  });

  it.each(['/missing.js', '/assets/', '/assets', '/.hidden', '/assets//app.js', '/index.html/'])('%s is 404', async (urlPath) => {
    const { host } = await hosts.start();
    expect((await rawRequest(host.port, { path: urlPath })).status).toBe(404);
  });
});

describe('path traversal', () => {
  const attempts = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/%00/../secret.txt',
    '/secret.txt%00.html',
    '/%',
    '/../package.json',
    '/%2e%2e/package.json',
  ];

  it.each(attempts)('%s is refused (404 or 403) and shows nothing outside the renderer', async (urlPath) => {
    const { host } = await hosts.start();
    const response = await rawRequest(host.port, { path: urlPath });
    expect([403, 404]).toContain(response.status);
    expect(response.text).not.toContain(SECRET_TEXT);
    expect(response.text).not.toContain('"name"');
  });

  it('a symbolic link inside the renderer folder that leads out of it is 404', async () => {
    const { host, dir, rendererDir } = await hosts.start();
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    fs.symlinkSync(dir, path.join(rendererDir, 'up'));
    expect((await rawRequest(host.port, { path: '/assets/link.txt' })).status).toBe(404);
    expect((await rawRequest(host.port, { path: '/up/secret.txt' })).status).toBe(404);
  });

  it('staticFileFor maps only plain paths inside the folder', () => {
    const root = path.resolve('/srv/renderer');
    expect(staticFileFor(root, '/')).toBe(path.join(root, 'index.html'));
    expect(staticFileFor(root, '/assets/app%20v2.js')).toBe(path.join(root, 'assets', 'app v2.js'));
    for (const bad of attempts.concat(['relative.js', '/assets/./app.js', '/a/.git/config', '/%E0%A4%A'])) {
      expect(staticFileFor(root, bad), bad).toBeUndefined();
    }
  });
});

describe('content types', () => {
  it('knows the renderer bundle\'s kinds of file and falls back to octet-stream', () => {
    expect(contentTypeFor('a.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.png')).toBe('image/png');
    expect(contentTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a')).toBe('application/octet-stream');
  });
});
