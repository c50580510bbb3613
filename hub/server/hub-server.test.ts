import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HUB_REQUEST_BYTES, type EnrolResponse, type PushResponse } from '../../electron/common/sync/hub-protocol';
import { openHubAdministration } from '../store/hub-administration';
import { startThrowawayCluster, type ThrowawayCluster } from '../test-support/pg-cluster';
import { call, createSchool, enrol, learnerOperations, pullAll, pushBody, startTestHub, type TestHub } from './test-support/hub-test-kit';

let cluster: ThrowawayCluster;
let hub: TestHub;
let code: string;
let machine: EnrolResponse;

beforeAll(async () => {
  cluster = await startThrowawayCluster();
  // Every statement counts as slow, so that the slow-statement log is exercised.
  hub = await startTestHub(cluster, { slowStatementMs: 0 });
  code = (await createSchool(cluster, 'Hill School')).enrolmentCode;
  machine = await enrol(hub.url, code, 'lab-pc-01');
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await cluster?.stop();
});

/** Sends a body of `size` bytes, optionally without Content-Length (chunked), and returns the status and body. */
function sendLarge(url: string, size: number, chunked: boolean, credential: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL('/v1/push', url);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', authorization: `Bearer ${credential}` };
    if (!chunked) headers['content-length'] = size;
    const req = http.request(target, { method: 'POST', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The hub stops reading and closes: writing the rest fails, which is the point.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the hub over HTTP', () => {
  it('answers /health with 200 and the schema versions', async () => {
    const answer = await call<{ status: string; database: boolean; schemaVersion: number; expectedSchemaVersion: number }>(hub.url, 'GET', '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', database: true });
    expect(answer.body.schemaVersion).toBe(answer.body.expectedSchemaVersion);
  });

  it('enrols, pushes and pulls; a retried batch is counted as duplicates and changes nothing', async () => {
    const { operations } = learnerOperations(20);
    const first = await call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(operations, 3), credential: machine.credential });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 21, duplicates: 0, changed: 21 });
    const retry = await call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(operations), credential: machine.credential });
    expect(retry.body).toMatchObject({ received: 21, duplicates: 21, changed: 0, latestSeq: first.body.latestSeq });

    const other = await enrol(hub.url, code, 'lab-pc-02');
    const changes = await pullAll(hub.url, other.credential);
    const uids = changes.filter((c) => c.change.table === 'activityAttempts').map((c) => (c.change.row as { attemptUid: string }).attemptUid);
    expect(new Set(uids).size).toBe(20);
    expect(changes.length).toBeGreaterThanOrEqual(21);
  });

  it('serves /metrics with the hub metric names, the per-school gauges and process metrics', async () => {
    const answer = await call<string>(hub.url, 'GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const name of [
      'dala_hub_http_requests_total{route="push",status="200"}',
      'dala_hub_http_errors_total',
      'dala_hub_rows_pushed_total',
      'dala_hub_rows_pulled_total',
      'dala_hub_push_duplicate_operations_total',
      'dala_hub_push_duration_seconds_bucket',
      'dala_hub_pull_duration_seconds_bucket',
      'dala_hub_statement_duration_seconds_bucket',
      'dala_hub_slow_statements_total',
      'dala_hub_machines{school_id=',
      'dala_hub_changes_not_yet_pulled{school_id=',
      'dala_hub_pending_on_machines{school_id=',
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(answer.body, name).toContain(name);
    }
    expect(hub.logLines.some((line) => JSON.parse(line).msg === 'slow statement')).toBe(true);
  });

  it('refuses an oversized body with 413, declared or streamed, without applying anything', async () => {
    const before = await pullAll(hub.url, machine.credential);
    const declared = await sendLarge(hub.url, MAX_HUB_REQUEST_BYTES + 1, false, machine.credential);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    const streamed = await sendLarge(hub.url, MAX_HUB_REQUEST_BYTES * 2, true, machine.credential);
    expect(streamed.status).toBe(413);
    expect(await pullAll(hub.url, machine.credential)).toHaveLength(before.length);
  });

  it('refuses bad JSON and bad payloads with 400 naming the field, and changes nothing', async () => {
    const before = await pullAll(hub.url, machine.credential);
    const notJson = await call<{ error: { code: string; message: string } }>(hub.url, 'POST', '/v1/push', { raw: '{"operations": [', credential: machine.credential });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_input');

    // A valid operation followed by a bad one: the whole batch is refused before the store sees it.
    const { operations } = learnerOperations(2);
    const bad = structuredClone(operations);
    (bad[2]!.change.row as { score: unknown }).score = 7;
    const refused = await call<{ error: { code: string; message: string } }>(hub.url, 'POST', '/v1/push', { body: pushBody(bad), credential: machine.credential });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_input' });
    expect(refused.body.error.message).toContain('operations.2.change.row.score');
    expect(JSON.stringify(refused.body)).not.toContain('Ada Test');

    const badQuery = await call<{ error: { code: string; message: string } }>(hub.url, 'GET', '/v1/pull?after=-1', { credential: machine.credential });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toContain('after');
    const unknownParameter = await call(hub.url, 'GET', '/v1/pull?after=0&secret=1', { credential: machine.credential });
    expect(unknownParameter.status).toBe(400);
    const badEnrol = await call<{ error: { code: string } }>(hub.url, 'POST', '/v1/enrol', { body: { code: 'short', machineName: 'x' } });
    expect(badEnrol.status).toBe(400);
    const notJsonType = await fetch(`${hub.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${machine.credential}` }, body: JSON.stringify(pushBody(operations)) });
    expect(notJsonType.status).toBe(415);
    expect(((await notJsonType.json()) as { error: { code: string } }).error.code).toBe('invalid_input');

    expect(await pullAll(hub.url, machine.credential)).toHaveLength(before.length);
  });

  it('refuses missing, unknown and revoked credentials, and a wrong enrolment code', async () => {
    const { operations } = learnerOperations(1);
    expect((await call(hub.url, 'POST', '/v1/push', { body: pushBody(operations) })).status).toBe(401);
    expect((await call(hub.url, 'GET', '/v1/pull?after=0', { credential: 'not-a-credential' })).status).toBe(401);
    const forged = `${machine.machineId}.${'A'.repeat(43)}`;
    const unknown = await call<{ error: { code: string } }>(hub.url, 'GET', '/v1/pull?after=0', { credential: forged });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthorized');

    const wrongCode = await call<{ error: { code: string } }>(hub.url, 'POST', '/v1/enrol', { body: { code: 'ABCD-EFGH-JKLM', machineName: 'lab-pc-09' } });
    expect(wrongCode.status).toBe(403);
    expect(wrongCode.body.error.code).toBe('code_invalid');

    const lost = await enrol(hub.url, code, 'lost-laptop');
    const admin = await openHubAdministration(cluster.ownerUrl);
    await admin.revokeMachine(lost.machineId).finally(() => admin.close());
    const revoked = await call<{ error: { code: string } }>(hub.url, 'POST', '/v1/push', { body: pushBody(operations), credential: lost.credential });
    expect(revoked.status).toBe(403);
    expect(revoked.body.error.code).toBe('revoked');
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    const missing = await call<{ error: { code: string } }>(hub.url, 'GET', '/v2/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const wrongMethod = await call(hub.url, 'GET', '/v1/push');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('logs one JSON object per line with ids, never names, credentials or codes', () => {
    const text = hub.logLines.join('');
    for (const line of hub.logLines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).not.toContain('Ada Test');
    expect(text).not.toContain(machine.credential.split('.')[1]);
    expect(text).not.toContain(code);
    expect(hub.logLines.map((l) => JSON.parse(l)).find((l) => l.route === 'push' && l.status === 200)).toMatchObject({ machineId: machine.machineId, schoolId: machine.schoolId });
  });
});

describe('closing the hub', () => {
  it('lets a push in flight finish and answer, then refuses nothing half-done', async () => {
    const local = await startTestHub(cluster);
    const { operations } = learnerOperations(300);
    const body = JSON.stringify(pushBody(operations));
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(new URL('/v1/push', local.url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${machine.credential}` } });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      // Half the body now, so the push is in flight when the hub is told to close.
      req.write(body.slice(0, body.length / 2));
      setTimeout(() => req.end(body.slice(body.length / 2)), 400);
    });
    await new Promise((r) => setTimeout(r, 150));
    const closed = local.stop();
    const result = await answer;
    await closed;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ received: 301, changed: 301 });
    expect(local.logLines.some((l) => JSON.parse(l).msg.startsWith('shutting down'))).toBe(true);
  });

  it('answers /health with 503 and other routes with unavailable once the database is gone', async () => {
    const local = await startTestHub(cluster);
    await local.store.close();
    const health = await call<{ status: string }>(local.url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');
    const pull = await call<{ error: { code: string } }>(local.url, 'GET', '/v1/pull?after=0', { credential: machine.credential });
    expect(pull.status).toBe(503);
    expect(pull.body.error.code).toBe('unavailable');
    await local.close();
  });
});
