import type Database from 'better-sqlite3';
import { badgeDefinitions, diagnosticTasks, interests, preferenceTasks, struggleAreas, subjects } from '../electron/common/content';
import type { LearnerTransfer } from '../database/transfer/profile-file';
import type { AttemptRow, ProgressRow } from '../electron/common/merge/records-schema';

/**
 * Bench data: learners in the transfer shape (every row, valid for the file schemas and the
 * database CHECKs), generated from a seed, and the raw bulk insert that both sets the benchmarks
 * up and is the "raw" side of every throughput budget.
 */

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
/** A valid version-4 UUID, unique per (salt, n). */
export const benchUuid = (salt: number, n: number): string => `${hex(salt, 8)}-${hex(n >>> 16, 4)}-4${hex(n & 0xfff, 3)}-8${hex((n >>> 12) & 0xf, 3)}-${hex(n, 12)}`;

const BASE_MS = Date.parse('2025-09-01T08:00:00.000Z');
const at = (minutes: number) => new Date(BASE_MS + minutes * 60_000).toISOString();

/** Real names are not ASCII: some are outside Latin-1, which makes backup text two bytes a character. */
const NAMES = ['Amara', 'Ben', 'Chloé', 'Dawit', 'Elif', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jonas', 'Kemi', 'Leo', 'Maya', 'Noah', 'Olga', 'Priya', 'Zoë', 'Ōkubo', 'Łucja', 'Şule'];
const OBJECTIVES = subjects.flatMap((s) => s.objectives);
const TYPES = ['quiz', 'game', 'practice'] as const;

/** The objective ids a learner works on: the real curriculum first, then made-up ones (an import from a newer app). */
function objectiveIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => OBJECTIVES[i]?.id ?? `BENCH_LO_${String(i + 1).padStart(3, '0')}`);
}

export interface LearnerShape {
  attempts: number;
  objectives: number;
}

/** One learner with every kind of row: preferences, interests (one removed), a struggle, metrics, progress, badges, attempts. */
export function makeLearner(index: number, shape: LearnerShape, salt: number): LearnerTransfer {
  const random = seededRandom(salt * 100_003 + index);
  const id = `bench-${hex(salt, 4)}-${String(index).padStart(6, '0')}`;
  const start = index * 7;
  const los = objectiveIds(shape.objectives);
  const attempts: AttemptRow[] = Array.from({ length: shape.attempts }, (_, k) => {
    const loId = los[k % los.length] as string;
    const type = TYPES[k % TYPES.length] as (typeof TYPES)[number];
    const score = Math.round(random() * 100) / 100;
    return {
      attemptUid: benchUuid(salt, index * 1_000_003 + k),
      loId,
      activityId: `${loId.toLowerCase()}_${type}_${k % 2 === 0 ? 'a' : 'b'}`,
      activityType: type,
      attemptTimestamp: at(start + 60 + k * 3),
      score: k % 10 === 9 ? null : score,
      completed: k % 7 !== 6,
      attemptDetails: k % 5 === 4 ? null : { answers: [Math.floor(random() * 4), Math.floor(random() * 4), 'ça'], time_ms: 5_000 + Math.floor(random() * 60_000) },
    };
  });
  const end = start + 60 + shape.attempts * 3;
  const loProgress: ProgressRow[] = los.map((loId, i) => {
    const status = i % 3 === 0 ? 'completed' : i % 3 === 1 ? 'in_progress' : 'not_started';
    return {
      loId,
      status,
      startedAt: at(start + 61 + i),
      completedAt: status === 'completed' ? at(start + 62 + i * 3) : null,
      score: status === 'not_started' ? null : Math.round(random() * 100) / 100,
      details: i % 2 === 0 ? { hints: i % 4, path: ['intro', 'practice'] } : null,
    };
  });
  const name = `${NAMES[index % NAMES.length]} ${String.fromCharCode(65 + (index % 26))}. ${index}`;
  return {
    learner: { id, displayName: name, createdAt: at(start), lastUpdatedAt: at(end) },
    records: {
      preferences: preferenceTasks.slice(0, 3).map((t, i) => ({ category: t.category, value: ['visual', 'auditory', 'kinesthetic'][i] as string, timestamp: at(start + 10 + i), deletedAt: null })),
      interests: interests.slice(0, 3).map((t, i) => ({ interestName: t.label, timestamp: at(start + 20 + i), deletedAt: i === 2 ? at(start + 30) : null })),
      struggles: struggleAreas.slice(0, 1).map((s) => ({ struggleDescription: s.label, timestamp: at(start + 25), deletedAt: null })),
      cognitiveMetrics: diagnosticTasks.slice(0, 2).map((t, i) => ({ taskName: t.taskName, metricDetails: { accuracy: 0.5 + i / 10, attempts: 1, time_ms: 30_000 + i }, timestamp: at(start + 40 + i) })),
      loProgress,
      badges: badgeDefinitions.slice(0, 2).map((b, i) => ({ badgeId: b.id, badgeName: b.name, earnedDate: at(start + 70 + i), details: { rule: b.rule.kind, awardedBy: 'app' } })),
      activityAttempts: attempts,
    },
  };
}

