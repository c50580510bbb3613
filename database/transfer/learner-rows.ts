import type Database from 'better-sqlite3';
import { cachedRowsStatement } from '../statement-cache';
import type { JsonObject } from '../../electron/common/dto';
import type { AttemptRow, BadgeRow, InterestRow, LearnerRecord, LearnerRecords, MetricRow, PreferenceRow, ProgressRow, StruggleRow } from './records-schema';

/**
 * Reads and writes all rows of one learner, tombstones included, in the transfer shape. Raw
 * prepared statements: this is the bulk path of export, import, backup and restore.
 */

const parse = (text: string | null): JsonObject | null => (text === null ? null : (JSON.parse(text) as JsonObject));
const json = (value: JsonObject | null): string | null => (value === null ? null : JSON.stringify(value));
const byKey = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

type Cell = string | number | null;
type Row = Cell[];
const text = (c: Cell | undefined) => c as string;
const textOrNull = (c: Cell | undefined) => (c ?? null) as string | null;
const numberOrNull = (c: Cell | undefined) => (c ?? null) as number | null;

/** Rows come out of SQLite as arrays (cached statements) and become objects here in one step. */
function rows<T>(sqlite: Database.Database, sql: string, learnerId: string, make: (r: Row) => T): T[] {
  const raw = cachedRowsStatement(sqlite, sql).all(learnerId) as Row[];
  const out = new Array<T>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = make(raw[i] as Row);
  return out;
}

// Objects are built with their keys in the order of the file schemas (records-schema.ts), so a row
// read here and the same row parsed from a file are the same, key order included.

export function readLearner(sqlite: Database.Database, learnerId: string): LearnerRecord | undefined {
  const r = cachedRowsStatement(sqlite, 'SELECT id, display_name, created_at, last_updated_at FROM learner_profiles WHERE id = ?').get(learnerId) as Row | undefined;
  return r && { id: text(r[0]), displayName: text(r[1]), createdAt: text(r[2]), lastUpdatedAt: text(r[3]) };
}

export function readLearnerRecords(sqlite: Database.Database, learnerId: string): LearnerRecords {
  return {
    preferences: rows(sqlite, 'SELECT category, value, timestamp, deleted_at FROM preferences WHERE learner_id = ?', learnerId, (r): PreferenceRow => ({
      category: text(r[0]),
      value: text(r[1]),
      timestamp: text(r[2]),
      deletedAt: textOrNull(r[3]),
    })).sort(byKey((r) => r.category)),
    interests: rows(sqlite, 'SELECT interest_name, timestamp, deleted_at FROM interests WHERE learner_id = ?', learnerId, (r): InterestRow => ({
      interestName: text(r[0]),
      timestamp: text(r[1]),
      deletedAt: textOrNull(r[2]),
    })).sort(byKey((r) => r.interestName)),
    struggles: rows(sqlite, 'SELECT struggle_description, timestamp, deleted_at FROM struggles WHERE learner_id = ?', learnerId, (r): StruggleRow => ({
      struggleDescription: text(r[0]),
      timestamp: text(r[1]),
      deletedAt: textOrNull(r[2]),
    })).sort(byKey((r) => r.struggleDescription)),
    cognitiveMetrics: rows(sqlite, 'SELECT task_name, metric_details, timestamp FROM cognitive_metrics WHERE learner_id = ?', learnerId, (r): MetricRow => ({
      taskName: text(r[0]),
      metricDetails: parse(textOrNull(r[1])) ?? {},
      timestamp: text(r[2]),
    })).sort(byKey((r) => r.taskName)),
    loProgress: rows(
      sqlite,
      'SELECT lo_id, status, started_at, completed_at, score, details FROM learning_objective_progress WHERE learner_id = ?',
      learnerId,
      (r): ProgressRow => ({
        loId: text(r[0]),
        status: r[1] as ProgressRow['status'],
        startedAt: text(r[2]),
        completedAt: textOrNull(r[3]),
        score: numberOrNull(r[4]),
        details: parse(textOrNull(r[5])),
      }),
    ).sort(byKey((r) => r.loId)),
    badges: rows(sqlite, 'SELECT badge_id, badge_name, earned_date, details FROM badges WHERE learner_id = ?', learnerId, (r): BadgeRow => ({
      badgeId: text(r[0]),
      badgeName: text(r[1]),
      earnedDate: text(r[2]),
      details: parse(textOrNull(r[3])),
    })).sort(byKey((r) => r.badgeId)),
    activityAttempts: rows(
      sqlite,
      `SELECT attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details
       FROM activity_attempts WHERE learner_id = ? ORDER BY attempt_timestamp, attempt_uid`,
      learnerId,
      (r): AttemptRow => ({
        attemptUid: text(r[0]),
        loId: text(r[1]),
        activityId: text(r[2]),
        activityType: text(r[3]),
        attemptTimestamp: text(r[4]),
        score: numberOrNull(r[5]),
        completed: r[6] === 1,
        attemptDetails: parse(textOrNull(r[7])),
      }),
    ),
  };
}

