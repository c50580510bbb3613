import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHILD_TABLES, contentHash, openManager, rowCount, useTempDirs } from './test-support/temp-database';

/** The CHECK, UNIQUE and foreign-key rules hold in the file itself, whatever writes to it. */

const dirs = useTempDirs();
const T = '2026-03-02T09:00:00.000Z';
const UID = '6f1c2a7e-4b3d-4e8a-9c1f-2d3e4f5a6b7c';

async function withLearner() {
  const fixture = await openManager(dirs);
  fixture.sqlite.prepare('INSERT INTO learner_profiles VALUES (?, ?, ?, ?)').run('L1', 'Ada', T, T);
  return fixture;
}

function sqliteErrorCode(sqlite: Database.Database, sql: string, ...args: unknown[]): string | undefined {
  try {
    sqlite.prepare(sql).run(...args);
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const ATTEMPT = 'INSERT INTO activity_attempts (learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const PROGRESS = 'INSERT INTO learning_objective_progress (learner_id, lo_id, status, started_at, completed_at, score, details) VALUES (?, ?, ?, ?, ?, ?, ?)';

describe('CHECK constraints without the manager', () => {
  const violations: Array<[string, string, unknown[]]> = [
    ['attempt score above 1', ATTEMPT, ['L1', UID, 'MATH_LO_001', 'a', 'quiz', T, 2, 1, null]],
    ['attempt score below 0', ATTEMPT, ['L1', UID, 'MATH_LO_001', 'a', 'quiz', T, -0.5, 1, null]],
    ['attempt timestamp not UTC ISO', ATTEMPT, ['L1', UID, 'MATH_LO_001', 'a', 'quiz', '2026-03-02 09:00:00', 0.5, 1, null]],
    ['attempt uid of the wrong length', ATTEMPT, ['L1', 'short', 'MATH_LO_001', 'a', 'quiz', T, 0.5, 1, null]],
    ['attempt completed not 0/1', ATTEMPT, ['L1', UID, 'MATH_LO_001', 'a', 'quiz', T, 0.5, 2, null]],
    ['attempt details not JSON', ATTEMPT, ['L1', UID, 'MATH_LO_001', 'a', 'quiz', T, 0.5, 1, '{oops']],
    ['progress status unknown', PROGRESS, ['L1', 'MATH_LO_001', 'done', T, null, null, null]],
    ['progress completed without completed_at', PROGRESS, ['L1', 'MATH_LO_001', 'completed', T, null, null, null]],
    ['progress completed before started', PROGRESS, ['L1', 'MATH_LO_001', 'completed', T, '2026-03-01T09:00:00.000Z', null, null]],
    ['progress in_progress with completed_at', PROGRESS, ['L1', 'MATH_LO_001', 'in_progress', T, T, null, null]],
    ['progress score 1.01', PROGRESS, ['L1', 'MATH_LO_001', 'in_progress', T, null, 1.01, null]],
    ['learner with an empty name', "INSERT INTO learner_profiles VALUES ('L2', '', ?, ?)", [T, T]],
    ['learner updated before created', "INSERT INTO learner_profiles VALUES ('L2', 'Ben', ?, '2026-01-01T00:00:00.000Z')", [T]],
    ['learner created at a local time', "INSERT INTO learner_profiles VALUES ('L2', 'Ben', '2026-03-02T09:00:00+01:00', ?)", [T]],
    ['interest with an empty name', "INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('L1', '', ?)", [T]],
    ['interest tombstone not a timestamp', "INSERT INTO interests (learner_id, interest_name, timestamp, deleted_at) VALUES ('L1', 'Space', ?, 'yesterday')", [T]],
    ['preference timestamp not a timestamp', "INSERT INTO preferences (learner_id, category, value, timestamp) VALUES ('L1', 'c', 'v', 'now')", []],
    ['struggle with an empty description', "INSERT INTO struggles (learner_id, struggle_description, timestamp) VALUES ('L1', '', ?)", [T]],
    ['metric details not JSON', "INSERT INTO cognitive_metrics (learner_id, task_name, metric_details, timestamp) VALUES ('L1', 'memory_span', 'nope', ?)", [T]],
    ['badge earned at a bad time', "INSERT INTO badges (learner_id, badge_id, badge_name, earned_date) VALUES ('L1', 'b', 'B', '2026-3-2')", []],
  ];

  it.each(violations)('%s is refused with SQLITE_CONSTRAINT_CHECK', async (_what, sql, args) => {
    const { sqlite } = await withLearner();
    const before = contentHash(sqlite);
    expect(sqliteErrorCode(sqlite, sql, ...args)).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(contentHash(sqlite)).toBe(before);
  });

  it('accepts the valid counterparts (so the refusals above are about the bad value)', async () => {
    const { sqlite } = await withLearner();
    expect(sqliteErrorCode(sqlite, ATTEMPT, 'L1', UID, 'MATH_LO_001', 'a', 'quiz', T, 1, 1, '{"a":1}')).toBeUndefined();
    expect(sqliteErrorCode(sqlite, PROGRESS, 'L1', 'MATH_LO_001', 'completed', T, T, 0, null)).toBeUndefined();
    expect(sqliteErrorCode(sqlite, "INSERT INTO learner_profiles VALUES ('L2', 'Ben', ?, ?)", T, T)).toBeUndefined();
    expect(sqliteErrorCode(sqlite, "INSERT INTO interests (learner_id, interest_name, timestamp, deleted_at) VALUES ('L1', 'Space', ?, ?)", T, T)).toBeUndefined();
  });
});

describe('UNIQUE keys and foreign keys without the manager', () => {
  it.each([
    ['learner_profiles id', "INSERT INTO learner_profiles VALUES ('L1', 'Again', ?, ?)", [T, T], 'SQLITE_CONSTRAINT_PRIMARYKEY'],
    ['interest per learner', "INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('L1', 'Space', ?)", [T], 'SQLITE_CONSTRAINT_UNIQUE'],
    ['badge per learner', "INSERT INTO badges (learner_id, badge_id, badge_name, earned_date) VALUES ('L1', 'star', 'Star', ?)", [T], 'SQLITE_CONSTRAINT_UNIQUE'],
    ['attempt uid', ATTEMPT, ['L1', UID, 'MATH_LO_009', 'b', 'game', T, null, 0, null], 'SQLITE_CONSTRAINT_UNIQUE'],
    ['a learner that does not exist', "INSERT INTO struggles (learner_id, struggle_description, timestamp) VALUES ('ghost', 'Maths', ?)", [T], 'SQLITE_CONSTRAINT_FOREIGNKEY'],
  ] as Array<[string, string, unknown[], string]>)('a second %s is refused (%s)', async (_what, sql, args, code) => {
    const { sqlite } = await withLearner();
    sqlite.prepare("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('L1', 'Space', ?)").run(T);
    sqlite.prepare("INSERT INTO badges (learner_id, badge_id, badge_name, earned_date) VALUES ('L1', 'star', 'Star', ?)").run(T);
    sqlite.prepare(ATTEMPT).run('L1', UID, 'MATH_LO_001', 'a', 'quiz', T, 0.5, 1, null);
    const before = contentHash(sqlite);
    expect(sqliteErrorCode(sqlite, sql, ...args)).toBe(code);
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('deleting a learner', () => {
  /** A learner with at least one row in each of the seven child tables, written through the manager. */
  function fill(manager: Awaited<ReturnType<typeof openManager>>['manager'], learnerId: string): void {
    manager.addOrUpdatePreference({ learnerId, category: 'visual_preference_task_1', value: 'visual' });
    manager.addOrUpdatePreference({ learnerId, category: 'visual_preference_task_2', value: 'reading' });
    manager.removePreference({ learnerId, category: 'visual_preference_task_2' });
    manager.addInterest({ learnerId, interestName: 'Space' });
    manager.addStruggle({ learnerId, struggleDescription: 'Spelling' });
    manager.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory_span', metricDetails: { span: 5 } });
    manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'q', activityType: 'quiz', score: 1, completed: true });
    manager.addBadgeRecord({ learnerId, badgeId: 'educator_star', badgeName: 'Star' });
  }

  it('removes every row of theirs in all seven tables and leaves other learners intact', async () => {
    const { manager, sqlite } = await openManager(dirs);
    const gone = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    const kept = manager.createLearnerProfile({ displayName: 'Ben' }).id;
    fill(manager, gone);
    fill(manager, kept);
    for (const table of CHILD_TABLES) expect(rowCount(sqlite, table, 'learner_id = ?', gone), table).toBeGreaterThan(0);
    const keptBefore = JSON.stringify(manager.getFullLearnerProfileData({ learnerId: kept }));
    const keptCounts = CHILD_TABLES.map((t) => rowCount(sqlite, t, 'learner_id = ?', kept));

    manager.deleteLearnerProfile({ learnerId: gone });

    for (const table of CHILD_TABLES) expect(rowCount(sqlite, table, 'learner_id = ?', gone), table).toBe(0);
    expect(rowCount(sqlite, 'learner_profiles', 'id = ?', gone)).toBe(0);
    expect(CHILD_TABLES.map((t) => rowCount(sqlite, t, 'learner_id = ?', kept))).toEqual(keptCounts);
    expect(JSON.stringify(manager.getFullLearnerProfileData({ learnerId: kept }))).toBe(keptBefore);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('cascades for a raw DELETE as well', async () => {
    const { manager, sqlite } = await openManager(dirs);
    const id = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    fill(manager, id);
    sqlite.prepare('DELETE FROM learner_profiles WHERE id = ?').run(id);
    for (const table of CHILD_TABLES) expect(rowCount(sqlite, table), table).toBe(0);
  });
});
