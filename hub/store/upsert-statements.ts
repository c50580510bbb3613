import { canonicalJson } from '../../electron/common/merge/canonical-json';
import { STATUS_RANK } from '../../electron/common/lo-progress-rules';
import type { AttemptRow, BadgeRow, InterestRow, LearnerRecord, LearnerRecords, MetricRow, PreferenceRow, ProgressRow, RecordTable, StruggleRow } from '../../electron/common/merge/records-schema';
import type { LearnerRow } from './batch-merge';
import { utf16Key } from './merge-keys';

/**
 * One set-based upsert per table (`INSERT … SELECT FROM json_to_recordset(…) ON CONFLICT DO UPDATE
 * … WHERE`), encoding the merge laws of electron/common/merge/merge-rules.ts in SQL. The WHERE is
 * true exactly when the incoming row differs from the stored one (see DIFFERS), so RETURNING lists
 * the rows that take a sequence number ($2 + the input's ordinal: distinct, increasing, gaps allowed).
 *
 * Parameters: $1 school id, $2 the sequence base, $3 the rows as one JSON array of objects keyed
 * by column (recordRows). One JSON text, not an array per column: the driver would escape every
 * value of every array in JavaScript, which cost more than the statement itself; JSON.stringify is
 * native. bytea travels as hex text and json as its exact text, both converted in SQL.
 * Orders: timestamps are text COLLATE "C" (ISO strings, byte order = JavaScript order) and the
 * tie keys bytea of UTF-16BE canonical JSON (byte order = JavaScript string order).
 */

type Column = readonly [name: string, pgType: string];
type Value = string | number | boolean | Buffer | null;

/**
 * What push-batch.ts runs: one statement per table, answering `{changed, max_seq}` in one row.
 * `I` is one input: a learner's row (LearnerRow) or, for the school's own records, the row itself.
 */
export interface UpsertStatement<I> {
  /** Fixed statement label for the observer (and the prepared statement's name). */
  name: string;
  sql: string;
  /** The rows of `inputs` as the statement's $3. */
  recordRows: (inputs: Iterable<I>) => string;
}

export interface UpsertSpec<I> {
  name: string;
  table: string;
  key: readonly string[];
  columns: readonly Column[];
  values: (input: I) => Value[];
  set: string;
  when: string;
  /** Which input rows may be written at all (default: rows of a learner the hub knows). */
  filter?: string;
}

// Rows of a learner the hub does not know (never pushed, or deleted) are ignored: machines always
// push the learner first, and a deleted learner's record is gone.
const KNOWN_LEARNER = 'EXISTS (SELECT 1 FROM learners l WHERE l.school_id = $1::uuid AND l.learner_id = i.learner_id)';

const SUMMARY = `SELECT count(*)::integer AS changed, max(change_seq)::text AS max_seq FROM up`;

