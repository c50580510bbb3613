import { describe, expect, it } from 'vitest';
import { CHILD_TABLES, contentHash, rowCount, userTables } from '../database/test-support/temp-database';
import { CHANNEL_NAMES } from '../electron/common/contract';
import type { ChannelResult } from '../electron/common/contract';
import type { BrowserHost } from './server';
import { CHANNEL_SAMPLES, DESKTOP_ONLY_CHANNELS, NEEDS_A_HUB_CHANNELS, runChannelSamples, SAMPLE_ATTEMPT, SAMPLE_LEARNER, SAMPLE_LEARNER_TO_DELETE } from './test-support/channel-samples';
import { apiRequest, unlockAsFirstAdmin, useTempHosts } from './test-support/host-fixture';

const hosts = useTempHosts();

async function call(host: BrowserHost, channel: string, payload: unknown): Promise<ChannelResult<unknown>> {
  const response = await apiRequest(host, channel, payload);
  expect(response.status, channel).toBe(200);
  return JSON.parse(response.text) as ChannelResult<unknown>;
}

async function hostWithLearner(): Promise<BrowserHost> {
  const { host } = await hosts.start();
  expect(await call(host, 'createLearnerProfile', { displayName: 'Ada', id: SAMPLE_LEARNER })).toMatchObject({ ok: true });
  return host;
}

const tableCounts = (host: BrowserHost): Record<string, number> =>
  Object.fromEntries(userTables(host.database.sqlite).map((t) => [t, rowCount(host.database.sqlite, t)]));

describe('every channel over HTTP', () => {
  it('the sample table covers exactly CHANNEL_NAMES', () => {
    expect(Object.keys(CHANNEL_SAMPLES).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('each channel round-trips a valid input with ok: true (the desktop-only ones are refused with invalid_input)', async () => {
    const host = await hostWithLearner();
    const { failures, results } = await runChannelSamples((channel, input) => call(host, channel, input));
    expect(failures).toEqual([
      ...DESKTOP_ONLY_CHANNELS.map((channel) => ({ channel, answer: { ok: false, error: expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('desktop app') }) } })),
      ...NEEDS_A_HUB_CHANNELS.map((channel) => ({ channel, answer: { ok: false, error: expect.objectContaining({ code: 'not_found', message: expect.stringContaining('No school hub answered') }) } })),
    ]);
    expect(Object.keys(results).sort()).toEqual(CHANNEL_NAMES.filter((c) => !DESKTOP_ONLY_CHANNELS.includes(c) && !NEEDS_A_HUB_CHANNELS.includes(c)).sort());
  });

  it('the answers are the handlers\' values, and writes reach the database', async () => {
    const host = await hostWithLearner();
    const { results: values } = await runChannelSamples((channel, input) => call(host, channel, input));
    expect(values.getInterests).toEqual([{ interestName: 'Dinosaurs', timestamp: expect.any(String) }]);
    expect(values.getActivityAttempts).toEqual([expect.objectContaining({ attemptUid: SAMPLE_ATTEMPT.attemptUid, score: 0.9 })]);
    expect(values.getAppInfo).toEqual({ appVersion: '9.9.9-test', schemaVersion: expect.any(Number), shell: 'browser' });
    expect(values.deleteLearnerProfile).toEqual({ learnerId: SAMPLE_LEARNER_TO_DELETE, deleted: true });
    expect(values.exportLearnerProfile?.fileName).toMatch(/^Ada-\d{4}-\d{2}-\d{2}\.dalaprofile$/);
    expect(values.previewProfileImport).toMatchObject({ existingLearners: 1, preview: { dryRun: true, summary: '0 new, 0 updated, 0 conflicts' } });
    expect(values.applyProfileImport).toMatchObject({ dryRun: false, policy: 'merge', summary: '0 new, 0 updated, 0 conflicts', snapshotId: expect.any(String) });
    expect(values.getLastImport).toMatchObject({ learnerIds: [SAMPLE_LEARNER] });
    expect(values.undoLastImport).toMatchObject({ learnerIds: [SAMPLE_LEARNER], safetySnapshotId: expect.any(String) });
    expect(values.restoreSnapshot).toEqual({ restoredId: values.createSnapshot?.id, safetySnapshotId: expect.any(String) });
    expect(values.getJobStatus).toMatchObject({ kind: 'backup', state: 'done', result: { kind: 'backup', learners: 2 } });
    expect(values.checkBackupFile).toMatchObject({ learners: 2, appVersion: '9.9.9-test' });
    expect(values.startRestore).toEqual({ jobId: expect.any(String) });
    const ids = (await call(host, 'listLearners', {})) as { ok: true; value: Array<{ id: string }> };
    expect(ids.value.map((l) => l.id).sort()).toEqual(['learner-1', 'learner-new']);
    expect(rowCount(host.database.sqlite, 'activity_attempts', 'learner_id = ?', SAMPLE_LEARNER)).toBe(1);
    expect(rowCount(host.database.sqlite, 'interests', 'learner_id = ? AND deleted_at IS NOT NULL', SAMPLE_LEARNER)).toBe(1);
  });
});

describe('invalid input over HTTP', () => {
  it('addActivityAttempt with score 2 is invalid_input on "score" and writes nothing', async () => {
    const host = await hostWithLearner();
    const countsBefore = tableCounts(host);
    const hashBefore = contentHash(host.database.sqlite);
    const result = await call(host, 'addActivityAttempt', { ...SAMPLE_ATTEMPT, score: 2 });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^score: /), field: 'score' } });
    expect(tableCounts(host)).toEqual(countsBefore);
    expect(Object.keys(countsBefore)).toEqual(expect.arrayContaining(['learner_profiles', ...CHILD_TABLES]));
    expect(contentHash(host.database.sqlite)).toBe(hashBefore);
  });

  it.each([
    ['an unknown field', 'createLearnerProfile', { displayName: 'Ada', isAdmin: true }, undefined],
    ['a missing field', 'addInterest', { learnerId: SAMPLE_LEARNER }, 'interestName'],
    ['a wrong type', 'addActivityAttempt', { ...SAMPLE_ATTEMPT, completed: 'yes' }, 'completed'],
    ['a JSON array instead of an object', 'addInterest', [SAMPLE_LEARNER, 'Dinosaurs'], undefined],
    ['JSON null', 'addInterest', null, 'learnerId'],
    ['a bad learner id', 'getLearnerProfile', { learnerId: '../../etc' }, 'learnerId'],
  ])('%s is invalid_input and writes nothing', async (_, channel, payload, field) => {
    const host = await hostWithLearner();
    const hashBefore = contentHash(host.database.sqlite);
    const result = await call(host, channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (field !== undefined) expect(result).toMatchObject({ error: { field } });
    expect(contentHash(host.database.sqlite)).toBe(hashBefore);
  });

  it('a typed handler error (unknown learner) is HTTP 200 with ok: false, not_found', async () => {
    const host = await hostWithLearner();
    await unlockAsFirstAdmin(host);
    const hashBefore = contentHash(host.database.sqlite);
    expect(await call(host, 'addInterest', { learnerId: 'ghost', interestName: 'Cats' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'learnerId' },
    });
    expect(contentHash(host.database.sqlite)).toBe(hashBefore);
  });

  it('an unknown channel is HTTP 404 with not_found', async () => {
    const host = await hostWithLearner();
    const response = await apiRequest(host, 'dropEverything', {});
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('dropEverything') } });
  });
});
