import { randomUUID } from 'node:crypto';
import type { EnrolResponse, PullResponse, PushRequest, SyncOperation } from '../../../electron/common/sync/hub-protocol';
import { openHubAdministration } from '../../store/hub-administration';
import type { HubStore, SchoolCreated } from '../../store/hub-store';
import { openHubStore } from '../../store/open-hub-store';
import type { ThrowawayCluster } from '../../test-support/pg-cluster';
import { createHubLogger, type LogSink } from '../hub-logger';
import { HubMetrics } from '../hub-metrics';
import { startHubServer, type RunningHub } from '../hub-server';

/** Helpers for the hub's HTTP tests: a real store on a throwaway cluster, real HTTP, no mocks. */

export async function createSchool(cluster: ThrowawayCluster, name = 'Test School'): Promise<SchoolCreated> {
  const admin = await openHubAdministration(cluster.ownerUrl);
  try {
    return await admin.createSchool(name);
  } finally {
    await admin.close();
  }
}

export interface TestHub extends RunningHub {
  store: HubStore;
  metrics: HubMetrics;
  logLines: string[];
  /** Closes the server, then the store. */
  stop(): Promise<void>;
}

export async function startTestHub(cluster: ThrowawayCluster, options: { slowStatementMs?: number; shutdownGraceMs?: number } = {}): Promise<TestHub> {
  const logLines: string[] = [];
  const sink: LogSink = { write: (line) => logLines.push(line) };
  const logger = createHubLogger(sink, 'debug');
  const metrics = new HubMetrics();
  const store = await openHubStore(cluster.appUrl, { observer: metrics.storeObserver(logger, options.slowStatementMs) });
  const hub = await startHubServer({ store, port: 0, logger, metrics, ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }) });
  return {
    ...hub,
    store,
    metrics,
    logLines,
    stop: async () => {
      await hub.close();
      await store.close();
    },
  };
}

export interface HubAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(base: string, method: string, path: string, options: { body?: unknown; raw?: string; credential?: string } = {}): Promise<HubAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // /metrics is text.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function enrol(base: string, code: string, machineName = 'lab-pc-01'): Promise<EnrolResponse> {
  const answer = await call<EnrolResponse>(base, 'POST', '/v1/enrol', { body: { code, machineName } });
  if (answer.status !== 200) throw new Error(`enrol failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A learner and `attempts` attempts of theirs, as a machine would queue them. */
export function learnerOperations(attempts: number, learnerId = `learner-${randomUUID().slice(0, 8)}`, detailsBytes = 0): { learnerId: string; operations: SyncOperation[] } {
  const at = (i: number) => new Date(Date.UTC(2026, 2, 1, 8, 0, 0) + i * 1000).toISOString();
  const operations: SyncOperation[] = [
    { opId: randomUUID(), change: { table: 'learner', learnerId, row: { id: learnerId, displayName: 'Ada Test', createdAt: at(0), lastUpdatedAt: at(0) } } },
  ];
  for (let i = 1; i <= attempts; i++) {
    operations.push({
      opId: randomUUID(),
      change: {
        table: 'activityAttempts',
        learnerId,
        row: {
          attemptUid: randomUUID(),
          loId: 'fractions-1',
          activityId: `quiz-${i}`,
          activityType: 'quiz',
          attemptTimestamp: at(i),
          score: (i % 100) / 100,
          completed: true,
          attemptDetails: detailsBytes > 0 ? { notes: 'x'.repeat(detailsBytes) } : null,
        },
      },
    });
  }
  return { learnerId, operations };
}

export const pushBody = (operations: SyncOperation[], pendingAfter = 0): PushRequest => ({ operations, pendingAfter });

/** Every change after `after`, following the cursor until `more` is false. */
export async function pullAll(base: string, credential: string, after = 0): Promise<PullResponse['changes']> {
  const changes: PullResponse['changes'] = [];
  let cursor = after;
  for (;;) {
    const answer = await call<PullResponse>(base, 'GET', `/v1/pull?after=${cursor}&limit=1000`, { credential });
    if (answer.status !== 200) throw new Error(`pull failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    changes.push(...answer.body.changes);
    cursor = answer.body.cursor;
    if (!answer.body.more) return changes;
  }
}
