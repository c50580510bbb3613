import type { SyncTable } from '../../electron/common/sync/hub-protocol';

/**
 * The SQLite tables whose changes travel to the school hub, and how a row of each becomes the
 * payload of an operation: the row's whole state in the profile-file record form, exactly as
 * records-schema.ts outputs it (camelCase keys, nulls present, `completed` a JSON boolean, details
 * as JSON, not as text). Written in SQL because the triggers build it, in the transaction of the
 * change, whichever connection made it (the manager, an import, a restore on a job worker).
 * sync-tables.test.ts holds every payload equal to what the row layer (table-rows.ts) reads.
 */

export interface SyncedTable {
  /** The SQLite table. */
  table: string;
  /** Its name on the wire. */
  change: Exclude<SyncTable, 'learnerDeletion'>;
  /** The column holding the learner's id; null for the school's own records (they name no learner). */
  learnerColumn: string | null;
  /** Every column of the row's state (an UPDATE that changes none of them queues nothing). */
  columns: readonly string[];
  /** The JSON payload of the row called `r` (`NEW` in a trigger, a table alias in a SELECT). */
  payload(r: string): string;
}

/** `json(…)` embeds a JSON text as JSON (and NULL as null), not as a string. */
const jsonColumn = (r: string, column: string) => `json(${r}.${column})`;

export const SYNCED_TABLES: readonly SyncedTable[] = [
  {
    table: 'learner_profiles',
    change: 'learner',
    learnerColumn: 'id',
    columns: ['id', 'display_name', 'created_at', 'last_updated_at'],
    payload: (r) => `json_object('id', ${r}.id, 'displayName', ${r}.display_name, 'createdAt', ${r}.created_at, 'lastUpdatedAt', ${r}.last_updated_at)`,
  },
  {
    table: 'preferences',
    change: 'preferences',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'category', 'value', 'timestamp', 'deleted_at'],
    payload: (r) => `json_object('category', ${r}.category, 'value', ${r}.value, 'timestamp', ${r}.timestamp, 'deletedAt', ${r}.deleted_at)`,
  },
  {
    table: 'interests',
    change: 'interests',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'interest_name', 'timestamp', 'deleted_at'],
    payload: (r) => `json_object('interestName', ${r}.interest_name, 'timestamp', ${r}.timestamp, 'deletedAt', ${r}.deleted_at)`,
  },
  {
    table: 'struggles',
    change: 'struggles',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'struggle_description', 'timestamp', 'deleted_at'],
    payload: (r) => `json_object('struggleDescription', ${r}.struggle_description, 'timestamp', ${r}.timestamp, 'deletedAt', ${r}.deleted_at)`,
  },
  {
    table: 'cognitive_metrics',
    change: 'cognitiveMetrics',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'task_name', 'metric_details', 'timestamp'],
    payload: (r) => `json_object('taskName', ${r}.task_name, 'metricDetails', ${jsonColumn(r, 'metric_details')}, 'timestamp', ${r}.timestamp)`,
  },
  {
    table: 'learning_objective_progress',
    change: 'loProgress',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'lo_id', 'status', 'started_at', 'completed_at', 'score', 'details'],
    payload: (r) =>
      `json_object('loId', ${r}.lo_id, 'status', ${r}.status, 'startedAt', ${r}.started_at, 'completedAt', ${r}.completed_at, 'score', ${r}.score, 'details', ${jsonColumn(r, 'details')})`,
  },
  {
    table: 'badges',
    change: 'badges',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'badge_id', 'badge_name', 'earned_date', 'details'],
    payload: (r) => `json_object('badgeId', ${r}.badge_id, 'badgeName', ${r}.badge_name, 'earnedDate', ${r}.earned_date, 'details', ${jsonColumn(r, 'details')})`,
  },
  {
    table: 'activity_attempts',
    change: 'activityAttempts',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'attempt_uid', 'lo_id', 'activity_id', 'activity_type', 'attempt_timestamp', 'score', 'completed', 'attempt_details'],
    // json(CASE …), not CASE … json(…): a CASE drops the JSON subtype and would queue "true" as text.
    payload: (r) =>
      `json_object('attemptUid', ${r}.attempt_uid, 'loId', ${r}.lo_id, 'activityId', ${r}.activity_id, 'activityType', ${r}.activity_type, ` +
      `'attemptTimestamp', ${r}.attempt_timestamp, 'score', ${r}.score, 'completed', json(CASE WHEN ${r}.completed THEN 'true' ELSE 'false' END), ` +
      `'attemptDetails', ${jsonColumn(r, 'attempt_details')})`,
  },
  {
    table: 'class_members',
    change: 'classMembers',
    learnerColumn: 'learner_id',
    columns: ['class_id', 'learner_id', 'added_at'],
    // A row here is a membership; its removal is queued by removeClassMember (school-records-outbox.ts).
    payload: (r) => `json_object('classId', ${r}.class_id, 'addedAt', ${r}.added_at, 'removedAt', NULL)`,
  },
  {
    table: 'learner_secrets',
    change: 'learnerSecret',
    learnerColumn: 'learner_id',
    columns: ['learner_id', 'kind', 'secret_hash', 'updated_at'],
    payload: (r) => `json_object('kind', ${r}.kind, 'secretHash', ${r}.secret_hash, 'updatedAt', ${r}.updated_at)`,
  },
  {
    table: 'classes',
    change: 'class',
    learnerColumn: null,
    columns: ['id', 'name', 'sign_in_method', 'created_at', 'updated_at', 'archived_at'],
    payload: (r) =>
      `json_object('id', ${r}.id, 'name', ${r}.name, 'signInMethod', ${r}.sign_in_method, 'createdAt', ${r}.created_at, 'updatedAt', ${r}.updated_at, 'archivedAt', ${r}.archived_at)`,
  },
  {
    table: 'educators',
    change: 'educator',
    learnerColumn: null,
    columns: ['id', 'username', 'display_name', 'role', 'password_hash', 'created_at', 'updated_at', 'disabled_at'],
    payload: (r) =>
      `json_object('id', ${r}.id, 'username', ${r}.username, 'displayName', ${r}.display_name, 'role', ${r}.role, 'passwordHash', ${r}.password_hash, ` +
      `'createdAt', ${r}.created_at, 'updatedAt', ${r}.updated_at, 'disabledAt', ${r}.disabled_at)`,
  },
  {
    table: 'class_coaches',
    change: 'classCoaches',
    learnerColumn: null,
    columns: ['class_id', 'educator_id', 'assigned_at'],
    payload: (r) => `json_object('classId', ${r}.class_id, 'educatorId', ${r}.educator_id, 'assignedAt', ${r}.assigned_at, 'removedAt', NULL)`,
  },
];

/** The learner id of a row called `r` as SQL: NULL for the school's own records. */
export const learnerIdSql = (t: SyncedTable, r: string): string => (t.learnerColumn === null ? 'NULL' : `${r}.${t.learnerColumn}`);

/** A random UUID version 4, made in SQL so that a trigger can give each operation its id. */
export const UUID_V4_SQL =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/** Now, as the UTC ISO-8601 text with milliseconds the CHECK constraints want. */
export const NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
