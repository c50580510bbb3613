import { describe, expect, it } from 'vitest';
import { DEFAULT_MASTERY_THRESHOLD, masteryThresholdOf } from '../../electron/common/content';
import type { AddActivityAttemptInput } from '../../electron/common/dto';
import { DalaError } from '../../electron/common/errors';
import { contentHash, dalaErrorOf, openManager, rowCount, testClock, useTempDirs } from '../test-support/temp-database';

const dirs = useTempDirs();
const UID_A = '6f1c2a7e-4b3d-4e8a-9c1f-2d3e4f5a6b7c';
const UID_B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

async function setup() {
  const fixture = await openManager(dirs, testClock('2026-03-02T09:00:00.000Z', 60_000));
  const learnerId = fixture.manager.createLearnerProfile({ displayName: 'Ada' }).id;
  const attempt = (fields: Partial<AddActivityAttemptInput>) =>
    fixture.manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_quiz_1', activityType: 'quiz', completed: true, ...fields });
  return { ...fixture, learnerId, attempt };
}

describe('addActivityAttempt and objective progress', () => {
  it('the first attempt stores the attempt and starts the objective', async () => {
    const { manager, learnerId, attempt } = await setup();
    const result = attempt({ score: 0.3, attemptUid: UID_A, attemptDetails: { answers: [1, 2] } });
    const at = manager.getLearnerProfile({ learnerId }).lastUpdatedAt;
    expect(result.recorded).toBe(true);
    expect(result.loProgressChange).toBe('started');
    expect(result.loProgress).toEqual({ loId: 'MATH_LO_001', status: 'in_progress', startedAt: at, completedAt: null, score: 0.3, details: null });
    expect(result.attempt).toEqual({
      attemptUid: UID_A,
      loId: 'MATH_LO_001',
      activityId: 'math_quiz_1',
      activityType: 'quiz',
      attemptTimestamp: at,
      score: 0.3,
      completed: true,
      attemptDetails: { answers: [1, 2] },
    });
    expect(manager.getActivityAttempts({ learnerId })).toEqual([result.attempt]);
    expect(manager.getLoProgress({ learnerId })).toEqual([result.loProgress]);
  });

  it('gives an attempt without attemptUid a fresh UUID', async () => {
    const { attempt } = await setup();
    const a = attempt({ score: 0.1 }).attempt.attemptUid;
    const b = attempt({ score: 0.1 }).attempt.attemptUid;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it.each(['MATH_LO_001', 'MATH_LO_003', 'MATH_LO_008', 'ART_LO_999'])('completes %s exactly at its mastery threshold', async (loId) => {
    const { attempt } = await setup();
    const threshold = masteryThresholdOf(loId);
    if (loId === 'ART_LO_999') expect(threshold).toBe(DEFAULT_MASTERY_THRESHOLD);
    if (loId === 'MATH_LO_008') expect(threshold).toBe(0.7);
    const below = attempt({ loId, score: Math.round((threshold - 0.01) * 100) / 100 });
    expect(below.loProgress.status).toBe('in_progress');
    const at = attempt({ loId, score: threshold });
    expect(at.loProgressChange).toBe('completed');
    expect(at.loProgress.status).toBe('completed');
    expect(at.loProgress.completedAt).toBe(at.attempt.attemptTimestamp);
    expect(at.loProgress.startedAt).toBe(below.attempt.attemptTimestamp);
  });

  it('an unfinished attempt never completes the objective, even with a perfect score', async () => {
    const { attempt } = await setup();
    expect(attempt({ score: 1, completed: false }).loProgress.status).toBe('in_progress');
    expect(attempt({ completed: true }).loProgress.status).toBe('in_progress');
  });

  it('never regresses: a later lower score keeps the status, the best score and the first completion time', async () => {
    const { manager, learnerId, attempt } = await setup();
    const done = attempt({ score: 0.85 });
    const lower = attempt({ score: 0.2 });
    expect(lower.loProgressChange).toBe('unchanged');
    expect(lower.loProgress).toEqual(done.loProgress);
    const better = attempt({ score: 0.95 });
    expect(better.loProgressChange).toBe('improved');
    expect(better.loProgress).toMatchObject({ status: 'completed', score: 0.95, completedAt: done.loProgress.completedAt, startedAt: done.loProgress.startedAt });
    expect(manager.getLoProgress({ learnerId })).toEqual([better.loProgress]);
    expect(manager.getActivityAttempts({ learnerId }).map((a) => a.score)).toEqual([0.95, 0.2, 0.85]);
  });

  it('completing after the lab clock went back still stores a valid completion', async () => {
    const { manager, learnerId, attempt, clock } = await setup();
    clock.set('2026-03-05T12:00:00.000Z');
    const started = attempt({ score: 0.1 });
    clock.set('2026-03-05T11:00:00.000Z');
    const done = attempt({ score: 0.9 });
    expect(done.loProgress.status).toBe('completed');
    expect((done.loProgress.completedAt ?? '') >= started.loProgress.startedAt).toBe(true);
    expect(manager.getLearnerProfile({ learnerId }).lastUpdatedAt >= '2026-03-05T12:00:00.000Z').toBe(true);
  });
});

describe('addActivityAttempt retries and conflicts', () => {
  it('a retry with the same attemptUid returns the stored attempt with recorded: false', async () => {
    const { manager, learnerId, attempt } = await setup();
    const first = attempt({ score: 0.5, attemptUid: UID_A });
    const retry = attempt({ score: 0.9, attemptUid: UID_A });
    expect(retry.recorded).toBe(false);
    expect(retry.loProgressChange).toBe('unchanged');
    expect(retry.badgesAwarded).toEqual([]);
    expect(retry.attempt).toEqual(first.attempt);
    expect(retry.loProgress).toEqual(first.loProgress);
    expect(manager.getActivityAttempts({ learnerId })).toHaveLength(1);
  });

  it('a retry writes nothing at all', async () => {
    const { sqlite, attempt } = await setup();
    attempt({ score: 0.5, attemptUid: UID_A });
    const before = contentHash(sqlite);
    attempt({ score: 0.5, attemptUid: UID_A });
    expect(contentHash(sqlite)).toBe(before);
  });

  it('the same attemptUid for another learner or objective is a conflict and writes nothing', async () => {
    const { manager, sqlite, attempt } = await setup();
    const other = manager.createLearnerProfile({ displayName: 'Ben' }).id;
    attempt({ score: 0.5, attemptUid: UID_A });
    const before = contentHash(sqlite);
    for (const call of [
      () => manager.addActivityAttempt({ learnerId: other, loId: 'MATH_LO_001', activityId: 'math_quiz_1', activityType: 'quiz', completed: true, attemptUid: UID_A }),
      () => attempt({ loId: 'MATH_LO_002', attemptUid: UID_A }),
    ]) {
      const error = dalaErrorOf(call);
      expect(error.code).toBe('conflict');
      expect(error.field).toBe('attemptUid');
    }
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('addActivityAttempt failures leave no trace', () => {
  it.each([
    [{ score: 1.5 }, 'score'],
    [{ score: -0.01 }, 'score'],
    [{ score: Number.NaN }, 'score'],
    [{ attemptUid: 'not-a-uuid' }, 'attemptUid'],
    [{ loId: 'MATH LO 1' }, 'loId'],
    [{ activityType: '' }, 'activityType'],
    [{ attemptDetails: { big: 'x'.repeat(20_001) } }, 'attemptDetails'],
    [{ learnerId: '' }, 'learnerId'],
  ] as Array<[Partial<AddActivityAttemptInput>, string]>)('refuses %j as invalid_input on %s', async (fields, field) => {
    const { sqlite, attempt } = await setup();
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => attempt(fields));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(contentHash(sqlite)).toBe(before);
  });

  it('refuses unknown keys (strict DTO)', async () => {
    const { sqlite, attempt } = await setup();
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => attempt({ score: 0.5, timestamp: '2026-01-01T00:00:00.000Z' } as Partial<AddActivityAttemptInput>));
    expect(error.code).toBe('invalid_input');
    expect(contentHash(sqlite)).toBe(before);
  });

  it('an unknown learner is not_found and nothing is written', async () => {
    const { sqlite, attempt } = await setup();
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => attempt({ learnerId: 'ghost', score: 1 }));
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('learnerId');
    expect(contentHash(sqlite)).toBe(before);
  });

  it('a badge insert failing half-way rolls back the attempt, the progress and the timestamp bump', async () => {
    const { sqlite, attempt } = await setup();
    sqlite.exec("CREATE TRIGGER fail_badges BEFORE INSERT ON badges BEGIN SELECT RAISE(ABORT, 'boom'); END");
    const before = contentHash(sqlite);
    let thrown: unknown;
    try {
      attempt({ score: 1, attemptUid: UID_B });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DalaError);
    expect((thrown as DalaError).message).not.toContain('boom');
    expect(contentHash(sqlite)).toBe(before);
    expect(rowCount(sqlite, 'activity_attempts')).toBe(0);
    expect(rowCount(sqlite, 'learning_objective_progress')).toBe(0);
    sqlite.exec('DROP TRIGGER fail_badges');
    expect(attempt({ score: 1, attemptUid: UID_B }).recorded).toBe(true);
  });
});

describe('getActivityAttempts', () => {
  it('lists newest first, filters by objective and honours limit', async () => {
    const { manager, learnerId, attempt } = await setup();
    attempt({ loId: 'MATH_LO_001', score: 0.1 });
    attempt({ loId: 'READ_LO_001', score: 0.2 });
    attempt({ loId: 'MATH_LO_001', score: 0.3 });
    expect(manager.getActivityAttempts({ learnerId }).map((a) => a.score)).toEqual([0.3, 0.2, 0.1]);
    expect(manager.getActivityAttempts({ learnerId, loId: 'MATH_LO_001' }).map((a) => a.score)).toEqual([0.3, 0.1]);
    expect(manager.getActivityAttempts({ learnerId, limit: 1 }).map((a) => a.score)).toEqual([0.3]);
    expect(dalaErrorOf(() => manager.getActivityAttempts({ learnerId, limit: 0 })).field).toBe('limit');
    expect(dalaErrorOf(() => manager.getActivityAttempts({ learnerId: 'ghost' })).code).toBe('not_found');
  });
});