/** How a column arrives in the JSON rows: bytea as hex text, json as its text, the rest as themselves. */
const recordType = (type: string) => (type === 'bytea' || type === 'json' ? 'text' : type);
const fromRecord = (name: string, type: string) => (type === 'bytea' ? `decode(i.${name}, 'hex')` : type === 'json' ? `i.${name}::json` : `i.${name}`);
const jsonKey = (name: string) => name.replace(/"/g, '');

function rowsAsJson<I>(columns: readonly Column[], values: (input: I) => Value[]): (inputs: Iterable<I>) => string {
  const keys = columns.map(([name]) => jsonKey(name));
  return (inputs) => {
    const rows: Array<Record<string, unknown>> = [];
    for (const input of inputs) {
      const row: Record<string, unknown> = {};
      values(input).forEach((value, i) => {
        row[keys[i] as string] = Buffer.isBuffer(value) ? value.toString('hex') : value;
      });
      rows.push(row);
    }
    return JSON.stringify(rows);
  };
}

export function statement<I>(spec: UpsertSpec<I>): UpsertStatement<I> {
  const names = spec.columns.map(([name]) => name);
  // ROWS FROM: a column definition list and WITH ORDINALITY together.
  const sql = `WITH up AS (
INSERT INTO ${spec.table} AS t (school_id, ${names.join(', ')}, change_seq)
SELECT $1::uuid, ${spec.columns.map(([n, type]) => fromRecord(n, type)).join(', ')}, $2::bigint + i.ord
  FROM ROWS FROM (json_to_recordset($3::json) AS (${spec.columns.map(([n, type]) => `${n} ${recordType(type)}`).join(', ')})) WITH ORDINALITY AS i(${names.join(', ')}, ord)
 WHERE ${spec.filter ?? KNOWN_LEARNER}
ON CONFLICT (school_id, ${spec.key.join(', ')}) DO UPDATE SET ${spec.set}, change_seq = EXCLUDED.change_seq
 WHERE ${spec.when}
RETURNING t.change_seq)
${SUMMARY}`;
  return { name: spec.name, sql, recordRows: rowsAsJson(spec.columns, spec.values) };
}

export const tieKey = (record: unknown): Buffer => utf16Key(canonicalJson(record));

/**
 * A version that loses to the hub's row still takes a new sequence number, with the hub's row
 * unchanged: the winner is sent again, so that the machine that pushed the loser (its clock
 * behind, a tie it lost) pulls the winner and ends like every other machine. Without it, that
 * machine would keep its own version for ever: it had pulled the winner before and the winner
 * never changes again. Only a row identical to the hub's (a machine's own change coming back)
 * changes nothing. For rows whose tie key is their whole canonical JSON, "differs" is the key.
 */
export const DIFFERS = 'EXCLUDED.tie_key <> t.tie_key';

/** SET of the winning version's columns: the incoming row when `wins`, else the stored one again. */
export const winnerSet = (columns: readonly string[], wins: string): string =>
  columns.map((c) => `${c} = CASE WHEN ${wins} THEN EXCLUDED.${c} ELSE t.${c} END`).join(',\n        ');
// The record form field by field: the tie-break is on the row as profile import sees it.
const attemptRecord = (r: AttemptRow): AttemptRow => ({
  attemptUid: r.attemptUid,
  loId: r.loId,
  activityId: r.activityId,
  activityType: r.activityType,
  attemptTimestamp: r.attemptTimestamp,
  score: r.score,
  completed: r.completed,
  attemptDetails: r.attemptDetails,
});

const json = (value: unknown) => (value === null || value === undefined ? null : canonicalJson(value));

// Last writer wins by timestamp; equal timestamps: the greater canonical row. A removal is a write.
const LWW_WINS = `(EXCLUDED."timestamp", EXCLUDED.tie_key) > (t."timestamp", t.tie_key)`;

const preferencesUpsert = statement<LearnerRow<PreferenceRow>>({
  name: 'push.upsert.preferences',
  table: 'preferences',
  key: ['learner_id', 'category'],
  columns: [['learner_id', 'text'], ['category', 'text'], ['value', 'text'], ['"timestamp"', 'text'], ['deleted_at', 'text'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.category, r.value, r.timestamp, r.deletedAt, tieKey({ category: r.category, value: r.value, timestamp: r.timestamp, deletedAt: r.deletedAt })],
  set: winnerSet(['value', '"timestamp"', 'deleted_at', 'tie_key'], LWW_WINS),
  when: DIFFERS,
});

const interestsUpsert = statement<LearnerRow<InterestRow>>({
  name: 'push.upsert.interests',
  table: 'interests',
  key: ['learner_id', 'interest_name'],
  columns: [['learner_id', 'text'], ['interest_name', 'text'], ['"timestamp"', 'text'], ['deleted_at', 'text'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.interestName, r.timestamp, r.deletedAt, tieKey({ interestName: r.interestName, timestamp: r.timestamp, deletedAt: r.deletedAt })],
  set: winnerSet(['"timestamp"', 'deleted_at', 'tie_key'], LWW_WINS),
  when: DIFFERS,
});

const strugglesUpsert = statement<LearnerRow<StruggleRow>>({
  name: 'push.upsert.struggles',
  table: 'struggles',
  key: ['learner_id', 'struggle_description'],
  columns: [['learner_id', 'text'], ['struggle_description', 'text'], ['"timestamp"', 'text'], ['deleted_at', 'text'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.struggleDescription, r.timestamp, r.deletedAt, tieKey({ struggleDescription: r.struggleDescription, timestamp: r.timestamp, deletedAt: r.deletedAt })],
  set: winnerSet(['"timestamp"', 'deleted_at', 'tie_key'], LWW_WINS),
  when: DIFFERS,
});

const cognitiveMetricsUpsert = statement<LearnerRow<MetricRow>>({
  name: 'push.upsert.cognitive_metrics',
  table: 'cognitive_metrics',
  key: ['learner_id', 'task_name'],
  columns: [['learner_id', 'text'], ['task_name', 'text'], ['metric_details', 'json'], ['"timestamp"', 'text'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.taskName, json(r.metricDetails), r.timestamp, tieKey({ taskName: r.taskName, metricDetails: r.metricDetails, timestamp: r.timestamp })],
  set: winnerSet(['metric_details', '"timestamp"', 'tie_key'], LWW_WINS),
  when: DIFFERS,
});

/**
 * mergeProgress: the higher status, the best score (nulls ignored: GREATEST and LEAST skip NULL),
 * the earliest start and completion (completedAt is set exactly when the status is completed, so
 * LEAST of the two is the earliest completion of a completed merge and NULL otherwise), and the
 * details of the higher status rank, ties by the greater canonical details (merge-rules.ts says why
 * not by the score).
 */
const BETTER_PROGRESS = `(EXCLUDED.status_rank, EXCLUDED.details_key) > (t.status_rank, t.details_key)`;

const loProgressUpsert = statement<LearnerRow<ProgressRow>>({
  name: 'push.upsert.lo_progress',
  table: 'lo_progress',
  key: ['learner_id', 'lo_id'],
  columns: [
    ['learner_id', 'text'],
    ['lo_id', 'text'],
    ['status', 'text'],
    ['status_rank', 'smallint'],
    ['started_at', 'text'],
    ['completed_at', 'text'],
    ['score', 'double precision'],
    ['details', 'json'],
    ['details_key', 'bytea'],
  ],
  values: ({ learnerId, row }) => [
    learnerId,
    row.loId,
    row.status,
    STATUS_RANK[row.status],
    row.startedAt,
    row.completedAt,
    row.score,
    json(row.details),
    utf16Key(canonicalJson(row.details)),
  ],
  set: `status = CASE WHEN EXCLUDED.status_rank > t.status_rank THEN EXCLUDED.status ELSE t.status END,
        status_rank = GREATEST(t.status_rank, EXCLUDED.status_rank),
        started_at = LEAST(t.started_at, EXCLUDED.started_at),
        completed_at = LEAST(t.completed_at, EXCLUDED.completed_at),
        score = GREATEST(t.score, EXCLUDED.score),
        details = CASE WHEN ${BETTER_PROGRESS} THEN EXCLUDED.details ELSE t.details END,
        details_key = CASE WHEN ${BETTER_PROGRESS} THEN EXCLUDED.details_key ELSE t.details_key END`,
  // Any difference: the merge changes the row, or the incoming version was behind and the merge is sent again (DIFFERS).
  when: `(EXCLUDED.status_rank, EXCLUDED.started_at, EXCLUDED.completed_at, EXCLUDED.score, EXCLUDED.details_key)
      IS DISTINCT FROM (t.status_rank, t.started_at, t.completed_at, t.score, t.details_key)`,
});

// earliestBadge: the earliest date; equal dates: the greater canonical row.
const badgesUpsert = statement<LearnerRow<BadgeRow>>({
  name: 'push.upsert.badges',
  table: 'badges',
  key: ['learner_id', 'badge_id'],
  columns: [['learner_id', 'text'], ['badge_id', 'text'], ['badge_name', 'text'], ['earned_date', 'text'], ['details', 'json'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.badgeId, r.badgeName, r.earnedDate, json(r.details), tieKey({ badgeId: r.badgeId, badgeName: r.badgeName, earnedDate: r.earnedDate, details: r.details })],
  set: winnerSet(['badge_name', 'earned_date', 'details', 'tie_key'], `EXCLUDED.earned_date < t.earned_date OR (EXCLUDED.earned_date = t.earned_date AND EXCLUDED.tie_key > t.tie_key)`),
  when: DIFFERS,
});

// mergeAttempts: the union by uid; the same uid twice keeps the greater canonical row, and never
// moves an attempt to another learner.
const activityAttemptsUpsert = statement<LearnerRow<AttemptRow>>({
  name: 'push.upsert.activity_attempts',
  table: 'activity_attempts',
  key: ['attempt_uid'],
  columns: [
    ['learner_id', 'text'],
    ['attempt_uid', 'text'],
    ['lo_id', 'text'],
    ['activity_id', 'text'],
    ['activity_type', 'text'],
    ['attempt_timestamp', 'text'],
    ['score', 'double precision'],
    ['completed', 'boolean'],
    ['attempt_details', 'json'],
    ['tie_key', 'bytea'],
  ],
  values: ({ learnerId, row: r }) => [learnerId, r.attemptUid, r.loId, r.activityId, r.activityType, r.attemptTimestamp, r.score, r.completed, json(r.attemptDetails), tieKey(attemptRecord(r))],
  set: winnerSet(['lo_id', 'activity_id', 'activity_type', 'attempt_timestamp', 'score', 'completed', 'attempt_details', 'tie_key'], 'EXCLUDED.tie_key > t.tie_key'),
  when: `EXCLUDED.learner_id = t.learner_id AND ${DIFFERS}`,
});

export const ROW_UPSERTS: { [T in RecordTable]: UpsertStatement<LearnerRow<LearnerRecords[T][number]>> } = {
  preferences: preferencesUpsert,
  interests: interestsUpsert,
  struggles: strugglesUpsert,
  cognitiveMetrics: cognitiveMetricsUpsert,
  loProgress: loProgressUpsert,
  badges: badgesUpsert,
  activityAttempts: activityAttemptsUpsert,
};

/**
 * mergeLearnerRecord: the display name of the later lastUpdatedAt (equal: the greater name, by
 * JavaScript order, hence name_key), the earliest createdAt, the latest lastUpdatedAt. A deleted
 * learner stays deleted: their record is never written again.
 */
const NEWER_NAME = `(EXCLUDED.last_updated_at, EXCLUDED.name_key) > (t.last_updated_at, t.name_key)`;
export const learnerUpsert = statement<LearnerRow<LearnerRecord>>({
  name: 'push.upsert.learners',
  table: 'learners',
  key: ['learner_id'],
  columns: [['learner_id', 'text'], ['display_name', 'text'], ['name_key', 'bytea'], ['created_at', 'text'], ['last_updated_at', 'text']],
  values: ({ learnerId, row: r }) => [learnerId, r.displayName, utf16Key(r.displayName), r.createdAt, r.lastUpdatedAt],
  filter: 'NOT EXISTS (SELECT 1 FROM learner_deletions d WHERE d.school_id = $1::uuid AND d.learner_id = i.learner_id)',
  set: `display_name = CASE WHEN ${NEWER_NAME} THEN EXCLUDED.display_name ELSE t.display_name END,
        name_key = CASE WHEN ${NEWER_NAME} THEN EXCLUDED.name_key ELSE t.name_key END,
        created_at = LEAST(t.created_at, EXCLUDED.created_at),
        last_updated_at = GREATEST(t.last_updated_at, EXCLUDED.last_updated_at)`,
  // Any difference (DIFFERS): a record behind the hub's gets the hub's sent again.
  when: `(EXCLUDED.display_name, EXCLUDED.created_at, EXCLUDED.last_updated_at) IS DISTINCT FROM (t.display_name, t.created_at, t.last_updated_at)`,
});

// Every table with a learner's rows, their class memberships and sign-in secret included.
const ROW_TABLES = ['learners', 'preferences', 'interests', 'struggles', 'cognitive_metrics', 'lo_progress', 'badges', 'activity_attempts', 'class_members', 'learner_secrets'];

/**
 * A learner deletion wins: learner_deletions keeps the earliest deletedAt (an earlier one is an
 * effective change and takes a number), and the learner's record and rows go, so nothing of theirs
 * is pulled again. $1 school, $2 sequence base, $3 learner ids, $4 their deletedAt.
 * The data-modifying CTEs all run against one snapshot; none reads what another writes.
 */
export const DELETE_LEARNERS_SQL = `WITH up AS (
INSERT INTO learner_deletions AS t (school_id, learner_id, deleted_at, change_seq)
SELECT $1::uuid, i.learner_id, i.deleted_at, $2::bigint + i.ord
  FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS i(learner_id, deleted_at, ord)
ON CONFLICT (school_id, learner_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, change_seq = EXCLUDED.change_seq
 WHERE EXCLUDED.deleted_at < t.deleted_at
RETURNING t.change_seq),
${ROW_TABLES.map((table) => `gone_${table} AS (DELETE FROM ${table} WHERE school_id = $1::uuid AND learner_id = ANY($3::text[]))`).join(',\n')}
${SUMMARY}`;
