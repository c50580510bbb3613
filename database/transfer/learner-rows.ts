import type Database from 'better-sqlite3';
import type { JsonObject } from '../../electron/common/dto';
import type { AttemptRow, BadgeRow, InterestRow, LearnerRecord, LearnerRecords, MetricRow, PreferenceRow, ProgressRow, StruggleRow } from './records-schema';

/**
 * Reads and writes all rows of one learner, tombstones included, in the transfer shape. Raw
 * prepared statements: this is the bulk path of export, import, backup and restore.
 */

const parse = (text: string | null): JsonObject | null => (text === null ? null : (JSON.parse(text) as JsonObject));
const json = (value: JsonObject | null): string | null => (value === null ? null : JSON.stringify(value));
const byKey = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function readLearner(sqlite: Database.Database, learnerId: string): LearnerRecord | undefined {
  return sqlite
    .prepare('SELECT id, display_name AS displayName, created_at AS createdAt, last_updated_at AS lastUpdatedAt FROM learner_profiles WHERE id = ?')
    .get(learnerId) as LearnerRecord | undefined;
}

export function readLearnerRecords(sqlite: Database.Database, learnerId: string): LearnerRecords {
  const all = <T>(sql: string) => sqlite.prepare(sql).all(learnerId) as T[];
  return {
    preferences: all<PreferenceRow>('SELECT category, value, timestamp, deleted_at AS deletedAt FROM preferences WHERE learner_id = ?').sort(byKey((r) => r.category)),
    interests: all<InterestRow>('SELECT interest_name AS interestName, timestamp, deleted_at AS deletedAt FROM interests WHERE learner_id = ?').sort(byKey((r) => r.interestName)),
    struggles: all<StruggleRow>('SELECT struggle_description AS struggleDescription, timestamp, deleted_at AS deletedAt FROM struggles WHERE learner_id = ?').sort(
      byKey((r) => r.struggleDescription),
    ),
    cognitiveMetrics: all<{ taskName: string; metricDetails: string; timestamp: string }>(
      'SELECT task_name AS taskName, metric_details AS metricDetails, timestamp FROM cognitive_metrics WHERE learner_id = ?',
    )
      .map((r): MetricRow => ({ ...r, metricDetails: parse(r.metricDetails) ?? {} }))
      .sort(byKey((r) => r.taskName)),
    loProgress: all<Omit<ProgressRow, 'details'> & { details: string | null }>(
      'SELECT lo_id AS loId, status, started_at AS startedAt, completed_at AS completedAt, score, details FROM learning_objective_progress WHERE learner_id = ?',
    )
      .map((r): ProgressRow => ({ ...r, details: parse(r.details) }))
      .sort(byKey((r) => r.loId)),
    badges: all<Omit<BadgeRow, 'details'> & { details: string | null }>('SELECT badge_id AS badgeId, badge_name AS badgeName, earned_date AS earnedDate, details FROM badges WHERE learner_id = ?')
      .map((r): BadgeRow => ({ ...r, details: parse(r.details) }))
      .sort(byKey((r) => r.badgeId)),
    activityAttempts: all<Omit<AttemptRow, 'attemptDetails' | 'completed'> & { attemptDetails: string | null; completed: number }>(
      `SELECT attempt_uid AS attemptUid, lo_id AS loId, activity_id AS activityId, activity_type AS activityType,
              attempt_timestamp AS attemptTimestamp, score, completed, attempt_details AS attemptDetails
       FROM activity_attempts WHERE learner_id = ? ORDER BY attempt_timestamp, attempt_uid`,
    ).map((r): AttemptRow => ({ ...r, completed: r.completed === 1, attemptDetails: parse(r.attemptDetails) })),
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
