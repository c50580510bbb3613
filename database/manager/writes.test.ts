import { describe, expect, it } from 'vitest';
import type { ProfileChannelCaller } from '../test-support/channel-caller';
import { contentHash, dalaErrorOf, openManager, testClock, useTempDirs } from '../test-support/temp-database';

/** What every write has in common: learner checked first, one transaction, last_updated_at bumped. */

const dirs = useTempDirs();

type Write = (m: ProfileChannelCaller, learnerId: string) => unknown;

/** Each write, on a learner that already has an interest, a preference and a struggle to remove. */
const WRITES: Array<[string, Write]> = [
  ['addOrUpdatePreference', (m, learnerId) => m.addOrUpdatePreference({ learnerId, category: 'visual_preference_task_2', value: 'visual' })],
  ['removePreference', (m, learnerId) => m.removePreference({ learnerId, category: 'visual_preference_task_1' })],
  ['addInterest', (m, learnerId) => m.addInterest({ learnerId, interestName: 'Robots' })],
  ['removeInterest', (m, learnerId) => m.removeInterest({ learnerId, interestName: 'Space' })],
  ['addStruggle', (m, learnerId) => m.addStruggle({ learnerId, struggleDescription: 'Fractions' })],
  ['removeStruggle', (m, learnerId) => m.removeStruggle({ learnerId, struggleDescription: 'Spelling' })],
  ['addOrUpdateCognitiveMetric', (m, learnerId) => m.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory_span', metricDetails: { span: 5 } })],
  ['addOrUpdateLoProgress', (m, learnerId) => m.addOrUpdateLoProgress({ learnerId, loId: 'SCI_LO_001', status: 'in_progress' })],
  ['addBadgeRecord', (m, learnerId) => m.addBadgeRecord({ learnerId, badgeId: 'educator_star', badgeName: 'Star' })],
  ['addActivityAttempt', (m, learnerId) => m.addActivityAttempt({ learnerId, loId: 'SCI_LO_001', activityId: 'a', activityType: 'quiz', completed: false })],
];

async function setup(clock = testClock('2026-03-02T09:00:00.000Z', 60_000)) {
  const fixture = await openManager(dirs, clock);
  const learnerId = fixture.manager.createLearnerProfile({ displayName: 'Ada' }).id;
  fixture.manager.addInterest({ learnerId, interestName: 'Space' });
  fixture.manager.addOrUpdatePreference({ learnerId, category: 'visual_preference_task_1', value: 'auditory' });
  fixture.manager.addStruggle({ learnerId, struggleDescription: 'Spelling' });
  return { ...fixture, learnerId };
}

describe.each(WRITES)('%s', (_name, write) => {
  it('bumps last_updated_at to the time of the write', async () => {
    const { manager, learnerId, clock } = await setup();
    const before = manager.getLearnerProfile({ learnerId }).lastUpdatedAt;
    clock.set('2026-04-01T12:00:00.000Z');
    write(manager, learnerId);
    const after = manager.getLearnerProfile({ learnerId });
    expect(after.lastUpdatedAt).toBe('2026-04-01T12:00:00.000Z');
    expect(after.lastUpdatedAt > before).toBe(true);
  });

  it('never moves last_updated_at backwards when the clock goes back', async () => {
    const { manager, learnerId, clock } = await setup();
    const before = manager.getLearnerProfile({ learnerId }).lastUpdatedAt;
    clock.set('2025-01-01T00:00:00.000Z');
    write(manager, learnerId);
    expect(manager.getLearnerProfile({ learnerId }).lastUpdatedAt).toBe(before);
  });

  it('is not_found on learnerId for an unknown learner and writes nothing', async () => {
    const { manager, sqlite } = await setup();
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => write(manager, 'ghost'));
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('learnerId');
    expect(contentHash(sqlite)).toBe(before);
  });

  it('leaves no trace when the surrounding transaction fails after it', async () => {
    const { manager, sqlite, learnerId } = await setup();
    const before = contentHash(sqlite);
    const failing = sqlite.transaction(() => {
      write(manager, learnerId);
      throw new Error('power cut');
    });
    expect(() => failing()).toThrow('power cut');
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('addOrUpdateCognitiveMetric', () => {
  it('keeps one row per task; playing again replaces the details, which round-trip exactly', async () => {
    const { manager, learnerId } = await setup();
    manager.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory_span', metricDetails: { span: 4 } });
    const details = { span: 6, accuracy: 0.8333333333333334, sequence: ['🐱', '🐶', "O'Neil"], timing: { total_ms: 41_250, perRound: [1.5, null] }, done: true };
    const { metric } = manager.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory_span', metricDetails: details });
    expect(metric.metricDetails).toEqual(details);
    expect(manager.getCognitiveMetrics({ learnerId })).toEqual([metric]);
  });

  it.each([
    [{ taskName: 'memory span', metricDetails: {} }, 'taskName'],
    [{ taskName: 'memory_span', metricDetails: [1, 2] }, 'metricDetails'],
    [{ taskName: 'memory_span' }, 'metricDetails'],
  ])('refuses %j on %s and writes nothing', async (fields, field) => {
    const { manager, sqlite, learnerId } = await setup();
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => manager.addOrUpdateCognitiveMetric({ learnerId, ...fields } as Parameters<ProfileChannelCaller['addOrUpdateCognitiveMetric']>[0]));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('addOrUpdateLoProgress', () => {
  it('starts, completes and never regresses an objective set by hand', async () => {
    const { manager, learnerId } = await setup();
    const started = manager.addOrUpdateLoProgress({ learnerId, loId: 'READ_LO_002', status: 'in_progress', score: 0.4, details: { note: 'säge' } });
    expect(started.change).toBe('started');
    expect(started.progress).toMatchObject({ status: 'in_progress', score: 0.4, completedAt: null, details: { note: 'säge' } });
    const done = manager.addOrUpdateLoProgress({ learnerId, loId: 'READ_LO_002', status: 'completed', score: 0.9 });
    expect(done.change).toBe('completed');
    expect(done.badgesAwarded.map((b) => b.badgeId)).toEqual(['first_objective']);
    expect(done.progress).toMatchObject({ status: 'completed', score: 0.9, startedAt: started.progress.startedAt, details: { note: 'säge' } });
    const back = manager.addOrUpdateLoProgress({ learnerId, loId: 'READ_LO_002', status: 'not_started', score: 0.1 });
    expect(back.change).toBe('unchanged');
    expect(back.progress).toEqual(done.progress);
    expect(manager.getLoProgress({ learnerId })).toEqual([done.progress]);
  });

  it.each([
    [{ status: 'finished' }, 'status'],
    [{ status: 'completed', score: 1.5 }, 'score'],
    [{ status: 'completed', loId: '' }, 'loId'],
    [{ status: 'completed', details: 'text' }, 'details'],
  ])('refuses %j on %s and writes nothing', async (fields, field) => {
    const { manager, sqlite, learnerId } = await setup();
    const before = contentHash(sqlite);
    const input = { learnerId, loId: 'READ_LO_002', ...fields } as Parameters<ProfileChannelCaller['addOrUpdateLoProgress']>[0];
    const error = dalaErrorOf(() => manager.addOrUpdateLoProgress(input));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('getFullLearnerProfileData', () => {
  it('returns every live row of the learner and nothing of others', async () => {
    const { manager, learnerId } = await setup();
    const other = manager.createLearnerProfile({ displayName: 'Ben' }).id;
    manager.addInterest({ learnerId: other, interestName: 'Horses' });
    manager.removeStruggle({ learnerId, struggleDescription: 'Spelling' });
    manager.addOrUpdateCognitiveMetric({ learnerId, taskName: 'pattern_completion', metricDetails: { accuracy: 1 } });
    const attempt = manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'q', activityType: 'quiz', score: 0.9, completed: true, attemptDetails: { answers: { q1: 'b' } } });
    const full = manager.getFullLearnerProfileData({ learnerId });
    expect(full.profile).toEqual(manager.getLearnerProfile({ learnerId }));
    expect(full.interests.map((i) => i.interestName)).toEqual(['Space']);
    expect(full.struggles).toEqual([]);
    expect(full.preferences.map((p) => [p.category, p.value])).toEqual([['visual_preference_task_1', 'auditory']]);
    expect(full.cognitiveMetrics.map((m) => m.metricDetails)).toEqual([{ accuracy: 1 }]);
    expect(full.loProgress).toEqual([attempt.loProgress]);
    expect(full.badges.map((b) => b.badgeId)).toEqual(['first_objective']);
    expect(full.activityAttempts).toEqual([attempt.attempt]);
    expect(full.activityAttempts[0]?.attemptDetails).toEqual({ answers: { q1: 'b' } });
  });

  it('is not_found for an unknown learner and rejects a malformed reference', async () => {
    const { manager } = await setup();
    expect(dalaErrorOf(() => manager.getFullLearnerProfileData({ learnerId: 'ghost' })).code).toBe('not_found');
    const error = dalaErrorOf(() => manager.getFullLearnerProfileData({ learnerId: 'x', more: 1 } as { learnerId: string }));
    expect(error.code).toBe('invalid_input');
  });
});
