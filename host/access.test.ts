import net from 'node:net';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from './server';
import { apiRequest, rawRequest, useTempHosts, type RawResponse } from './test-support/host-fixture';

const hosts = useTempHosts();
const learnerCount = (host: BrowserHost): number =>
  (host.database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;
const errorOf = (response: RawResponse): { code: string; message: string } => {
  const body = JSON.parse(response.text) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  return body.error;
};

describe('the API token', () => {
  it('is 32 random bytes as hex, new for every run', async () => {
    const [a, b] = [await hosts.start(), await hosts.start()];
    expect(a.host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(a.host.token).not.toBe(b.host.token);
    expect(a.host.url).toBe(`http://127.0.0.1:${a.host.port}/?token=${a.host.token}`);
  });

  it('a request without it is 401 and writes nothing', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { Authorization: '' } });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(errorOf(response).message).toMatch(/address DALA printed/);
    expect(learnerCount(host)).toBe(0);
  });

  it.each([
    ['a wrong token', (t: string) => `Bearer ${t.slice(0, -1)}${t.endsWith('0') ? '1' : '0'}`],
    ['a prefix of the token', (t: string) => `Bearer ${t.slice(0, 32)}`],
    ['the token with extra characters', (t: string) => `Bearer ${t}0`],
    ['the token in another scheme', (t: string) => `Basic ${t}`],
    ['the bare token', (t: string) => t],
    ['an empty bearer', () => 'Bearer '],
  ])('%s is 401 and writes nothing', async (_, authorization) => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { Authorization: authorization(host.token) } });
    expect(response.status).toBe(401);
    expect(learnerCount(host)).toBe(0);
  });

  it('the token in the query string does not authorize an API call', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { path: `/api/createLearnerProfile?token=${host.token}`, headers: { Authorization: '' } });
    expect(response.status).toBe(401);
  });

  it('the right token is accepted (the control for the tests above)', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' });
    expect(response.status).toBe(200);
    expect(learnerCount(host)).toBe(1);
  });

  it('an unknown channel is 404 with the token, 401 without (no probing for names)', async () => {
    const { host } = await hosts.start();
    const known = await apiRequest(host, 'dropAllTables', {});
    expect(known.status).toBe(404);
    expect(errorOf(known).code).toBe('not_found');
    expect((await apiRequest(host, 'constructor', {})).status).toBe(404);
    expect((await apiRequest(host, 'dropAllTables', {}, { headers: { Authorization: '' } })).status).toBe(401);
  });
});

describe('the Host header (DNS rebinding) and Origin', () => {
  it.each(['evil.example', `evil.example:PORT`, '127.0.0.1', '127.0.0.1:1', 'localhost', '[::1]:PORT', '127.0.0.1:PORT.evil.example'])(
    'Host %s is 403 on the API and writes nothing',
    async (hostHeader) => {
      const { host } = await hosts.start();
      const Host = hostHeader.replace('PORT', String(host.port));
      const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { Host } });
      expect(response.status).toBe(403);
      expect(errorOf(response).message).toMatch(/127\.0\.0\.1 or localhost/);
      expect(learnerCount(host)).toBe(0);
    },
  );

  it('a wrong Host is 403 for the page too', async () => {
    const { host } = await hosts.start();
    expect((await rawRequest(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } })).status).toBe(403);
  });

  it('127.0.0.1:<port> and localhost:<port> are both accepted', async () => {
    const { host } = await hosts.start();
    expect((await apiRequest(host, 'listLearners', {}, { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(200);
    expect((await apiRequest(host, 'listLearners', {}, { headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('a request from another origin is 403 even with the token; the host\'s own origin is fine', async () => {
    const { host } = await hosts.start();
    const foreign = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { Origin: 'null' } })).status).toBe(403);
    expect(learnerCount(host)).toBe(0);
    expect((await apiRequest(host, 'listLearners', {}, { headers: { Origin: host.origin } })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only: other loopback and interface addresses refuse the connection', async () => {
    const { host } = await hosts.start();
    const others = ['127.0.0.2', '::1', ...Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => !i.internal).map((i) => i.address))];
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: host.port, timeout: 2_000 });
        const done = (result: string) => {
          socket.destroy();
          resolve(result);
        };
        socket.once('connect', () => done('connected'));
        socket.once('timeout', () => done('timeout'));
        socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});

describe('methods and CORS', () => {
  it('OPTIONS, GET, PUT and DELETE on the API are 405 and allow only POST', async () => {
    const { host } = await hosts.start();
    for (const method of ['OPTIONS', 'GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await apiRequest(host, 'listLearners', {}, { method, body: method === 'GET' ? undefined : '{}' });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow, method).toBe('POST');
    }
  });

  it('a CORS preflight gets no CORS headers, and neither does any other answer', async () => {
    const { host } = await hosts.start();
    const preflight = { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' };
    const responses = [
      await rawRequest(host.port, { method: 'OPTIONS', path: '/api/listLearners', headers: { ...preflight, Origin: host.origin } }),
      await rawRequest(host.port, { method: 'OPTIONS', path: '/api/listLearners', headers: { ...preflight, Origin: 'http://evil.example' } }),
      await rawRequest(host.port, { method: 'OPTIONS', path: '/', headers: preflight }),
      await rawRequest(host.port, { path: '/' }),
      await apiRequest(host, 'listLearners', {}),
      await apiRequest(host, 'listLearners', {}, { headers: { Origin: host.origin } }),
      await apiRequest(host, 'listLearners', {}, { headers: { Authorization: '' } }),
    ];
    expect(responses[0]?.status).toBe(405);
    for (const response of responses) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('PUT and POST on the page are 405', async () => {
    const { host } = await hosts.start();
    expect((await rawRequest(host.port, { method: 'PUT', path: '/index.html', body: 'x' })).status).toBe(405);
    expect((await rawRequest(host.port, { method: 'POST', path: '/', body: 'x' })).status).toBe(405);
  });
});