/** Prepared upserts keyed like the UNIQUE constraints; one instance per transaction is enough. */
export function learnerRowWriter(sqlite: Database.Database) {
  const s = {
    learner: sqlite.prepare(
      `INSERT INTO learner_profiles (id, display_name, created_at, last_updated_at) VALUES (@id, @displayName, @createdAt, @lastUpdatedAt)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, created_at = excluded.created_at, last_updated_at = excluded.last_updated_at`,
    ),
    preference: sqlite.prepare(
      `INSERT INTO preferences (learner_id, category, value, timestamp, deleted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (learner_id, category) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp, deleted_at = excluded.deleted_at`,
    ),
    interest: sqlite.prepare(
      `INSERT INTO interests (learner_id, interest_name, timestamp, deleted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_id, interest_name) DO UPDATE SET timestamp = excluded.timestamp, deleted_at = excluded.deleted_at`,
    ),
    struggle: sqlite.prepare(
      `INSERT INTO struggles (learner_id, struggle_description, timestamp, deleted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_id, struggle_description) DO UPDATE SET timestamp = excluded.timestamp, deleted_at = excluded.deleted_at`,
    ),
    metric: sqlite.prepare(
      `INSERT INTO cognitive_metrics (learner_id, task_name, metric_details, timestamp) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_id, task_name) DO UPDATE SET metric_details = excluded.metric_details, timestamp = excluded.timestamp`,
    ),
    progress: sqlite.prepare(
      `INSERT INTO learning_objective_progress (learner_id, lo_id, status, started_at, completed_at, score, details) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (learner_id, lo_id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at,
         completed_at = excluded.completed_at, score = excluded.score, details = excluded.details`,
    ),
    badge: sqlite.prepare(
      `INSERT INTO badges (learner_id, badge_id, badge_name, earned_date, details) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (learner_id, badge_id) DO UPDATE SET badge_name = excluded.badge_name, earned_date = excluded.earned_date, details = excluded.details`,
    ),
    attempt: sqlite.prepare(
      `INSERT INTO activity_attempts (learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (attempt_uid) DO UPDATE SET lo_id = excluded.lo_id, activity_id = excluded.activity_id, activity_type = excluded.activity_type,
         attempt_timestamp = excluded.attempt_timestamp, score = excluded.score, completed = excluded.completed, attempt_details = excluded.attempt_details
       WHERE learner_id = excluded.learner_id`,
    ),
  };
  return {
    learner: (l: LearnerRecord) => s.learner.run(l),
    preference: (id: string, r: PreferenceRow) => s.preference.run(id, r.category, r.value, r.timestamp, r.deletedAt),
    interest: (id: string, r: InterestRow) => s.interest.run(id, r.interestName, r.timestamp, r.deletedAt),
    struggle: (id: string, r: StruggleRow) => s.struggle.run(id, r.struggleDescription, r.timestamp, r.deletedAt),
    metric: (id: string, r: MetricRow) => s.metric.run(id, r.taskName, JSON.stringify(r.metricDetails), r.timestamp),
    progress: (id: string, r: ProgressRow) => s.progress.run(id, r.loId, r.status, r.startedAt, r.completedAt, r.score, json(r.details)),
    badge: (id: string, r: BadgeRow) => s.badge.run(id, r.badgeId, r.badgeName, r.earnedDate, json(r.details)),
    attempt: (id: string, r: AttemptRow) =>
      s.attempt.run(id, r.attemptUid, r.loId, r.activityId, r.activityType, r.attemptTimestamp, r.score, r.completed ? 1 : 0, json(r.attemptDetails)),
  };
}
export type LearnerRowWriter = ReturnType<typeof learnerRowWriter>;
