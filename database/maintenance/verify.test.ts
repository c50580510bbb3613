import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowCount, useTempDirs } from '../test-support/temp-database';
import { seedDemoData } from './demo-data';
import { describeFinding, verifyDatabase, type VerifyFinding } from './verify';

const dirs = useTempDirs();
const NOW = new Date('2026-03-10T12:00:00.000Z');
const T = '2026-03-02T09:00:00.000Z';

/** Writes rows the way a damaged or hand-edited file could hold them: constraints switched off. */
function insertBypassingConstraints(sqlite: Database.Database, write: () => void): void {
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  try {
    write();
  } finally {
    sqlite.pragma('ignore_check_constraints = OFF');
    sqlite.pragma('foreign_keys = ON');
  }
}

async function damagedDatabase() {
  const database = await dirs.open();
  const { sqlite } = database;
  const insert = (sql: string, ...args: unknown[]) => Number(sqlite.prepare(sql).run(...args).lastInsertRowid);
  insert("INSERT INTO learner_profiles VALUES ('L1', 'Ada', ?, ?)", T, T);
  insert("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('L1', 'Space', ?)", T);
  const rows = { orphan: 0, badScore: 0, badOrder: 0, future: 0, staleLearner: 0 };
  insertBypassingConstraints(sqlite, () => {
    rows.orphan = insert("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('ghost', 'Dinosaurs', ?)", T);
    rows.badScore = insert(
      "INSERT INTO activity_attempts (learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed) VALUES ('L1', ?, 'MATH_LO_001', 'q', 'quiz', ?, 1.5, 1)",
      '6f1c2a7e-4b3d-4e8a-9c1f-2d3e4f5a6b7c',
      T,
    );
    rows.badOrder = insert(
      "INSERT INTO learning_objective_progress (learner_id, lo_id, status, started_at, completed_at) VALUES ('L1', 'MATH_LO_001', 'completed', ?, '2026-03-01T09:00:00.000Z')",
      T,
    );
    rows.future = insert("INSERT INTO badges (learner_id, badge_id, badge_name, earned_date) VALUES ('L1', 'star', 'Star', '2099-01-01T00:00:00.000Z')");
    rows.staleLearner = insert("INSERT INTO learner_profiles VALUES ('L2', 'Ben', ?, '2026-03-01T00:00:00.000Z')", T);
  });
  return { ...database, rows };
}

const find = (problems: VerifyFinding[], check: VerifyFinding['check'], table: string, rowId: number) =>
  problems.filter((p) => p.check === check && p.table === table && p.rowId === rowId);