export function makeLearners(count: number, shape: LearnerShape, salt: number, from = 0): LearnerTransfer[] {
  return Array.from({ length: count }, (_, i) => makeLearner(from + i, shape, salt));
}

/** Rows a transfer writes: the learner and every record. */
export function rowCount(transfers: readonly LearnerTransfer[]): number {
  let n = 0;
  for (const t of transfers) {
    n += 1;
    for (const rows of Object.values(t.records)) n += (rows as unknown[]).length;
  }
  return n;
}

type Params = Array<string | number | null>;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The parameters of every INSERT, computed before any timing starts: the raw side does nothing but insert. */
export interface RawInsertPlan {
  rows: number;
  tables: Array<{ sql: string; params: Params[] }>;
}

export function rawInsertPlan(transfers: readonly LearnerTransfer[]): RawInsertPlan {
  const t = {
    learner_profiles: [] as Params[],
    preferences: [] as Params[],
    interests: [] as Params[],
    struggles: [] as Params[],
    cognitive_metrics: [] as Params[],
    learning_objective_progress: [] as Params[],
    badges: [] as Params[],
    activity_attempts: [] as Params[],
  };
  for (const { learner: l, records: r } of transfers) {
    t.learner_profiles.push([l.id, l.displayName, l.createdAt, l.lastUpdatedAt]);
    for (const p of r.preferences) t.preferences.push([l.id, p.category, p.value, p.timestamp, p.deletedAt]);
    for (const i of r.interests) t.interests.push([l.id, i.interestName, i.timestamp, i.deletedAt]);
    for (const s of r.struggles) t.struggles.push([l.id, s.struggleDescription, s.timestamp, s.deletedAt]);
    for (const m of r.cognitiveMetrics) t.cognitive_metrics.push([l.id, m.taskName, JSON.stringify(m.metricDetails), m.timestamp]);
    for (const p of r.loProgress) t.learning_objective_progress.push([l.id, p.loId, p.status, p.startedAt, p.completedAt, p.score, json(p.details)]);
    for (const b of r.badges) t.badges.push([l.id, b.badgeId, b.badgeName, b.earnedDate, json(b.details)]);
    for (const a of r.activityAttempts) {
      t.activity_attempts.push([l.id, a.attemptUid, a.loId, a.activityId, a.activityType, a.attemptTimestamp, a.score, a.completed ? 1 : 0, json(a.attemptDetails)]);
    }
  }
  const columns: Record<keyof typeof t, string> = {
    learner_profiles: 'id, display_name, created_at, last_updated_at',
    preferences: 'learner_id, category, value, timestamp, deleted_at',
    interests: 'learner_id, interest_name, timestamp, deleted_at',
    struggles: 'learner_id, struggle_description, timestamp, deleted_at',
    cognitive_metrics: 'learner_id, task_name, metric_details, timestamp',
    learning_objective_progress: 'learner_id, lo_id, status, started_at, completed_at, score, details',
    badges: 'learner_id, badge_id, badge_name, earned_date, details',
    activity_attempts: 'learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details',
  };
  const tables = (Object.keys(t) as Array<keyof typeof t>).map((name) => {
    const cols = columns[name];
    const marks = cols.split(',').map(() => '?').join(', ');
    return { sql: `INSERT INTO ${name} (${cols}) VALUES (${marks})`, params: t[name] };
  });
  return { rows: tables.reduce((n, x) => n + x.params.length, 0), tables };
}

/** The raw baseline: prepared INSERTs of every row in one IMMEDIATE transaction. Returns the rows written. */
export function rawBulkInsert(sqlite: Database.Database, plan: RawInsertPlan): number {
  const statements = plan.tables.map((t) => ({ statement: sqlite.prepare(t.sql), params: t.params }));
  sqlite
    .transaction(() => {
      for (const { statement, params } of statements) for (const p of params) statement.run(p);
    })
    .immediate();
  return plan.rows;
}
