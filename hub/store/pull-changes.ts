import type pg from 'pg';
import type { LearnerRecord } from '../../electron/common/merge/records-schema';
import type { ClassRecord, EducatorRecord } from '../../electron/common/merge/school-records-schema';
import type { PulledChange, PullQuery, PullResponse, SyncChange, SyncTable } from '../../electron/common/sync/hub-protocol';
import { HubError, type HubStoreObserver, type MachineIdentity } from './hub-store';
import { inTransaction } from './hub-transaction';

/**
 * A pull: the school's changes with a sequence number above the cursor, in order, rebuilt in the
 * profile-file record form with exactly the fields and values that were pushed (details are the
 * stored JSON text, embedded as it is), with the learner, class and educator records they name.
 * One statement, so one snapshot: a page never mixes two moments of the hub.
 */

const learnerJson = (t: string) => `json_build_object('id', ${t}learner_id, 'displayName', ${t}display_name, 'createdAt', ${t}created_at, 'lastUpdatedAt', ${t}last_updated_at)`;
const classJson = (t: string) =>
  `json_build_object('id', ${t}class_id, 'name', ${t}name, 'signInMethod', ${t}sign_in_method, 'createdAt', ${t}created_at, 'updatedAt', ${t}updated_at, 'archivedAt', ${t}archived_at)`;
const educatorJson = (t: string) =>
  `json_build_object('id', ${t}educator_id, 'username', ${t}username, 'displayName', ${t}display_name, 'role', ${t}role, 'passwordHash', ${t}password_hash, 'createdAt', ${t}created_at, 'updatedAt', ${t}updated_at, 'disabledAt', ${t}disabled_at)`;

interface Branch {
  table: SyncTable;
  from: string;
  row: string;
  /** The learner (default learner_id; null: none), class and educator the change names, for the records sent with it. */
  learner?: null;
  class?: string;
  educator?: string;
}

/** Per table: the protocol's name for it and its row in record form, as a json_build_object. */
const BRANCHES: readonly Branch[] = [
  { table: 'learner', from: 'learners', row: learnerJson('') },
  { table: 'learnerDeletion', from: 'learner_deletions', row: `json_build_object('deletedAt', deleted_at)` },
  { table: 'preferences', from: 'preferences', row: `json_build_object('category', category, 'value', value, 'timestamp', "timestamp", 'deletedAt', deleted_at)` },
  { table: 'interests', from: 'interests', row: `json_build_object('interestName', interest_name, 'timestamp', "timestamp", 'deletedAt', deleted_at)` },
  { table: 'struggles', from: 'struggles', row: `json_build_object('struggleDescription', struggle_description, 'timestamp', "timestamp", 'deletedAt', deleted_at)` },
  { table: 'cognitiveMetrics', from: 'cognitive_metrics', row: `json_build_object('taskName', task_name, 'metricDetails', metric_details, 'timestamp', "timestamp")` },
  {
    table: 'loProgress',
    from: 'lo_progress',
    row: `json_build_object('loId', lo_id, 'status', status, 'startedAt', started_at, 'completedAt', completed_at, 'score', score, 'details', details)`,
  },
  { table: 'badges', from: 'badges', row: `json_build_object('badgeId', badge_id, 'badgeName', badge_name, 'earnedDate', earned_date, 'details', details)` },
  {
    table: 'activityAttempts',
    from: 'activity_attempts',
    row: `json_build_object('attemptUid', attempt_uid, 'loId', lo_id, 'activityId', activity_id, 'activityType', activity_type, 'attemptTimestamp', attempt_timestamp, 'score', score, 'completed', completed, 'attemptDetails', attempt_details)`,
  },
  { table: 'classMembers', from: 'class_members', row: `json_build_object('classId', class_id, 'addedAt', added_at, 'removedAt', removed_at)`, class: 'class_id' },
  { table: 'learnerSecret', from: 'learner_secrets', row: `json_build_object('kind', kind, 'secretHash', secret_hash, 'updatedAt', updated_at)` },
  // The school's own records name no learner.
  { table: 'class', from: 'classes', row: classJson(''), learner: null, class: 'class_id' },
  { table: 'educator', from: 'educators', row: educatorJson(''), learner: null, educator: 'educator_id' },
  {
    table: 'classCoaches',
    from: 'class_coaches',
    row: `json_build_object('classId', class_id, 'educatorId', educator_id, 'assignedAt', assigned_at, 'removedAt', removed_at)`,
    learner: null,
    class: 'class_id',
    educator: 'educator_id',
  },
];

const LEARNER_RECORD = 'learnerRecord';
const CLASS_RECORD = 'classRecord';
const EDUCATOR_RECORD = 'educatorRecord';

