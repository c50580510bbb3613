import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHubClient, HubRequestError } from './hub-client';
import { useFakeHubs } from './test-support/fake-hub';

const hubs = useFakeHubs();

/** An address nothing listens on: a port that was free a moment ago. */
async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function failureOf(promise: Promise<unknown>): Promise<HubRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubRequestError) return error;
    throw error;
  }
  throw new Error('expected a HubRequestError');
}

const CREDENTIAL = `${'0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f'}.${'s'.repeat(43)}`;

describe('the hub client', () => {
  it('enrols without a credential and sends it as a bearer token afterwards', async () => {
    const hub = await hubs.start();
    const enrolled = await createHubClient({ hubUrl: `${hub.url}/` }).enrol({ code: hub.code, machineName: 'lab-pc-01' });
    expect(enrolled).toMatchObject({ schoolId: hub.schoolId, schoolName: 'Riverside Primary' });
    expect(hub.requests[0]).toMatchObject({ method: 'POST', path: '/v1/enrol', authorization: undefined });
    const pulled = await createHubClient({ hubUrl: hub.url, credential: enrolled.credential }).pull(0, 1000);
    expect(pulled).toEqual({ changes: [], learners: [], classes: [], educators: [], cursor: 0, more: false });
    expect(hub.requests[1]).toMatchObject({ method: 'GET', path: '/v1/pull?after=0&limit=1000', authorization: `Bearer ${enrolled.credential}` });
  });

  it('an unreachable hub and a hub that does not answer in time are offline', async () => {
    const refused = await failureOf(createHubClient({ hubUrl: await closedPort(), credential: CREDENTIAL }).pull(0, 10));
    expect(refused).toMatchObject({ kind: 'offline', message: expect.stringContaining('cannot be reached') });
    const hub = await hubs.start();
    hub.answer('/v1/pull', { status: 200, hang: true });
    const slow = await failureOf(createHubClient({ hubUrl: hub.url, credential: CREDENTIAL, timeoutMs: 200 }).pull(0, 10));
    expect(slow.kind).toBe('offline');
  });

  it.each([
    ['503 unavailable', { status: 503, body: { error: { code: 'unavailable', message: 'PostgreSQL is down' } } }, 'offline'],
    ['a proxy 502 without a body', { status: 502, text: '<html>Bad gateway</html>' }, 'offline'],
    ['401 unauthorized', { status: 401, body: { error: { code: 'unauthorized', message: 'who?' } } }, 'revoked'],
    ['403 revoked', { status: 403, body: { error: { code: 'revoked', message: 'revoked' } } }, 'revoked'],
    ['413 too large', { status: 413, body: { error: { code: 'payload_too_large', message: 'too big' } } }, 'too_large'],
    ['413 from a proxy', { status: 413, text: '<html>Request Entity Too Large</html>' }, 'too_large'],
    ['400 invalid input', { status: 400, body: { error: { code: 'invalid_input', message: 'operations.0.opId: must be a UUID' } } }, 'error'],
    ['500 internal', { status: 500, body: { error: { code: 'internal', message: 'oops' } } }, 'error'],
    ['a 200 that is not the protocol', { status: 200, body: { hello: 'world' } }, 'error'],
    ['a web page', { status: 200, text: '<html>Welcome to nginx</html>' }, 'error'],
    ['a redirect (not followed)', { status: 302, text: '' }, 'error'],
  ] as const)('%s is %s', async (_, answer, kind) => {
    const hub = await hubs.start();
    hub.answer('/v1/push', answer);
    const error = await failureOf(
      createHubClient({ hubUrl: hub.url, credential: CREDENTIAL }).push({
        operations: [{ opId: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', change: { table: 'learnerDeletion', learnerId: 'ada', row: { deletedAt: '2026-03-02T09:00:00.000Z' } } }],
      }),
    );
    expect(error.kind).toBe(kind);
    expect(error.message).not.toContain(CREDENTIAL);
    expect(error.message).toMatch(/^[A-Z].*[.)]$/);
  });

  it('a wrong enrolment code is code_invalid, with what to do', async () => {
    const hub = await hubs.start();
    const error = await failureOf(createHubClient({ hubUrl: hub.url }).enrol({ code: 'WRONG-CODE-0000', machineName: 'lab' }));
    expect(error).toMatchObject({ kind: 'code_invalid', message: expect.stringContaining('Ask the hub') });
  });
});
