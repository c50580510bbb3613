import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { mergeLearnerRecord } from '../../../electron/common/merge/merge-rules';
import type { LearnerRecord } from '../../../electron/common/merge/records-schema';
import { pushRequestSchema, type PulledChange, type PullResponse, type SyncChange, type SyncOperation } from '../../../electron/common/sync/hub-protocol';

/**
 * A tiny stand-in for the school hub, for the machine side's tests: it answers the protocol's
 * routes with protocol-shaped JSON from memory (one school, a change log, no merge laws: every new
 * operation gets the next sequence number). The real hub and PostgreSQL are tested in hub/; this
 * one is for the client's behaviour and error mapping. Any route can be made to answer something
 * else (`answer`), once or until cleared.
 */

export interface FakeAnswer {
  status: number;
  body?: unknown;
  /** Raw text instead of JSON. */
  text?: string;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface FakeHub {
  url: string;
  code: string;
  schoolId: string;
  log: PulledChange[];
  /** Every request: method, path (with query), the Authorization header and the parsed body. */
  requests: Array<{ method: string; path: string; authorization: string | undefined; body: unknown }>;
  /** Operation ids already applied. */
  applied: Set<string>;
  credentials: Map<string, { machineId: string; revoked: boolean }>;
  /** Every answer waits this long first (a slow network, a busy hub). */
  delayMs: number;
  /** Makes `route` ('/v1/push', '/v1/pull', '/v1/enrol') answer with `answer` (`times` times, default always). */
  answer(route: string, answer: FakeAnswer | ((body: unknown) => FakeAnswer | undefined), times?: number): void;
  clearAnswers(): void;
  revokeAll(): void;
  /** Adds a change as if another machine had pushed it. */
  addChange(change: SyncChange): number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, answer: FakeAnswer): void {
  if (answer.hang) return;
  res.writeHead(answer.status, { 'content-type': answer.text === undefined ? 'application/json' : 'text/html' });
  res.end(answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
}

const hubError = (status: number, code: string, message: string): FakeAnswer => ({ status, body: { error: { code, message } } });

export async function startFakeHub(): Promise<FakeHub> {
  const overrides = new Map<string, { answer: FakeAnswer | ((body: unknown) => FakeAnswer | undefined); left: number }>();
  const hub: Omit<FakeHub, 'url' | 'close'> = {
    code: 'ABCD-EFGH-2345',
    schoolId: randomUUID(),
    log: [],
    requests: [],
    applied: new Set(),
    credentials: new Map(),
    delayMs: 0,
    answer(route, answer, times = Infinity) {
      overrides.set(route, { answer, left: times });
    },
    clearAnswers: () => overrides.clear(),
    revokeAll() {
      for (const c of hub.credentials.values()) c.revoked = true;
    },
    addChange(change) {
      const seq = hub.log.length + 1;
      hub.log.push({ seq, change });
      return seq;
    },
  };

  const learnersOf = (changes: readonly PulledChange[]): LearnerRecord[] => {
    const deleted = new Set(hub.log.filter((c) => c.change.table === 'learnerDeletion').map((c) => c.change.learnerId));
    const wanted = new Set(changes.map((c) => c.change.learnerId).filter((id) => !deleted.has(id)));
    const records = new Map<string, LearnerRecord>();
    for (const { change } of hub.log) {
      if (change.table !== 'learner' || !wanted.has(change.learnerId)) continue;
      const earlier = records.get(change.learnerId);
      records.set(change.learnerId, earlier ? mergeLearnerRecord(earlier, change.row) : change.row);
    }
    return [...records.values()];
  };

  const route = (method: string, path: string, authorization: string | undefined, body: unknown): FakeAnswer => {
    const [route = '', query = ''] = path.split('?');
    const override = overrides.get(route);
    if (override && override.left > 0) {
      override.left--;
      const answer = typeof override.answer === 'function' ? override.answer(body) : override.answer;
      if (answer) return answer;
    }
    if (method === 'POST' && route === '/v1/enrol') {
      if ((body as { code?: string })?.code !== hub.code) return hubError(403, 'code_invalid', 'unknown code');
      const machineId = randomUUID();
      const credential = `${machineId}.${randomBytes(32).toString('base64url')}`;
      hub.credentials.set(credential, { machineId, revoked: false });
      return { status: 200, body: { schoolId: hub.schoolId, schoolName: 'Riverside Primary', machineId, credential } };
    }
    const machine = hub.credentials.get((authorization ?? '').replace(/^Bearer /, ''));
    if (!machine) return hubError(401, 'unauthorized', 'no such credential');
    if (machine.revoked) return hubError(403, 'revoked', 'revoked');
    if (method === 'POST' && route === '/v1/push') {
      const parsed = pushRequestSchema.safeParse(body);
      if (!parsed.success) return hubError(400, 'invalid_input', parsed.error.issues[0]?.message ?? 'bad');
      let duplicates = 0;
      for (const op of parsed.data.operations as SyncOperation[]) {
        if (hub.applied.has(op.opId)) duplicates++;
        else {
          hub.applied.add(op.opId);
          hub.addChange(op.change);
        }
      }
      const received = parsed.data.operations.length;
      return { status: 200, body: { received, duplicates, changed: received - duplicates, latestSeq: hub.log.length } };
    }
    if (method === 'GET' && route === '/v1/pull') {
      const params = new URLSearchParams(query);
      const after = Number(params.get('after') ?? 0);
      const limit = Number(params.get('limit') ?? 1000);
      const newer = hub.log.filter((c) => c.seq > after);
      const changes = newer.slice(0, limit);
      const answer: PullResponse = { changes, learners: learnersOf(changes), classes: [], educators: [], cursor: changes.at(-1)?.seq ?? after, more: newer.length > limit };
      return { status: 200, body: answer };
    }
    return hubError(404, 'not_found', 'no such route');
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const path = req.url ?? '/';
      hub.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization, body });
      const answer = route(req.method ?? 'GET', path, req.headers.authorization, body);
      if (hub.delayMs > 0) setTimeout(() => send(res, answer), hub.delayMs);
      else send(res, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The same object the routes read, so a test may change `code` or look at `log` as it goes.
  return Object.assign(hub, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Fake hubs started in a test, closed after it. */
export function useFakeHubs(): { start(): Promise<FakeHub> } {
  const started: FakeHub[] = [];
  afterEach(async () => {
    for (const hub of started.splice(0)) await hub.close();
  });
  return {
    async start() {
      const hub = await startFakeHub();
      started.push(hub);
      return hub;
    },
  };
}
