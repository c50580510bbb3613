import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, payloadLimitOf } from '../electron/common/contract';
import { MAX_BODY_BYTES } from './api-route';
import type { BrowserHost } from './server';
import { apiRequest, useTempHosts, unlockAsFirstAdmin } from './test-support/host-fixture';

const hosts = useTempHosts();
const learnerCount = (host: BrowserHost): number =>
  (host.database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;
/** A createLearnerProfile body of `bytes` bytes (the padding makes it invalid only by its size or key). */
const paddedBody = (bytes: number): string => {
  const start = '{"displayName":"Ada","pad":"';
  return `${start}${'x'.repeat(bytes - start.length - 2)}"}`;
};

/**
 * Sends only the headers (declaring `length` bytes) and a few bytes of body: an answer can only
 * come from the declared length.
 */
function declaredOnly(host: BrowserHost, channel: string, length: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: host.port,
      method: 'POST',
      path: `/api/${channel}`,
      agent: false,
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Content-Length': String(length) },
    });
    const timer = setTimeout(() => reject(new Error('no answer: the host is waiting for the body')), 3_000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => undefined);
    req.write('{"displayName":');
  });
}

describe('request bodies', () => {
  it('malformed JSON is 400 invalid_input and writes nothing', async () => {
    const { host } = await hosts.start();
    for (const body of ['{"displayName": "Ada"', 'displayName=Ada', '', '{\'displayName\':\'Ada\'}']) {
      const response = await apiRequest(host, 'createLearnerProfile', undefined, { body });
      expect(response.status, body).toBe(400);
      const parsed = JSON.parse(response.text) as { ok: boolean; error: { code: string; message: string } };
      expect(parsed).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not valid JSON/) } });
    }
    expect(learnerCount(host)).toBe(0);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'Content-Type "%s" is 415 and writes nothing',
    async (contentType) => {
      const { host } = await hosts.start();
      const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { 'Content-Type': contentType } });
      expect(response.status).toBe(415);
      expect(learnerCount(host)).toBe(0);
    },
  );

  it('application/json with a charset is accepted', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' }, { headers: { 'Content-Type': 'Application/JSON; charset=utf-8' } });
    expect(response.status).toBe(200);
    expect(learnerCount(host)).toBe(1);
  });

  it('the limit is 1 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('a 2 MiB body with Content-Length is 413, closes the connection, and the host keeps serving', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', undefined, { body: paddedBody(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(learnerCount(host)).toBe(0);
    expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
  });

  it('a declared 2 MiB body is refused before any of it is read', async () => {
    const { host } = await hosts.start();
    expect(await declaredOnly(host, 'createLearnerProfile', 2 * 1024 * 1024)).toBe(413);
  });

  it('a client that goes away in the middle of a body leaves the host serving', async () => {
    const { host } = await hosts.start();
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/createLearnerProfile',
        agent: false,
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Content-Length': '100' },
      });
      req.on('error', () => resolve());
      req.write('{"displayName":', () => setTimeout(() => req.destroy(), 50));
    });
    expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
    expect(learnerCount(host)).toBe(0);
  });

  it('a 2 MiB chunked body (no Content-Length) is 413 too', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', undefined, { body: paddedBody(2 * 1024 * 1024), chunked: true });
    expect(response.status).toBe(413);
    expect(learnerCount(host)).toBe(0);
    expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
  });

  it('no channel carries a file any more (files go by id): every channel has the 1 MiB limit, so a 5 MB previewProfileImport is 413', async () => {
    const { host } = await hosts.start();
    await unlockAsFirstAdmin(host);
    for (const name of CHANNEL_NAMES) expect(payloadLimitOf(name), name).toBe(MAX_BODY_BYTES);
    const preview = await apiRequest(host, 'previewProfileImport', { fileId: 'x'.repeat(5_000_000) });
    expect(preview.status).toBe(413);
    expect(JSON.parse(preview.text)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `The request is larger than ${MAX_BODY_BYTES} bytes.` } });
    expect(await declaredOnly(host, 'startRestore', MAX_BODY_BYTES + 1)).toBe(413);
    expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
  });

  it('a body just under 1 MiB is read and parsed (then refused by the schema, not by size)', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'createLearnerProfile', undefined, { body: paddedBody(MAX_BODY_BYTES - 10) });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
