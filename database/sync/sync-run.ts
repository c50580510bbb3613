import type Database from 'better-sqlite3';
import { MAX_PULL_CHANGES, type PullResponse } from '../../electron/common/sync/hub-protocol';
import type { SyncRunView } from '../../electron/common/sync/sync-views';
import { systemClock } from '../manager/context';
import { applyPulledChunk, StaleSyncError } from './apply-pulled';
import { unsealCredential } from './credential';
import { createHubClient, HubRequestError, type HubClient } from './hub-client';
import { pushOutbox } from './push-outbox';
import { readSyncState, recordAttempt, recordFailure, recordSuccess, syncStatusView, type SyncFailureCode } from './sync-state';

/**
 * One sync: push everything waiting, then pull everything new. It never throws: whatever happens
 * (no network, a revoked credential, a hub that answers nonsense) ends in the status it returns and
 * stores, and the outbox keeps what was not accepted. Saves never wait for it: it runs beside the
 * channel calls, and each of its writes is a short transaction of its own.
 */

export interface SyncRunOptions {
  sqlite: Database.Database;
  /** Where the credential's key file is (credential.ts). */
  dataDir: string;
  now?: () => string;
  fetch?: typeof fetch;
  /** Per request to the hub (default 15 s). */
  timeoutMs?: number;
  /** A log line per sync (counts and outcome kinds only, never personal data). */
  onEvent?: (event: string, detail: string) => void;
}


const NO_CREDENTIAL = "This machine cannot read its school hub credential (its key file is missing). An admin must leave the school hub and enrol the machine again.";
const CURSOR_BACKWARDS = 'The school hub sent changes out of order (its data may have been restored from an older backup). Ask the hub\'s IT person; nothing was changed here.';

/** A chunk must move forward from `after`, in order: anything else would skip or replay changes silently. */
function checkChunk(chunk: PullResponse, after: number): void {
  let previous = after;
  for (const { seq } of chunk.changes) {
    if (seq <= previous) throw new HubRequestError('error', CURSOR_BACKWARDS);
    previous = seq;
  }
  if (chunk.cursor < previous || (chunk.more && chunk.cursor === after)) throw new HubRequestError('error', CURSOR_BACKWARDS);
}

/**
 * Pulls chunk after chunk. The next chunk is asked for before this one is applied, so that the
 * hub and the network work while SQLite does: a chunk's cursor is known before it is applied, and
 * a chunk fetched ahead is only ever applied after the one before it committed.
 */
async function pullAll(sqlite: Database.Database, client: HubClient, machineId: string, start: number): Promise<number> {
  let pulled = 0;
  let after = start;
  let next = client.pull(after, MAX_PULL_CHANGES);
  for (;;) {
    const chunk = await next;
    checkChunk(chunk, after);
    const ahead = chunk.more ? client.pull(chunk.cursor, MAX_PULL_CHANGES) : undefined;
    // A failure below leaves the request ahead unanswered by anyone: keep it from becoming an unhandled rejection.
    ahead?.catch(() => undefined);
    // The apply below holds the event loop: let the request leave first.
    if (ahead) await new Promise((resolve) => setImmediate(resolve));
    applyPulledChunk(sqlite, chunk, machineId, after);
    pulled += chunk.changes.length;
    after = chunk.cursor;
    if (!ahead) return pulled;
    next = ahead;
  }
}

const FAILURE_OF: Record<HubRequestError['kind'], SyncFailureCode> = { offline: 'offline', revoked: 'revoked', code_invalid: 'error', too_large: 'error', error: 'error' };

async function syncOnce(options: SyncRunOptions): Promise<SyncRunView> {
  const { sqlite, onEvent } = options;
  const now = options.now ?? systemClock;
  const state = readSyncState(sqlite);
  if (!state) return { pushed: 0, pulled: 0, status: syncStatusView(sqlite) };
  recordAttempt(sqlite, state.machineId, now());
  const credential = unsealCredential(options.dataDir, state.credentialSealed);
  if (credential === undefined) {
    recordFailure(sqlite, state.machineId, 'credential_missing', NO_CREDENTIAL);
    onEvent?.('school-hub-sync-failed', 'credential_missing');
    return { pushed: 0, pulled: 0, status: syncStatusView(sqlite) };
  }
  const client = createHubClient({ hubUrl: state.hubUrl, credential, timeoutMs: options.timeoutMs, fetch: options.fetch });
  let pushed = 0;
  let pulled = 0;
  try {
    pushed = await pushOutbox(sqlite, client, state.machineId, onEvent);
    pulled = await pullAll(sqlite, client, state.machineId, state.pullCursor);
    recordSuccess(sqlite, state.machineId, now());
    onEvent?.('school-hub-synced', `pushed ${pushed}, pulled ${pulled}`);
  } catch (error) {
    if (error instanceof StaleSyncError) {
      // Another sync (the CLI beside the app) got there first, or the machine left: nothing to report.
      onEvent?.('school-hub-sync-overtaken', `pushed ${pushed}, pulled ${pulled}`);
    } else if (error instanceof HubRequestError) {
      recordFailure(sqlite, state.machineId, FAILURE_OF[error.kind], error.message);
      onEvent?.('school-hub-sync-failed', error.kind);
    } else {
      recordFailure(sqlite, state.machineId, 'error', "The school's changes could not be saved on this machine; they are pulled again at the next sync.");
      onEvent?.('school-hub-sync-failed', (error as Error)?.name ?? 'error');
    }
  }
  return { pushed, pulled, status: syncStatusView(sqlite) };
}

const running = new WeakMap<Database.Database, Promise<SyncRunView>>();

/**
 * Runs a sync on this connection, or joins the one already running (single-flight: the background
 * loop, "Sync now" and the CLI never run two at once on one connection; two processes on one file
 * are safe too, as the cursor check in applyPulledChunk makes the slower one stand down).
 */
export function runSync(options: SyncRunOptions): Promise<SyncRunView> {
  const current = running.get(options.sqlite);
  if (current) return current;
  const run = syncOnce(options).finally(() => running.delete(options.sqlite));
  running.set(options.sqlite, run);
  return run;
}

/** The sync running on this connection, if any (stop() and leaving wait for it). */
export function runningSync(sqlite: Database.Database): Promise<SyncRunView> | undefined {
  return running.get(sqlite);
}
