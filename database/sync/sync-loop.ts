import type Database from 'better-sqlite3';
import type { SyncRunView } from '../../electron/common/sync/sync-views';
import { runningSync, runSync, type SyncRunOptions } from './sync-run';
import { latestOperationSeq, readSyncState, STOPS_BACKGROUND_SYNC, syncStatusView } from './sync-state';

/**
 * The background sync of a running app (Electron main, browser host): every minute while enrolled,
 * and a few seconds after local changes (debounced, so a burst of saves is one sync), never two at
 * once, backing off while the hub cannot be reached, and idle when the machine is not enrolled or
 * its credential was revoked. A sync never blocks a save: it runs beside the channel calls and
 * writes in short transactions of its own.
 *
 * Wiring (see the report of the sync work, and database/channels/dispatch.ts):
 *   const loop = startSyncLoop({ database, onEvent });
 *   const dispatcher = createChannelDispatcher(database, { ...environment, afterCall: () => loop.noteLocalChange() });
 *   …on quit: await dispatcher.close(); await loop.stop(); database.close();
 */

export interface SyncLoopOptions extends Omit<SyncRunOptions, 'sqlite' | 'dataDir'> {
  /** The open database (an OpenedDatabase fits). */
  database: { sqlite: Database.Database; dataDir: string };
  /** Between syncs while all is well (default 60 s). */
  intervalMs?: number;
  /** After a local change (default 3 s). */
  debounceMs?: number;
  /** The longest wait while the hub cannot be reached (default 10 min). */
  maxBackoffMs?: number;
  /** The first sync after start (default: debounceMs), so that starting the app is not slowed. */
  firstSyncMs?: number;
}

export interface SyncLoop {
  /** Cheap: call after every save (or every channel call); it syncs soon only if the outbox grew. */
  noteLocalChange(): void;
  /** A sync now (joins the one running); the loop's schedule starts again from it. */
  syncNow(): Promise<SyncRunView>;
  /** No more syncs; resolves once a running one has finished. */
  stop(): Promise<void>;
}

export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { sqlite, dataDir } = options.database;
  const intervalMs = options.intervalMs ?? 60_000;
  const debounceMs = options.debounceMs ?? 3_000;
  const maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
  const runOptions: SyncRunOptions = { sqlite, dataDir, now: options.now, fetch: options.fetch, timeoutMs: options.timeoutMs, onEvent: options.onEvent };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let dueAt = Infinity;
  let offlineTries = 0;
  let seenSeq = safely(() => latestOperationSeq(sqlite), 0);

  function safely<T>(work: () => T, fallback: T): T {
    try {
      return work();
    } catch {
      return fallback;
    }
  }

  /** Keeps the earliest of the waits asked for. */
  function schedule(delayMs: number): void {
    if (stopped) return;
    const at = Date.now() + delayMs;
    if (timer && at >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      void tick();
    }, delayMs);
    timer.unref?.();
  }

  function afterRun(view: SyncRunView, seqAtStart: number): void {
    if (view.status.state === 'offline') offlineTries++;
    else offlineTries = 0;
    const wait = offlineTries > 0 ? Math.min(intervalMs * 2 ** (offlineTries - 1), maxBackoffMs) : intervalMs;
    schedule(wait);
    // Saves made while this sync ran are sent soon, unless the hub is not reachable.
    const seq = safely(() => latestOperationSeq(sqlite), seqAtStart);
    if (seq > seqAtStart && offlineTries === 0) schedule(debounceMs);
  }

  async function sync(): Promise<SyncRunView> {
    const seqAtStart = safely(() => latestOperationSeq(sqlite), 0);
    seenSeq = Math.max(seenSeq, seqAtStart);
    let view: SyncRunView;
    try {
      view = await runSync(runOptions);
    } catch {
      // runSync records every hub failure itself; this is the database closing under it.
      view = { pushed: 0, pulled: 0, status: safely(() => syncStatusView(sqlite), { state: 'error', hub: null, schoolId: null, schoolName: null, machineId: null, pending: 0, lastSyncAt: null, lastAttemptAt: null, message: null }) };
    }
    afterRun(view, seqAtStart);
    return view;
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    const state = safely(() => readSyncState(sqlite), undefined);
    // Not enrolled, or stopped by the hub: look again later (an admin may enrol meanwhile), send nothing.
    if (!state || (state.lastErrorCode !== null && STOPS_BACKGROUND_SYNC.has(state.lastErrorCode))) {
      schedule(intervalMs);
      return;
    }
    await sync();
  }

  schedule(options.firstSyncMs ?? debounceMs);

  return {
    noteLocalChange() {
      if (stopped) return;
      const seq = safely(() => latestOperationSeq(sqlite), seenSeq);
      if (seq <= seenSeq) return;
      seenSeq = seq;
      // While offline the backoff decides: every save must not knock on a hub that is not there.
      if (offlineTries === 0) schedule(debounceMs);
    },
    syncNow: () => sync(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await runningSync(sqlite)?.catch(() => undefined);
    },
  };
}
