import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_ADMIN } from '../../database/test-support/accounts';
import { useTempDirs } from '../../database/test-support/temp-database';
import { openDatabase } from '../../database/open';
import { startSyncLoop, type SyncLoop, type SyncLoopOptions } from '../../database/sync/sync-loop';
import { useFakeHubs } from '../../database/sync/test-support/fake-hub';
import { ipcChannel } from '../common/channels';
import { createFakeMain, FakeEvent, type FakeMain } from '../test-support/fake-electron';
import { MAIN_DIR } from '../test-support/launch-fixture';
import { launchApp, type LaunchedApp } from './app-lifecycle';

/**
 * The school hub's background sync lives as long as the database: started once it is open, told
 * after every call (so a save is sent within seconds), stopped, and waited for, before it closes.
 */

const dirs = useTempDirs();
const hubs = useFakeHubs();
const running: Array<{ fake: FakeMain; launched: LaunchedApp }> = [];
afterEach(async () => {
  for (const { fake, launched } of running.splice(0)) {
    fake.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(launched.database()).toBeUndefined());
  }
});

/** What the loop was asked to do, in order, with whether the database was still open each time. */
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

async function launchReady(events: LoopEvent[]) {
  const fake = createFakeMain();
  fake.app.hasLock = true;
  const dataDir = dirs.make();
  const launched = launchApp(fake.electron, {
    argv: ['electron', '.', '--data-dir', dataDir],
    env: {},
    cwd: dataDir,
    platform: 'linux',
    mainDir: MAIN_DIR,
    openDatabase: (o) => openDatabase({ ...o, nativeBinding: undefined }),
    automaticBackups: false,
    startSyncLoop: watchedLoop(events),
  });
  running.push({ fake, launched });
  fake.app.markReady();
  await launched.ready;
  const contents = fake.windows[0]!.webContents;
  const call = (channel: string, input: unknown) => fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel(channel as never), input) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  return { fake, launched, call };
}

describe('the school hub sync in the app', () => {
  it('starts once the database is open, hears of every call, and is stopped and waited for before the database closes', async () => {
    const events: LoopEvent[] = [];
    const { fake, launched, call } = await launchReady(events);
    expect(events).toEqual([{ what: 'start', databaseOpen: true }]);
    expect(await call('createLearnerProfile', { displayName: 'Ann' })).toMatchObject({ ok: true });
    expect(events.at(-1)).toEqual({ what: 'note', databaseOpen: true });

    const database = launched.database()!;
    fake.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(database.sqlite.open).toBe(false));
    expect(events.slice(-2)).toEqual([
      { what: 'stop', databaseOpen: true },
      { what: 'stopped', databaseOpen: true },
    ]);
  });

  it('sends a save to the school hub within moments once enrolled, and nothing after quitting', async () => {
    const hub = await hubs.start();
    const events: LoopEvent[] = [];
    const { fake, launched, call } = await launchReady(events);
    expect(await call('setUpFirstAdmin', TEST_ADMIN)).toMatchObject({ ok: true });
    expect(await call('enrolInSchoolHub', { hubUrl: hub.url, code: hub.code, machineName: 'Lab 1' })).toMatchObject({ ok: true, value: { state: 'pending', schoolName: 'Riverside Primary' } });
    const pushedLearners = () => hub.log.filter((c) => c.change.table === 'learner').map((c) => c.change.learnerId);

    const created = (await call('createLearnerProfile', { displayName: 'Ann', id: 'ann' })) as { ok: boolean; value: { id: string } };
    expect(created.ok).toBe(true);
    // No "Sync now": the loop heard of the save and pushed it by itself.
    await vi.waitFor(() => expect(pushedLearners()).toContain('ann'), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await call('getSyncStatus', {})).toMatchObject({ ok: true, value: { state: 'up_to_date', pending: 0 } }), { timeout: 5_000 });

    const database = launched.database()!;
    fake.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(database.sqlite.open).toBe(false));
    const requestsAtQuit = hub.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hub.requests).toHaveLength(requestsAtQuit);
  });
});
