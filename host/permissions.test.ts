import { describe, expect, it } from 'vitest';
import { accessLevelOf, CHANNEL_NAMES, contract, type ChannelName, type ChannelResult, type ParsedChannelInput } from '../electron/common/contract';
import { contentHash } from '../database/test-support/temp-database';
import { TEST_ADMIN } from '../database/test-support/accounts';
import type { BrowserHost } from './server';
import { CHANNEL_SAMPLES, SAMPLE_ATTEMPT } from './test-support/channel-samples';
import { apiRequest, useTempHosts } from './test-support/host-fixture';

/**
 * "Who may do what" through the browser host's API, as the checks state it: with no
 * session, as a signed-in learner, as a coach and as an admin. A refusal is `forbidden` and the
 * database is byte for byte what it was.
 */
const hosts = useTempHosts();

async function call<T = unknown>(host: BrowserHost, channel: string, payload: unknown): Promise<ChannelResult<T>> {
  const response = await apiRequest(host, channel, payload);
  expect(response.status, channel).toBe(200);
  return JSON.parse(response.text) as ChannelResult<T>;
}
async function ok<T = unknown>(host: BrowserHost, channel: string, payload: unknown): Promise<T> {
  const answer = await call<T>(host, channel, payload);
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** A machine with an admin, a coach of class 4B, Ada and Ben in 4B and Cy in 5C; the session is left locked. */
async function school(): Promise<BrowserHost> {
  const { host } = await hosts.start();
  await ok(host, 'setUpFirstAdmin', TEST_ADMIN);
  await ok(host, 'createClass', { name: 'Class 4B', id: 'c4b' });
  await ok(host, 'createClass', { name: 'Class 5C', id: 'c5c' });
  for (const [id, displayName, classId] of [['ada', 'Ada', 'c4b'], ['ben', 'Ben', 'c4b'], ['cy', 'Cy', 'c5c']]) {
    await ok(host, 'createLearnerProfile', { id, displayName, classId });
    await ok(host, 'addInterest', { learnerId: id, interestName: 'Space' });
  }
  const coach = await ok<{ id: string }>(host, 'createEducator', { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'coach password 1' });
  await ok(host, 'assignCoach', { educatorId: coach.id, classId: 'c4b' });
  await ok(host, 'lockEducator', {});
  return host;
}

const learnersEducatorOrAbove = new Set(['learnersEducator', 'classEducator', 'educator', 'admin']);

/** A valid input for a channel, whatever earlier answers it would need (it is refused before they matter). */
function anyValidInput(name: ChannelName, learnerId: string): unknown {
  const sample = CHANNEL_SAMPLES[name] as unknown;
  const input = typeof sample === 'function' ? undefined : (sample as Record<string, unknown>);
  const byName: Partial<Record<ChannelName, unknown>> = {
    previewProfileImport: { fileId: 'x' },
    saveTransferFile: { fileId: 'x' },
    applyProfileImport: { importId: 'x', policy: 'merge' },
    restoreSnapshot: { snapshotId: 'x' },
    getJobStatus: { jobId: 'x' },
    checkBackupFile: { fileId: 'x' },
    startRestore: { fileId: 'x', replace: true, dryRun: false },
    updateEducator: { educatorId: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', role: 'admin' },
    resetEducatorPassword: { educatorId: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', password: 'another password' },
    assignCoach: { educatorId: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', classId: 'c4b' },
    unassignCoach: { educatorId: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', classId: 'c4b' },
    setEducatorDisabled: { educatorId: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', disabled: true },
    restoreAutomaticBackup: { backupId: 'x' },
  };
  const chosen = (byName[name] ?? input) as Record<string, unknown>;
  return 'learnerId' in chosen ? { ...chosen, learnerId } : 'classId' in chosen ? { ...chosen, classId: 'c4b' } : chosen;
}

describe('with no session', () => {
  it('profile reads and saves, deletion and restore are forbidden and change nothing; the picker gets names only', async () => {
    const host = await school();
    const before = contentHash(host.database.sqlite);
    for (const [channel, input] of [
      ['getFullLearnerProfileData', { learnerId: 'ada' }],
      ['addInterest', { learnerId: 'ada', interestName: 'Cats' }],
      ['deleteLearnerProfile', { learnerId: 'ada' }],
      ['startRestore', { fileId: 'b', replace: true, dryRun: false }],
    ] as const) {
      expect(await call(host, channel, input), channel).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(contentHash(host.database.sqlite)).toBe(before);
    const names = await ok<Array<Record<string, unknown>>>(host, 'listLearners', {});
    expect(names.map((n) => Object.keys(n).sort())).toEqual(names.map(() => ['classIds', 'displayName', 'id']));
    expect(names.map((n) => n.displayName)).toEqual(['Ada', 'Ben', 'Cy']);
  });
});

describe('signed in as a learner', () => {
  it('A reads and saves their own profile; B\'s profile, a save to B and every educator channel are forbidden, and B is unchanged', async () => {
    const host = await school();
    await ok(host, 'signInLearner', { learnerId: 'ada' });
    expect(await ok<{ profile: { id: string } }>(host, 'getFullLearnerProfileData', { learnerId: 'ada' })).toMatchObject({ profile: { id: 'ada' } });
    await ok(host, 'addActivityAttempt', { ...SAMPLE_ATTEMPT, learnerId: 'ada' });
    const benBefore = JSON.stringify(host.database.sqlite.prepare("SELECT * FROM interests WHERE learner_id = 'ben'").all());
    const before = contentHash(host.database.sqlite);
    expect(await call(host, 'getFullLearnerProfileData', { learnerId: 'ben' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(host, 'addInterest', { learnerId: 'ben', interestName: 'Cats' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const educatorChannels = CHANNEL_NAMES.filter((name) => {
      const access = (contract[name] as { access: unknown }).access;
      return typeof access === 'function' || learnersEducatorOrAbove.has(access as string);
    });
    expect(educatorChannels.length).toBeGreaterThan(30);
    for (const name of educatorChannels) {
      const input = anyValidInput(name, 'ada');
      const level = accessLevelOf(name, input as ParsedChannelInput<typeof name>);
      if (!learnersEducatorOrAbove.has(level)) continue;
      expect(await call(host, name, input), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(contentHash(host.database.sqlite)).toBe(before);
    expect(JSON.stringify(host.database.sqlite.prepare("SELECT * FROM interests WHERE learner_id = 'ben'").all())).toBe(benBefore);
  });
});

describe('unlocking Educator tools', () => {
  it('five wrong passwords, then rate_limited even with the right one; after the wait it unlocks; the audit log shows the failures', async () => {
    const host = await school();
    for (let i = 1; i <= 5; i++) {
      const answer = await call(host, 'unlockEducator', { username: TEST_ADMIN.username, password: `wrong ${i}` });
      expect(answer, `try ${i}`).toMatchObject({ ok: false, error: { code: i < 5 ? 'invalid_input' : 'rate_limited' } });
    }
    const sixth = await call(host, 'unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect(sixth).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: expect.any(Number) } });
    expect((sixth as { error: { retryAfterSeconds: number } }).error.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await call(host, 'getStatistics', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The wait, without waiting: the lockout ends at locked_until.
    host.database.sqlite.prepare("UPDATE sign_in_throttle SET locked_until = '2000-01-01T00:00:00.000Z'").run();
    expect(await ok(host, 'unlockEducator', { username: 'ADMIN', password: TEST_ADMIN.password })).toEqual({ username: TEST_ADMIN.username, displayName: TEST_ADMIN.displayName, role: 'admin' });
    const log = await ok<Array<{ action: string; detail: string | null }>>(host, 'listAuditLog', {});
    expect(log.filter((e) => e.action === 'educator_unlock_failed').map((e) => e.detail)).toEqual(['locked_out', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password']);
    expect(log[0]).toMatchObject({ action: 'educator_unlocked', actor: 'educator' });
    expect(JSON.stringify(log)).not.toContain(TEST_ADMIN.password);
  });

  it('after a lockout, the next wrong password locks again for twice as long', async () => {
    const host = await school();
    for (let i = 0; i < 5; i++) await call(host, 'unlockEducator', { username: 'mr.banda', password: 'nope' });
    host.database.sqlite.prepare("UPDATE sign_in_throttle SET locked_until = '2000-01-01T00:00:00.000Z'").run();
    expect(await call(host, 'unlockEducator', { username: 'mr.banda', password: 'nope' })).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 60 } });
  });
});

describe('a coach and an admin', () => {
  it('a coach sees and changes only learners of their classes; an admin-only channel is forbidden; an admin sees all', async () => {
    const host = await school();
    await ok(host, 'unlockEducator', { username: 'mr.banda', password: 'coach password 1' });
    expect((await ok<Array<{ id: string }>>(host, 'listLearnerSummaries', {})).map((l) => l.id)).toEqual(['ada', 'ben']);
    await ok(host, 'addInterest', { learnerId: 'ben', interestName: 'Trains' });
    expect(await ok(host, 'getClassReport', { classId: 'c4b' })).toMatchObject({ classId: 'c4b', learners: [{ learnerId: 'ada' }, { learnerId: 'ben' }] });
    const before = contentHash(host.database.sqlite);
    expect(await call(host, 'getFullLearnerProfileData', { learnerId: 'cy' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(host, 'addInterest', { learnerId: 'cy', interestName: 'Trains' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(host, 'getClassReport', { classId: 'c5c' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const [channel, input] of [
      ['deleteLearnerProfile', { learnerId: 'ada' }],
      ['restoreSnapshot', { snapshotId: 'x' }],
      ['createEducator', { username: 'x', displayName: 'X', role: 'admin', password: 'password 12' }],
      ['updateSettings', { learnerSelfSignUp: false }],
      ['verifyDatabase', { fixOrphans: true }],
    ] as const) {
      expect(await call(host, channel, input), channel).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/admin/) } });
    }
    expect(contentHash(host.database.sqlite)).toBe(before);
    await ok(host, 'lockEducator', {});
    await ok(host, 'unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect((await ok<Array<{ id: string }>>(host, 'listLearnerSummaries', {})).map((l) => l.id)).toEqual(['ada', 'ben', 'cy']);
    expect(await ok(host, 'getFullLearnerProfileData', { learnerId: 'cy' })).toMatchObject({ profile: { id: 'cy' } });
  });

  it('a switched-off account stops at once, even in a session already unlocked', async () => {
    const host = await school();
    await ok(host, 'unlockEducator', { username: 'mr.banda', password: 'coach password 1' });
    host.database.sqlite.prepare("UPDATE educators SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE username = 'mr.banda'").run();
    expect(await call(host, 'getClassReport', { classId: 'c4b' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ok(host, 'getSession', {})).toMatchObject({ educator: null });
  });

  it('a coach moves only their learners: exports them, and imports a new one only into one of their classes', async () => {
    const host = await school();
    await ok(host, 'unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    const cyFile = await ok<{ fileId: string }>(host, 'exportLearnerProfile', { learnerId: 'cy' });
    await ok(host, 'deleteLearnerProfile', { learnerId: 'cy' });
    await ok(host, 'lockEducator', {});
    await ok(host, 'unlockEducator', { username: 'mr.banda', password: 'coach password 1' });
    expect(await ok(host, 'exportLearnerProfile', { learnerId: 'ada' })).toMatchObject({ fileName: expect.stringMatching(/^Ada-/) });
    const preview = await ok<{ importId: string }>(host, 'previewProfileImport', { fileId: cyFile.fileId });
    const before = contentHash(host.database.sqlite);
    expect(await call(host, 'applyProfileImport', { importId: preview.importId, policy: 'merge' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(host, 'applyProfileImport', { importId: preview.importId, policy: 'merge', classId: 'c5c' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(host, 'applyProfileImport', { importId: preview.importId, policy: 'replace', classId: 'c4b' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(contentHash(host.database.sqlite)).toBe(before);
    expect(await ok(host, 'applyProfileImport', { importId: preview.importId, policy: 'merge', classId: 'c4b' })).toMatchObject({ learners: [{ learnerId: 'cy', outcome: 'created' }] });
    expect((await ok<Array<{ id: string }>>(host, 'listLearnerSummaries', {})).map((l) => l.id)).toEqual(['ada', 'ben', 'cy']);
  });
});
