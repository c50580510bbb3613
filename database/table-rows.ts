import type { JsonObject } from '../electron/common/dto';
import type { AttemptRow, BadgeRow, InterestRow, LearnerRecord, MetricRow, PreferenceRow, ProgressRow, StruggleRow } from '../electron/common/merge/records-schema';

/**
 * The one row layer: for each table, the columns read (in order), the mapping from a row (read as
 * an array, see cachedRowsStatement) to its domain object, and the parameters that write it back.
 * The persistence manager, profile reads, transfer (export, import, backup, restore) and sync all
 * use these, so a column is named and mapped in exactly one place. JSON columns are parsed here
 * and nowhere else. Objects are built with their keys in the order of the file schemas
 * (transfer/records-schema.ts), so a row read here and the same row parsed from a file are equal.
 */

type Cell = string | number | null;
export type Row = Cell[];

const text = (c: Cell | undefined) => c as string;
const textOrNull = (c: Cell | undefined) => (c ?? null) as string | null;
const numberOrNull = (c: Cell | undefined) => (c ?? null) as number | null;
export const parseJson = (t: Cell | undefined): JsonObject | null => (t == null ? null : (JSON.parse(t as string) as JsonObject));
export const jsonText = (value: JsonObject | null | undefined): string | null => (value == null ? null : JSON.stringify(value));

export interface TableRows<T> {
  table: string;
  /** The columns `from` reads, in order, for `SELECT ${columns} FROM ${table}`. */
  columns: string;
  from(row: Row): T;
}

/** A learner's child table: written with the learner's id first, then the row's own values. */
export interface ChildTableRows<T> extends TableRows<T> {
  /** Column list of an INSERT, learner_id first, matching `params`. */
  insertColumns: string;
  params(learnerId: string, row: T): Cell[];
}

export const learnerRows: TableRows<LearnerRecord> & { params(row: LearnerRecord): Cell[] } = {
  table: 'learner_profiles',
  columns: 'id, display_name, created_at, last_updated_at',
  from: (r) => ({ id: text(r[0]), displayName: text(r[1]), createdAt: text(r[2]), lastUpdatedAt: text(r[3]) }),
  params: (l) => [l.id, l.displayName, l.createdAt, l.lastUpdatedAt],
};

export const preferenceRows: ChildTableRows<PreferenceRow> = {
  table: 'preferences',
  columns: 'category, value, timestamp, deleted_at',
  insertColumns: 'learner_id, category, value, timestamp, deleted_at',
  from: (r) => ({ category: text(r[0]), value: text(r[1]), timestamp: text(r[2]), deletedAt: textOrNull(r[3]) }),
  params: (id, r) => [id, r.category, r.value, r.timestamp, r.deletedAt],
};

export const interestRows: ChildTableRows<InterestRow> = {
  table: 'interests',
  columns: 'interest_name, timestamp, deleted_at',
  insertColumns: 'learner_id, interest_name, timestamp, deleted_at',
  from: (r) => ({ interestName: text(r[0]), timestamp: text(r[1]), deletedAt: textOrNull(r[2]) }),
  params: (id, r) => [id, r.interestName, r.timestamp, r.deletedAt],
};

export const struggleRows: ChildTableRows<StruggleRow> = {
  table: 'struggles',
  columns: 'struggle_description, timestamp, deleted_at',
  insertColumns: 'learner_id, struggle_description, timestamp, deleted_at',
  from: (r) => ({ struggleDescription: text(r[0]), timestamp: text(r[1]), deletedAt: textOrNull(r[2]) }),
  params: (id, r) => [id, r.struggleDescription, r.timestamp, r.deletedAt],
};

export const metricRows: ChildTableRows<MetricRow> = {
  table: 'cognitive_metrics',
  columns: 'task_name, metric_details, timestamp',
  insertColumns: 'learner_id, task_name, metric_details, timestamp',
  from: (r) => ({ taskName: text(r[0]), metricDetails: parseJson(r[1]) ?? {}, timestamp: text(r[2]) }),
  params: (id, r) => [id, r.taskName, JSON.stringify(r.metricDetails), r.timestamp],
};

export const progressRows: ChildTableRows<ProgressRow> = {
  table: 'learning_objective_progress',
  columns: 'lo_id, status, started_at, completed_at, score, details',
  insertColumns: 'learner_id, lo_id, status, started_at, completed_at, score, details',
  from: (r) => ({
    loId: text(r[0]),
    status: r[1] as ProgressRow['status'],
    startedAt: text(r[2]),
    completedAt: textOrNull(r[3]),
    score: numberOrNull(r[4]),
    details: parseJson(r[5]),
  }),
  params: (id, r) => [id, r.loId, r.status, r.startedAt, r.completedAt, r.score, jsonText(r.details)],
};

export const badgeRows: ChildTableRows<BadgeRow> = {
  table: 'badges',
  columns: 'badge_id, badge_name, earned_date, details',
  insertColumns: 'learner_id, badge_id, badge_name, earned_date, details',
  from: (r) => ({ badgeId: text(r[0]), badgeName: text(r[1]), earnedDate: text(r[2]), details: parseJson(r[3]) }),
  params: (id, r) => [id, r.badgeId, r.badgeName, r.earnedDate, jsonText(r.details)],
};

export const attemptRows: ChildTableRows<AttemptRow> = {
  table: 'activity_attempts',
  columns: 'attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details',
  insertColumns: 'learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details',
  from: (r) => ({
    attemptUid: text(r[0]),
    loId: text(r[1]),
    activityId: text(r[2]),
    activityType: text(r[3]),
    attemptTimestamp: text(r[4]),
    score: numberOrNull(r[5]),
    completed: r[6] === 1,
    attemptDetails: parseJson(r[7]),
  }),
  params: (id, r) => [id, r.attemptUid, r.loId, r.activityId, r.activityType, r.attemptTimestamp, r.score, r.completed ? 1 : 0, jsonText(r.attemptDetails)],
};

/** `?, ?, …` for a child table's insert parameters. */
export const placeholdersOf = (rows: ChildTableRows<unknown>): string => rows.insertColumns.split(',').map(() => '?').join(', ');

/** Maps raw rows in one pass (no intermediate arrays). */
export function mapRows<T>(raw: unknown[], from: (r: Row) => T): T[] {
  const out = new Array<T>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = from(raw[i] as Row);
  return out;
}
