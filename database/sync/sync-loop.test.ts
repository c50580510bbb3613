import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-database';
import { startSyncLoop, type SyncLoop, type SyncLoopOptions } from './sync-loop';
import { useFakeHubs, type FakeHub } from './test-support/fake-hub';
import { machine, queued, type Machine } from './test-support/sync-fixtures';

const dirs = useTempDirs();
const hubs = useFakeHubs();
const loops: SyncLoop[] = [];
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function loopOn(m: Machine, options: Partial<SyncLoopOptions> = {}): SyncLoop {
  const loop = startSyncLoop({ database: m.database, now: m.clock, timeoutMs: 2_000, intervalMs: 60_000, debounceMs: 40, firstSyncMs: 60_000, ...options });
  loops.push(loop);
  return loop;
}

const requestsTo = (hub: FakeHub, route: string) => hub.requests.filter((r) => r.path.startsWith(route)).length;

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

describe('the background sync loop', () => {
  it('syncs a few moments after a local change, and not after a call that changed nothing', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    const loop = loopOn(m);
    loop.noteLocalChange();
    await sleep(120);
    // The enrolment snapshot was there before the loop started: nothing new, no sync.
    expect(requestsTo(hub, '/v1/push')).toBe(0);
    m.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
    loop.noteLocalChange();
    loop.noteLocalChange();
    await until(() => requestsTo(hub, '/v1/pull') === 1);
    expect(queued(m.sqlite)).toEqual([]);
    expect(requestsTo(hub, '/v1/push')).toBe(1);
  });

  it('never runs two syncs at once, and stop() waits for the one running', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    const loop = loopOn(m);
    hub.delayMs = 150;
    const [one, two] = await Promise.all([loop.syncNow(), loop.syncNow()]);
    expect(one).toEqual(two);
    expect(requestsTo(hub, '/v1/pull')).toBe(1);
    const running = loop.syncNow();
    let finished = false;
    void running.then(() => (finished = true));
    await sleep(20);
    await loop.stop();
    expect(finished).toBe(true);
  });

  it('backs off while the hub cannot be reached, and local changes do not knock meanwhile', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    m.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
    hub.answer('/v1/push', { status: 503, body: { error: { code: 'unavailable', message: 'down' } } });
    const loop = loopOn(m, { intervalMs: 100, firstSyncMs: 0 });
    await until(() => requestsTo(hub, '/v1/push') >= 1);
    for (let i = 0; i < 5; i++) {
      m.manager.getOrCreateLearnerProfile({ learnerId: `l${i}`, displayName: 'L' });
      loop.noteLocalChange();
      await sleep(30);
    }
    await sleep(500);
    // Without backing off: about one try per 100 ms plus one per change; with it: at 0, 100, 300 (then 700).
    expect(requestsTo(hub, '/v1/push')).toBeLessThanOrEqual(4);
    expect(requestsTo(hub, '/v1/push')).toBeGreaterThanOrEqual(2);
    // The hub is back: the next try sends everything.
    hub.clearAnswers();
    await loop.syncNow();
    expect(queued(m.sqlite)).toEqual([]);
  });

  it('does not try while the credential is revoked, nor when the machine is not enrolled', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    m.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
    hub.revokeAll();
    const loop = loopOn(m, { intervalMs: 50, firstSyncMs: 0 });
    await until(() => requestsTo(hub, '/v1/push') === 1);
    m.manager.createLearnerProfile({ id: 'ben', displayName: 'Ben' });
    loop.noteLocalChange();
    await sleep(300);
    expect(requestsTo(hub, '/v1/push')).toBe(1);

    const alone = await machine(dirs);
    const idle = loopOn(alone, { intervalMs: 20, firstSyncMs: 0 });
    alone.manager.createLearnerProfile({ id: 'ben', displayName: 'Ben' });
    idle.noteLocalChange();
    await sleep(100);
    expect((await idle.syncNow()).status.state).toBe('not_enrolled');
  });
});
