import { describe, expect, it } from 'vitest';
import { diagnosticTasks, preferenceTasks } from '../../electron/common/content';
import { openDatabase } from '../open';
import { contentHash, openManager, rowCount, testClock, useTempDirs } from '../test-support/temp-database';
import { seedDemoData } from './demo-data';
import { collectStatistics, TABLE_NAMES } from './statistics';

const dirs = useTempDirs();
const seedStart = () => new Date(Date.now() - 10 * 86_400_000);

describe('collectStatistics', () => {
  it('is all zeros on an empty database', async () => {
    const { sqlite } = await dirs.open();
    const stats = collectStatistics(sqlite);
    expect(stats.learners).toBe(0);
    for (const table of TABLE_NAMES) expect(stats.tables[table]).toEqual({ rows: 0, removed: 0 });
    expect(stats.attemptsPerLearner).toEqual({ min: 0, max: 0, mean: 0, median: 0 });
    expect(stats.loStatus).toEqual({ not_started: 0, in_progress: 0, completed: 0 });
    expect(stats.badges).toEqual([]);
  });

  it('counts rows, tombstones, attempts per learner, objective status and badges', async () => {
    const { manager, sqlite } = await openManager(dirs, testClock());
    const ada = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    const ben = manager.createLearnerProfile({ displayName: 'Ben' }).id;
    manager.createLearnerProfile({ displayName: 'Cai' });
    manager.addInterest({ learnerId: ada, interestName: 'Space' });
    manager.addInterest({ learnerId: ada, interestName: 'Robots' });
    manager.removeInterest({ learnerId: ada, interestName: 'Robots' });
    const attempt = (learnerId: string, loId: string, score: number) =>
      manager.addActivityAttempt({ learnerId, loId, activityId: 'q', activityType: 'quiz', completed: true, score });
    attempt(ada, 'MATH_LO_001', 0.9);
    for (const score of [0.1, 0.2, 0.3]) attempt(ben, 'MATH_LO_002', score);
    attempt(ben, 'READ_LO_001', 0.95);
    attempt(ben, 'READ_LO_002', 0.2);
    manager.addOrUpdateLoProgress({ learnerId: ben, loId: 'SCI_LO_001', status: 'not_started' });

    const stats = collectStatistics(sqlite);

    expect(stats.learners).toBe(3);
    expect(stats.tables.interests).toEqual({ rows: 2, removed: 1 });
    expect(stats.tables.activity_attempts).toEqual({ rows: 6, removed: 0 });
    expect(stats.tables.learning_objective_progress.rows).toBe(5);
    expect(stats.attemptsPerLearner).toEqual({ min: 0, max: 5, mean: 2, median: 1 });
    expect(stats.loStatus).toEqual({ not_started: 1, in_progress: 2, completed: 2 });
    expect(stats.badges).toEqual([{ badgeId: 'first_objective', badgeName: 'First Step', learners: 2 }]);
    for (const table of TABLE_NAMES) expect(stats.tables[table].rows, table).toBe(rowCount(sqlite, table));
  });

  it('takes the median of an even number of learners as the mean of the middle two', async () => {
    const { manager, sqlite } = await openManager(dirs);
    const counts = [1, 4];
    counts.forEach((n, i) => {
      const learnerId = manager.createLearnerProfile({ displayName: `L${i}` }).id;
      for (let k = 0; k < n; k++) manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'q', activityType: 'quiz', completed: false });
    });
    expect(collectStatistics(sqlite).attemptsPerLearner).toEqual({ min: 1, max: 4, mean: 2.5, median: 2.5 });
  });
});

describe('seedDemoData', () => {
  it('writes the requested learners and attempts through the manager rules', async () => {
    const { sqlite, db } = await dirs.open();
    const result = seedDemoData({ sqlite, db }, { learners: 3, attemptsPerLearner: 5, seed: 7, start: seedStart() });
    expect(result).toEqual({ learnersCreated: 3, attemptsRecorded: 15 });
    const stats = collectStatistics(sqlite);
    expect(stats.learners).toBe(3);
    expect(stats.tables.activity_attempts.rows).toBe(15);
    expect(stats.attemptsPerLearner).toEqual({ min: 5, max: 5, mean: 5, median: 5 });
    expect(stats.tables.preferences.rows).toBe(3 * preferenceTasks.length);
    expect(stats.tables.cognitive_metrics.rows).toBe(3 * diagnosticTasks.length);
    expect(stats.badges).toContainEqual({ badgeId: 'assessment_finished', badgeName: 'All About Me', learners: 3 });
    const progressRows = stats.loStatus.not_started + stats.loStatus.in_progress + stats.loStatus.completed;
    expect(progressRows).toBe(stats.tables.learning_objective_progress.rows);
    expect(progressRows).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed in two fresh folders gives the same ids and uids', async () => {
    const identities = async (seed: number) => {
      const { sqlite, db } = await dirs.open();
      seedDemoData({ sqlite, db }, { learners: 3, attemptsPerLearner: 4, seed, start: seedStart() });
      return {
        learners: sqlite.prepare('SELECT id, display_name FROM learner_profiles ORDER BY id').all(),
        attempts: sqlite.prepare('SELECT attempt_uid, learner_id, lo_id, score FROM activity_attempts ORDER BY attempt_uid').all(),
        interests: sqlite.prepare('SELECT learner_id, interest_name FROM interests ORDER BY learner_id, interest_name').all(),
      };
    };
    const first = await identities(7);
    expect(first.learners).toHaveLength(3);
    expect(first.attempts).toHaveLength(12);
    expect(await identities(7)).toEqual(first);
    expect((await identities(8)).learners).not.toEqual(first.learners);
  });

  it('running the same seed again on the same folder changes nothing', async () => {
    const database = await dirs.open();
    const options = { learners: 2, attemptsPerLearner: 3, seed: 11, start: seedStart() };
    seedDemoData(database, options);
    const before = contentHash(database.sqlite);
    expect(seedDemoData(database, options)).toEqual({ learnersCreated: 0, attemptsRecorded: 0 });
    expect(contentHash(database.sqlite)).toBe(before);
  });

  it('the seeded data is on disk after closing and reopening the file', async () => {
    const database = await dirs.open();
    seedDemoData(database, { learners: 2, attemptsPerLearner: 6, seed: 3, start: seedStart() });
    database.close();
    const reopened = dirs.track(await openDatabase({ dataDir: database.dataDir }));
    expect(collectStatistics(reopened.sqlite).tables.activity_attempts.rows).toBe(12);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
