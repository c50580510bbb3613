import { describe, expect, it } from 'vitest';
import { badgeDefinitions, diagnosticTasks, preferenceTasks } from '../../electron/common/content';
import type { AddActivityAttemptInput } from '../../electron/common/dto';
import type { BadgesAwarded } from '../../electron/common/profile';
import { contentHash, dalaErrorOf, openManager, rowCount, testClock, useTempDirs } from '../test-support/temp-database';

const dirs = useTempDirs();
const T0 = '2026-03-02T09:00:00.000Z';

async function setup() {
  // A clock that does not step: a write and the badges it awards share one time.
  const fixture = await openManager(dirs, testClock(T0, 0));
  const learnerId = fixture.manager.createLearnerProfile({ displayName: 'Ada' }).id;
  const attempt = (fields: Partial<AddActivityAttemptInput>) =>
    fixture.manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'act', activityType: 'quiz', completed: true, score: 0.5, ...fields });
  const storedIds = () => fixture.manager.getBadges({ learnerId }).map((b) => b.badgeId);
  return { ...fixture, learnerId, attempt, storedIds };
}

const ids = (result: BadgesAwarded) => result.badgesAwarded.map((b) => b.badgeId);

describe('badges awarded by addActivityAttempt', () => {
  it('the content defines the badges these tests rely on', () => {
    expect(badgeDefinitions.map((b) => b.id)).toEqual(
      expect.arrayContaining(['first_objective', 'assessment_finished', 'five_objectives', 'maths_explorer', 'word_wizard', 'first_perfect', 'keep_trying', 'three_day_streak', 'game_player', 'ten_attempts']),
    );
  });

  it('the first completed objective awards first_objective in the same call, stored', async () => {
    const { manager, learnerId, attempt } = await setup();
    expect(ids(attempt({ score: 0.5 }))).toEqual([]);
    const done = attempt({ score: 0.9 });
    expect(done.badgesAwarded).toEqual([{ badgeId: 'first_objective', badgeName: 'First Step', earnedDate: T0, details: { rule: 'objectives_completed', awardedBy: 'app' } }]);
    expect(manager.getBadges({ learnerId })).toEqual(done.badgesAwarded);
    expect(ids(attempt({ loId: 'MATH_LO_002', score: 0.9 }))).toEqual([]);
  });

  it('a perfect score awards first_perfect; a completion with it awards both, in definition order', async () => {
    const { attempt, storedIds } = await setup();
    expect(ids(attempt({ score: 1 }))).toEqual(['first_objective', 'first_perfect']);
    expect(storedIds().sort()).toEqual(['first_objective', 'first_perfect']);
  });

  it('completing an objective on the third attempt awards keep_trying', async () => {
    const { attempt } = await setup();
    attempt({ score: 0.1 });
    attempt({ score: 0.2 });
    expect(ids(attempt({ score: 0.9 }))).toEqual(['first_objective', 'keep_trying']);
  });

  it('three consecutive days of attempts award three_day_streak; a gap does not', async () => {
    const { attempt, clock } = await setup();
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-05']) {
      clock.set(`${day}T10:00:00.000Z`);
      expect(ids(attempt({ score: 0.1 }))).toEqual([]);
    }
    clock.set('2026-03-06T10:00:00.000Z');
    expect(ids(attempt({ score: 0.1 }))).toEqual([]);
    clock.set('2026-03-07T10:00:00.000Z');
    expect(ids(attempt({ score: 0.1 }))).toEqual(['three_day_streak']);
  });

  it('three finished games award game_player; unfinished ones do not count', async () => {
    const { attempt } = await setup();
    attempt({ activityType: 'game', completed: false, score: 0.1 });
    attempt({ activityType: 'game', score: 0.1 });
    attempt({ activityType: 'quiz', score: 0.1 });
    expect(ids(attempt({ activityType: 'game', score: 0.1 }))).toEqual([]);
    expect(ids(attempt({ activityType: 'game', score: 0.1 }))).toEqual(['game_player']);
  });

  it('the tenth attempt awards ten_attempts', async () => {
    const { attempt } = await setup();
    for (let n = 1; n < 10; n++) expect(ids(attempt({ score: 0.1 }))).toEqual([]);
    expect(ids(attempt({ score: 0.1 }))).toEqual(['ten_attempts']);
  });

  it('subject badges count only their subject; five_objectives counts all', async () => {
    const { attempt, storedIds } = await setup();
    for (const loId of ['READ_LO_001', 'READ_LO_002', 'MATH_LO_001', 'MATH_LO_002']) attempt({ loId, score: 0.9 });
    expect(storedIds()).toEqual(['first_objective']);
    expect(ids(attempt({ loId: 'READ_LO_003', score: 0.9 }))).toEqual(['five_objectives', 'word_wizard']);
    expect(ids(attempt({ loId: 'MATH_LO_003', score: 0.9 }))).toEqual(['maths_explorer']);
  });

  it('a badge already given by hand is not awarded again', async () => {
    const { manager, sqlite, learnerId, attempt } = await setup();
    manager.addBadgeRecord({ learnerId, badgeId: 'first_objective', badgeName: 'First Step' });
    expect(ids(attempt({ score: 0.9 }))).toEqual([]);
    expect(rowCount(sqlite, 'badges')).toBe(1);
  });
});

