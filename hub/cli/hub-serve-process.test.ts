import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse, PushResponse } from '../../electron/common/sync/hub-protocol';
import { startThrowawayCluster, type ThrowawayCluster } from '../test-support/pg-cluster';
import { call, createSchool, enrol, learnerOperations, pullAll, pushBody } from '../server/test-support/hub-test-kit';
import { ensureBuilt, serveHub } from './test-support/hub-process';

let cluster: ThrowawayCluster;
let code: string;
let machine: EnrolResponse;
const env = () => ({ DALA_HUB_DATABASE_URL: cluster.appUrl });

beforeAll(async () => {
  ensureBuilt();
  cluster = await startThrowawayCluster();
  code = (await createSchool(cluster, 'Hill School')).enrolmentCode;
  const hub = await serveHub([], env());
  machine = await enrol(hub.url, code, 'lab-pc-01');
  hub.child.kill('SIGTERM');
  await hub.exited;
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

/** A push whose body is sent in two halves, `pause` ms apart: in flight for at least that long. */
function slowPush(url: string, body: string, credential: string, pause: number, onHalfSent: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('/v1/push', url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${credential}` } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(body.slice(0, body.length / 2), () => {
      onHalfSent();
      setTimeout(() => req.end(body.slice(body.length / 2)), pause);
    });
  });
}

describe('dala hub serve (a spawned process)', { timeout: 90_000 }, () => {
  it('finishes and acknowledges a push in flight on SIGTERM, then exits 0', async () => {
    const hub = await serveHub([], env());
    const { operations } = learnerOperations(200);
    const answer = slowPush(hub.url, JSON.stringify(pushBody(operations)), machine.credential, 1500, () => setTimeout(() => hub.child.kill('SIGTERM'), 300));
    const result = await answer;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ received: 201, duplicates: 0, changed: 201 });
    const exit = await hub.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const log = hub.stderr().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; level: string });
    expect(log.map((l) => l.msg)).toEqual(expect.arrayContaining(['SIGTERM: shutting down', 'shutting down: waiting for requests in flight', 'stopped']));
    expect(hub.stderr()).not.toContain('Ada Test');
  });

  it('serves HTTPS with --tls-cert and --tls-key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-hub-tls-'));
    try {
      const cert = path.join(dir, 'hub.crt');
      const key = path.join(dir, 'hub.key');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      const hub = await serveHub(['--tls-cert', cert, '--tls-key', key], env());
      try {
        expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          https
            .get(`${hub.url}/health`, { ca: fs.readFileSync(cert) }, (res) => {
              let text = '';
              res.on('data', (c: Buffer) => (text += c.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            })
            .on('error', reject);
        });
        expect(health.status).toBe(200);
        expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
      } finally {
        hub.child.kill('SIGTERM');
        expect((await hub.exited).code).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('killed (SIGKILL) during pushes and restarted, loses nothing and duplicates nothing', async () => {
    let hub = await serveHub([], env());
    const other = await enrol(hub.url, code, 'lab-pc-02');
    const before = (await pullAll(hub.url, other.credential)).length;
    // Three batches at once; the hub is killed while they are on the way (some may have committed).
    const batches = [learnerOperations(400), learnerOperations(400), learnerOperations(400)];
    const sending = batches.map((b) => call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(b.operations), credential: machine.credential }).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 120));
    hub.child.kill('SIGKILL');
    expect((await hub.exited).signal).toBe('SIGKILL');
    await Promise.all(sending);

    // The machine retries every batch it has no acknowledgement for; here, all of them.
    hub = await serveHub([], env());
    try {
      let duplicates = 0;
      let changed = 0;
      for (const batch of batches) {
        const retried = await call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(batch.operations), credential: machine.credential });
        expect(retried.status).toBe(200);
        expect(retried.body.received).toBe(401);
        duplicates += retried.body.duplicates;
        changed += retried.body.changed;
      }
      expect(duplicates + changed).toBe(3 * 401);
      const again = await call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(batches[0]!.operations), credential: machine.credential });
      expect(again.body).toMatchObject({ duplicates: 401, changed: 0 });

      const changes = (await pullAll(hub.url, other.credential)).slice(before);
      expect(changes).toHaveLength(3 * 401);
      const seqs = changes.map((c) => c.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      const uids = changes.filter((c) => c.change.table === 'activityAttempts').map((c) => (c.change.row as { attemptUid: string }).attemptUid);
      expect(new Set(uids).size).toBe(3 * 400);
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
  });
});