describe('verifyDatabase', () => {
  it('finds a freshly seeded database healthy', async () => {
    const database = await dirs.open();
    seedDemoData(database, { learners: 3, attemptsPerLearner: 6, seed: 5, start: new Date(Date.now() - 5 * 86_400_000) });
    const report = verifyDatabase(database.sqlite);
    expect(report).toMatchObject({ healthy: true, problems: [], warnings: [], orphansRemoved: 0, progressRebuilt: 0 });
    expect(report.checks.map((c) => c.check)).toEqual(['integrity', 'foreign_keys', 'orphan', 'progress', 'score_range', 'status', 'timestamp', 'json', 'coverage', 'assessment']);
    expect(report.checks.every((c) => c.problems === 0 && c.warnings === 0 && c.label.length > 0)).toBe(true);
  });

  it('reports each damaged row with its table and row id', async () => {
    const { sqlite, rows } = await damagedDatabase();
    const report = verifyDatabase(sqlite, { now: NOW });
    expect(report.healthy).toBe(false);
    expect(find(report.problems, 'orphan', 'interests', rows.orphan)).toHaveLength(1);
    expect(find(report.problems, 'score_range', 'activity_attempts', rows.badScore)).toHaveLength(1);
    expect(find(report.problems, 'timestamp', 'learning_objective_progress', rows.badOrder)[0]?.message).toContain('completed_at is before started_at');
    expect(find(report.problems, 'timestamp', 'badges', rows.future)[0]?.message).toContain('in the future');
    expect(find(report.problems, 'timestamp', 'learner_profiles', rows.staleLearner)[0]?.message).toContain('last_updated_at is before created_at');
    // The healthy interest of L1 is not reported.
    const healthyInterest = (sqlite.prepare("SELECT rowid AS id FROM interests WHERE learner_id = 'L1'").get() as { id: number }).id;
    expect(report.problems.filter((p) => p.table === 'interests' && p.rowId === healthyInterest)).toEqual([]);
  });

  it('describes each finding on one line naming the table and row', async () => {
    const { sqlite, rows } = await damagedDatabase();
    const lines = verifyDatabase(sqlite, { now: NOW }).problems.map(describeFinding);
    for (const line of lines) expect(line).not.toContain('\n');
    expect(lines).toContain(`orphan: interests row ${rows.orphan}: belongs to learner "ghost", who does not exist`);
    expect(lines.some((l) => l.startsWith(`score_range: activity_attempts row ${rows.badScore}: `))).toBe(true);
  });

  it('reports row damage once, as findings that each name a table and a row', async () => {
    const { sqlite } = await damagedDatabase();
    const problems = verifyDatabase(sqlite, { now: NOW }).problems;
    expect(problems.filter((p) => p.table === undefined || p.rowId === undefined).map(describeFinding)).toEqual([]);
    expect(problems).toHaveLength(5);
  });

  it('allows a minute of clock drift but not more', async () => {
    const { sqlite } = await dirs.open();
    sqlite.prepare("INSERT INTO learner_profiles VALUES ('L1', 'Ada', ?, ?)").run(T, T);
    const ahead = (ms: number) => new Date(Date.parse(T) - ms);
    expect(verifyDatabase(sqlite, { now: ahead(30_000) }).healthy).toBe(true);
    expect(verifyDatabase(sqlite, { now: ahead(120_000) }).healthy).toBe(false);
  });

  it('with fixOrphans removes the orphan, and only it, then reports the rest', async () => {
    const { sqlite, rows } = await damagedDatabase();
    const counts = () => ({ interests: rowCount(sqlite, 'interests'), attempts: rowCount(sqlite, 'activity_attempts'), badges: rowCount(sqlite, 'badges'), learners: rowCount(sqlite, 'learner_profiles') });
    const before = counts();
    const report = verifyDatabase(sqlite, { now: NOW, fixOrphans: true });
    expect(report.orphansRemoved).toBe(1);
    expect(counts()).toEqual({ ...before, interests: before.interests - 1 });
    expect(rowCount(sqlite, 'interests', 'rowid = ?', rows.orphan)).toBe(0);
    expect(report.problems.filter((p) => p.check === 'orphan' || p.check === 'foreign_keys')).toEqual([]);
    expect(find(report.problems, 'score_range', 'activity_attempts', rows.badScore)).toHaveLength(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('warns (without calling the file unhealthy) about a half-finished assessment', async () => {
    const { sqlite } = await dirs.open();
    sqlite.prepare("INSERT INTO learner_profiles VALUES ('L1', 'Ada', ?, ?)").run(T, T);
    sqlite.prepare("INSERT INTO preferences (learner_id, category, value, timestamp) VALUES ('L1', 'visual_preference_task_1', 'visual', ?)").run(T);
    const report = verifyDatabase(sqlite, { now: NOW });
    expect(report.healthy).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ check: 'coverage', learnerId: 'L1' })]);
  });

  it('warns about a learner who has not started the assessment at all', async () => {
    const { sqlite } = await dirs.open();
    sqlite.prepare("INSERT INTO learner_profiles VALUES ('L1', 'Ada', ?, ?)").run(T, T);
    const report = verifyDatabase(sqlite, { now: NOW });
    expect(report.healthy).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ check: 'assessment', learnerId: 'L1' })]);
    expect(report.checks.find((c) => c.check === 'assessment')).toMatchObject({ warnings: 1, problems: 0 });
  });

  it('finds attempts whose objective has no progress, and --fix rebuilds it as saving the attempts would have', async () => {
    const saved = await dirs.open();
    seedDemoData(saved, { learners: 1, attemptsPerLearner: 8, seed: 3, start: new Date(Date.now() - 3 * 86_400_000) });
    const expected = saved.sqlite.prepare('SELECT learner_id, lo_id, status, started_at, completed_at, score FROM learning_objective_progress ORDER BY lo_id').all();
    saved.sqlite.prepare('DELETE FROM learning_objective_progress').run();
    const report = verifyDatabase(saved.sqlite);
    expect(report.healthy).toBe(false);
    expect(report.problems.filter((p) => p.check === 'progress').length).toBe(expected.length);
    const fixed = verifyDatabase(saved.sqlite, { fix: true });
    expect(fixed).toMatchObject({ healthy: true, progressRebuilt: expected.length });
    expect(saved.sqlite.prepare('SELECT learner_id, lo_id, status, started_at, completed_at, score FROM learning_objective_progress ORDER BY lo_id').all()).toEqual(expected);
  });
});