describe('the assessment badge', () => {
  async function almostFinished(skip: 'interest' | 'preference' | 'metric') {
    const fixture = await setup();
    const { manager, learnerId } = fixture;
    if (skip !== 'interest') manager.addInterest({ learnerId, interestName: 'Space' });
    preferenceTasks.forEach((t, i) => {
      if (skip !== 'preference' || i > 0) expect(ids(manager.addOrUpdatePreference({ learnerId, category: t.category, value: 'visual' }))).toEqual([]);
    });
    diagnosticTasks.forEach((t, i) => {
      if (skip !== 'metric' || i > 0) expect(ids(manager.addOrUpdateCognitiveMetric({ learnerId, taskName: t.taskName, metricDetails: { accuracy: 0.7 } }))).toEqual([]);
    });
    expect(fixture.storedIds()).toEqual([]);
    return fixture;
  }

  it('is awarded when the last diagnostic is saved', async () => {
    const { manager, learnerId, storedIds } = await almostFinished('metric');
    const last = manager.addOrUpdateCognitiveMetric({ learnerId, taskName: diagnosticTasks[0]?.taskName ?? '', metricDetails: { accuracy: 1 } });
    expect(ids(last)).toEqual(['assessment_finished']);
    expect(storedIds()).toEqual(['assessment_finished']);
  });

  it('is awarded when the last preference task is saved', async () => {
    const { manager, learnerId } = await almostFinished('preference');
    expect(ids(manager.addOrUpdatePreference({ learnerId, category: preferenceTasks[0]?.category ?? '', value: 'auditory' }))).toEqual(['assessment_finished']);
  });

  it('is awarded when the first interest is the last piece saved', async () => {
    const { manager, learnerId, storedIds } = await almostFinished('interest');
    manager.addInterest({ learnerId, interestName: 'Space' });
    expect(storedIds()).toEqual(['assessment_finished']);
  });

  it('a preference category that is not a task does not count', async () => {
    const { manager, learnerId, storedIds } = await almostFinished('preference');
    expect(ids(manager.addOrUpdatePreference({ learnerId, category: 'not_a_task', value: 'visual' }))).toEqual([]);
    expect(storedIds()).toEqual([]);
  });

  it('a removed preference does not count until it is saved again', async () => {
    const { manager, learnerId } = await almostFinished('metric');
    const category = preferenceTasks[1]?.category ?? '';
    manager.removePreference({ learnerId, category });
    expect(ids(manager.addOrUpdateCognitiveMetric({ learnerId, taskName: diagnosticTasks[0]?.taskName ?? '', metricDetails: {} }))).toEqual([]);
    expect(ids(manager.addOrUpdatePreference({ learnerId, category, value: 'reading' }))).toEqual(['assessment_finished']);
  });
});

describe('addBadgeRecord', () => {
  it('records a badge given by hand with its details, exactly', async () => {
    const { manager, learnerId } = await setup();
    const details = { reason: "Helped a classmate — “kindness”", stars: 3, nested: { ok: true, list: [1, null, 'ß'] } };
    const record = manager.addBadgeRecord({ learnerId, badgeId: 'educator_star', badgeName: 'Class Star ⭐', details });
    expect(record).toEqual({ badgeId: 'educator_star', badgeName: 'Class Star ⭐', earnedDate: T0, details });
    expect(manager.getBadges({ learnerId })).toEqual([record]);
    expect(manager.getFullLearnerProfileData({ learnerId }).badges).toEqual([record]);
  });

  it('the same badge twice is a conflict on badgeId and writes nothing', async () => {
    const { manager, sqlite, learnerId } = await setup();
    manager.addBadgeRecord({ learnerId, badgeId: 'educator_star', badgeName: 'Star' });
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => manager.addBadgeRecord({ learnerId, badgeId: 'educator_star', badgeName: 'Star again' }));
    expect(error.code).toBe('conflict');
    expect(error.field).toBe('badgeId');
    expect(contentHash(sqlite)).toBe(before);
  });

  it('validates input and the learner, writing nothing', async () => {
    const { manager, sqlite, learnerId } = await setup();
    const before = contentHash(sqlite);
    expect(dalaErrorOf(() => manager.addBadgeRecord({ learnerId, badgeId: 'bad id', badgeName: 'Star' })).field).toBe('badgeId');
    expect(dalaErrorOf(() => manager.addBadgeRecord({ learnerId, badgeId: 'star', badgeName: '' })).field).toBe('badgeName');
    expect(dalaErrorOf(() => manager.addBadgeRecord({ learnerId: 'ghost', badgeId: 'star', badgeName: 'Star' })).code).toBe('not_found');
    expect(contentHash(sqlite)).toBe(before);
  });
});
