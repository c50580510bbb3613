import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { databasePath } from '../database/data-dir';
import { TEST_ADMIN } from '../database/test-support/accounts';
import { startSyncLoop, type SyncLoop, type SyncLoopOptions } from '../database/sync/sync-loop';
import { useFakeHubs } from '../database/sync/test-support/fake-hub';
import type { ChannelResult } from '../electron/common/contract';
import type { SyncStatusView } from '../electron/common/sync/sync-views';
import { SYNC_STOP_GRACE_MS, type BrowserHost } from './server';
import { apiRequest, useTempHosts } from './test-support/host-fixture';

/**
 * The browser host runs the school hub's background sync as the app does: started with the
 * database, told after every call, stopped and waited for before the database closes.
 */

const hosts = useTempHosts();
const hubs = useFakeHubs();

async function ok<T>(host: BrowserHost, channel: string, payload: unknown): Promise<T> {
  const answer = JSON.parse((await apiRequest(host, channel, payload)).text) as ChannelResult<T>;
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

type LoopEvent = { what: 'start' | 'note' | 'stop' | 'stopped'; databaseOpen: boolean };

/** The real loop with short waits, watched. */
function watchedLoop(events: LoopEvent[]) {
  return (options: SyncLoopOptions): SyncLoop => {
    const { sqlite } = options.database;
    const seen = (what: LoopEvent['what']) => events.push({ what, databaseOpen: sqlite.open });
    seen('start');
    const loop = startSyncLoop({ ...options, debounceMs: 20, firstSyncMs: 20, intervalMs: 60_000 });
    return {
      noteLocalChange: () => {
        seen('note');
        loop.noteLocalChange();
      },
      syncNow: () => loop.syncNow(),
      stop: async () => {
        seen('stop');
        await loop.stop();
        seen('stopped');
      },
    };
  };
}

describe('the school hub sync in the browser host', () => {
  it('starts with the database, hears of every call, and is stopped and waited for before the database closes', async () => {
    const events: LoopEvent[] = [];
    const { host } = await hosts.start({ startSyncLoop: watchedLoop(events) });
    expect(events).toEqual([{ what: 'start', databaseOpen: true }]);
    await ok(host, 'createLearnerProfile', { displayName: 'Ada', id: 'ada' });
    expect(events.at(-1)).toEqual({ what: 'note', databaseOpen: true });
    // Not enrolled: nothing is queued for a hub.
    await ok(host, 'setUpFirstAdmin', TEST_ADMIN);
    expect(await ok<SyncStatusView>(host, 'getSyncStatus', {})).toMatchObject({ state: 'not_enrolled', pending: 0 });

    await host.close();
    expect(host.database.sqlite.open).toBe(false);
    expect(events.slice(-2)).toEqual([
      { what: 'stop', databaseOpen: true },
      { what: 'stopped', databaseOpen: true },
    ]);
  });

  it('sends a save to the school hub within moments once enrolled, and nothing after it stopped', async () => {
    const hub = await hubs.start();
    const { host } = await hosts.start({ startSyncLoop: watchedLoop([]) });
    await ok(host, 'setUpFirstAdmin', TEST_ADMIN);
    expect(await ok<SyncStatusView>(host, 'enrolInSchoolHub', { hubUrl: hub.url, code: hub.code })).toMatchObject({ state: 'pending', schoolName: 'Riverside Primary' });
    await ok(host, 'createLearnerProfile', { displayName: 'Ada', id: 'ada' });
    // No "Sync now": the loop heard of the save and pushed it by itself.
    await vi.waitFor(() => expect(hub.log.some((c) => c.change.table === 'learner' && c.change.learnerId === 'ada')).toBe(true), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await ok<SyncStatusView>(host, 'getSyncStatus', {})).toMatchObject({ state: 'up_to_date', pending: 0 }), { timeout: 5_000 });

    await host.close();
    const requestsAtClose = hub.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hub.requests).toHaveLength(requestsAtClose);
  });

  it('stops within a few seconds when the hub takes a push and never answers (SIGTERM must not hang on the network)', async () => {
    const hub = await hubs.start();
    const { host, dataDir } = await hosts.start({ startSyncLoop: watchedLoop([]) });
    await ok(host, 'setUpFirstAdmin', TEST_ADMIN);
    await ok(host, 'enrolInSchoolHub', { hubUrl: hub.url, code: hub.code });
    hub.answer('/v1/push', { status: 200, hang: true });
    await ok(host, 'createLearnerProfile', { displayName: 'Ada', id: 'ada' });
    await vi.waitFor(() => expect(hub.requests.some((r) => r.path === '/v1/push')).toBe(true), { timeout: 5_000 });

    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(SYNC_STOP_GRACE_MS + 2_000);
    expect(host.database.sqlite.open).toBe(false);
    // Nothing was acknowledged, so everything stays queued for the next start.
    expect(hub.log).toEqual([]);
    const file = new Database(databasePath(dataDir), { readonly: true });
    const queued = (file.prepare("SELECT count(*) AS n FROM sync_operations WHERE learner_id = 'ada'").get() as { n: number }).n;
    file.close();
    expect(queued).toBeGreaterThan(0);
  }, 15_000);
});