// The ids as text COLLATE "C", like the columns they are compared with.
const idColumn = (column: string | null | undefined) => column ?? 'NULL::text COLLATE "C"';
// The rows are limited first and turned into JSON after: JSON for the page, not for the table.
const branchSql = (b: Branch) =>
  `    (SELECT change_seq AS seq, '${b.table}' AS kind, ${idColumn(b.learner === undefined ? 'learner_id' : b.learner)} AS learner_id, ${idColumn(b.class)} AS class_id, ${idColumn(b.educator)} AS educator_id, ${b.row} AS row
       FROM (SELECT * FROM ${b.from} WHERE school_id = $1::uuid AND change_seq > $2::bigint ORDER BY change_seq LIMIT $3) AS ${b.from})`;

/**
 * $1 school, $2 after, $3 limit + 1 (one more than asked tells whether there is more), $4 limit.
 * Each branch reads its (school_id, change_seq) index from the cursor on, limited, so a page costs
 * the page, not the table.
 */
const PULL_SQL = `WITH page AS (
  SELECT * FROM (
${BRANCHES.map(branchSql).join('\n    UNION ALL\n')}
  ) c ORDER BY seq LIMIT $3
), shown AS (
  SELECT * FROM page ORDER BY seq LIMIT $4
)
SELECT seq::text AS seq, kind, learner_id, row FROM shown
UNION ALL
SELECT NULL, '${LEARNER_RECORD}', l.learner_id, ${learnerJson('l.')}
  FROM learners l WHERE l.school_id = $1::uuid AND l.learner_id IN (SELECT learner_id FROM shown)
UNION ALL
SELECT NULL, '${CLASS_RECORD}', NULL, ${classJson('c.')}
  FROM classes c WHERE c.school_id = $1::uuid AND c.class_id IN (SELECT class_id FROM shown)
UNION ALL
SELECT NULL, '${EDUCATOR_RECORD}', NULL, ${educatorJson('e.')}
  FROM educators e WHERE e.school_id = $1::uuid AND e.educator_id IN (SELECT educator_id FROM shown)
UNION ALL
SELECT NULL, 'more', NULL, NULL WHERE (SELECT count(*) FROM page) > $4`;

const PLAN_BY_INDEX = "SELECT set_config('enable_bitmapscan', 'off', true)";

// The cursor a machine pulls from says it has everything up to there.
const TOUCH_MACHINE = `UPDATE machines SET last_seen_at = now(), last_pulled_seq = $2 WHERE machine_id = $1::uuid AND revoked_at IS NULL RETURNING 1`;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface PulledRow {
  seq: string | null;
  kind: string;
  learner_id: string | null;
  row: unknown;
}

export async function pullChanges(pool: pg.Pool, observer: HubStoreObserver | undefined, machine: MachineIdentity, query: PullQuery): Promise<PullResponse> {
  const { schoolId, machineId } = machine;
  return inTransaction(pool, observer, { schoolId }, async (run) => {
    const touched = await run('pull.machine', TOUCH_MACHINE, [machineId, query.after]);
    if (touched.rowCount === 0) throw new HubError('revoked', "This machine's credential was revoked: enrol it again with a new code.");
    // Every branch is a range of its (school, change_seq) index: walked in order, it stops at the
    // page's end. Just after a bulk push the statistics still say "a few rows", and a bitmap scan
    // would read every row after the cursor for each page, making a long pull quadratic.
    await run('pull.plan', PLAN_BY_INDEX);
    const result = await run<PulledRow>('pull.changes', PULL_SQL, [schoolId, query.after, query.limit + 1, query.limit]);
    const changes: PulledChange[] = [];
    const learners: LearnerRecord[] = [];
    const classes: ClassRecord[] = [];
    const educators: EducatorRecord[] = [];
    let more = false;
    for (const r of result.rows) {
      if (r.kind === 'more') more = true;
      else if (r.kind === LEARNER_RECORD) learners.push(r.row as LearnerRecord);
      else if (r.kind === CLASS_RECORD) classes.push(r.row as ClassRecord);
      else if (r.kind === EDUCATOR_RECORD) educators.push(r.row as EducatorRecord);
      // The row is what the hub stored from a validated change of this table: its record form.
      else changes.push({ seq: Number(r.seq), change: { table: r.kind, learnerId: r.learner_id, row: r.row } as SyncChange });
    }
    changes.sort((a, b) => a.seq - b.seq);
    for (const records of [learners, classes, educators]) records.sort(byId);
    return { changes, learners, classes, educators, cursor: changes.at(-1)?.seq ?? query.after, more };
  });
}
