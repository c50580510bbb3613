import { describe, expect, it } from 'vitest';
import { createChannelDispatcher } from '../channels/dispatch';
import { TEST_ADMIN } from '../test-support/accounts';
import { contentHash, testClock, useTempDirs } from '../test-support/temp-database';
import { windowCaller } from '../test-support/window-caller';

const dirs = useTempDirs();

/** One window on a fresh machine, with a clock the test moves; an admin has set up class 4B (PIN) with Ada in it. */
async function lab() {
  const database = await dirs.open();
  const clock = testClock('2026-03-02T09:00:00.000Z', 1);
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser', now: clock });
  const { call, ok, session } = windowCaller(dispatcher);
  await ok('setUpFirstAdmin', TEST_ADMIN);
  await ok('createClass', { name: 'Class 4B', id: 'c4b', signInMethod: 'pin' });
  await ok('createLearnerProfile', { id: 'ada', displayName: 'Ada', classId: 'c4b' });
  await ok('createLearnerProfile', { id: 'lou', displayName: 'Lou' });
  await ok('lockEducator', {});
  return { database, clock, call, ok, session, close: () => dispatcher.close() };
}

describe('a learner signing in', () => {
  it('by name alone when no class of theirs asks for a secret', async () => {
    const t = await lab();
    expect(await t.ok('getLearnerSignIn', { learnerId: 'lou' })).toEqual({ learnerId: 'lou', displayName: 'Lou', method: 'none', secretSet: true });
    expect(await t.ok('signInLearner', { learnerId: 'lou' })).toEqual({ learner: { id: 'lou', displayName: 'Lou' }, secretCreated: false });
    expect(await t.ok('getSession', {})).toMatchObject({ learner: { id: 'lou' }, educator: null });
    await t.close();
  });

  it('chooses a PIN at the first sign-in in a PIN class, then needs it; a wrong one is refused and counted', async () => {
    const t = await lab();
    expect(await t.ok('getLearnerSignIn', { learnerId: 'ada' })).toMatchObject({ method: 'pin', secretSet: false });
    expect(await t.call('signInLearner', { learnerId: 'ada' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'secret' } });
    expect(await t.ok('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } })).toMatchObject({ secretCreated: true });
    const row = t.database.sqlite.prepare("SELECT kind, secret_hash AS hash FROM learner_secrets WHERE learner_id = 'ada'").get() as { kind: string; hash: string };
    expect(row.kind).toBe('pin');
    expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.hash).not.toContain('2468');
    await t.ok('signOutLearner', {});
    expect(await t.ok('getLearnerSignIn', { learnerId: 'ada' })).toMatchObject({ method: 'pin', secretSet: true });
    expect(await t.call('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '1111' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not your PIN/) } });
    expect(await t.call('signInLearner', { learnerId: 'ada', secret: { kind: 'picture', pictures: ['animals', 'space', 'music'] } })).toMatchObject({ ok: false, error: { field: 'secret' } });
    expect(await t.ok('getSession', {})).toMatchObject({ learner: null });
    expect(await t.ok('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } })).toMatchObject({ secretCreated: false });
    await t.close();
  });

  it('is locked out after five wrong PINs, even with the right one, and the right one works after the wait', async () => {
    const t = await lab();
    await t.ok('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } });
    await t.ok('signOutLearner', {});
    for (let i = 0; i < 4; i++) await t.call('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '0000' } });
    expect(await t.call('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '0000' } })).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 30 } });
    const before = contentHash(t.database.sqlite);
    expect(await t.call('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(contentHash(t.database.sqlite)).toBe(before);
    t.clock.set('2026-03-02T09:00:31.000Z');
    expect(await t.ok('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } })).toMatchObject({ learner: { id: 'ada' } });
    await t.close();
  });

  it('a pupil signing in locks Educator tools left open at the window', async () => {
    const t = await lab();
    await t.ok('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await t.ok('signInLearner', { learnerId: 'lou' });
    expect(await t.ok('getSession', {})).toMatchObject({ learner: { id: 'lou' }, educator: null });
    expect(await t.call('getStatistics', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.close();
  });

  it('pictures: three different ones, in order', async () => {
    const t = await lab();
    await t.ok('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await t.ok('setClassSignInMethod', { classId: 'c4b', method: 'picture' });
    expect(await t.call('setLearnerSecret', { learnerId: 'ada', secret: { kind: 'picture', pictures: ['animals', 'animals', 'music'] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await t.ok('setLearnerSecret', { learnerId: 'ada', secret: { kind: 'picture', pictures: ['trains', 'ocean', 'music'] } });
    await t.ok('lockEducator', {});
    expect(await t.call('signInLearner', { learnerId: 'ada', secret: { kind: 'picture', pictures: ['ocean', 'trains', 'music'] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.ok('signInLearner', { learnerId: 'ada', secret: { kind: 'picture', pictures: ['trains', 'ocean', 'music'] } })).toMatchObject({ learner: { id: 'ada' } });
    await t.close();
  });
});

describe('idle sessions', () => {
  it('an educator session locks itself after the educator idle time, a learner\'s ends after the learner idle time', async () => {
    const t = await lab();
    await t.ok('signInLearner', { learnerId: 'lou' });
    await t.ok('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    // signInLearner after unlock would lock the tools; here the educator unlocked after the pupil signed in.
    t.clock.set('2026-03-02T09:09:00.000Z');
    expect(await t.ok('getSession', {})).toMatchObject({ educator: { username: TEST_ADMIN.username }, learner: { id: 'lou' } });
    t.clock.set('2026-03-02T09:19:01.000Z');
    expect(await t.ok('getSession', {})).toMatchObject({ educator: null, learner: { id: 'lou' } });
    t.clock.set('2026-03-02T09:39:02.000Z');
    expect(await t.ok('getSession', {})).toMatchObject({ learner: null });
    expect(await t.call('getInterests', { learnerId: 'lou' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.close();
  });

  it('follows the settings an admin changes', async () => {
    const t = await lab();
    await t.ok('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await t.ok('updateSettings', { educatorIdleMinutes: 1 });
    t.clock.set('2026-03-02T09:02:00.000Z');
    expect(await t.ok('getSession', {})).toMatchObject({ educator: null, idle: { educatorMinutes: 1, learnerMinutes: 20 } });
    await t.close();
  });
});

describe('the first admin', () => {
  it('can be set up once only; after that the setup is refused', async () => {
    const t = await lab();
    expect(await t.call('setUpFirstAdmin', { username: 'another', displayName: 'Another', password: 'password 123' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM educators').get()).toEqual({ n: 1 });
    await t.close();
  });

  it('cannot be demoted or switched off while it is the last admin', async () => {
    const t = await lab();
    const { educator } = (await t.ok('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })) && (await t.ok('getSession', {}));
    expect(await t.call('setEducatorDisabled', { educatorId: educator!.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('updateEducator', { educatorId: educator!.id, role: 'coach' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.close();
  });
});
