import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The machine's side of the school hub (DESIGN.md, "The school hub"): the outbox of changes
 * waiting to be pushed, the one row that says which hub and school this machine belongs to, and
 * the learners the school deleted (so that an older pulled row cannot bring one back).
 * The outbox is written by triggers (database/sync/triggers.ts) that exist only while enrolled.
 */

const ISO_GLOB = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'";
const isoTime = (column: string): SQL => sql.raw(`"${column}" GLOB ${ISO_GLOB}`);
const optionalIsoTime = (column: string): SQL => sql.raw(`"${column}" IS NULL OR "${column}" GLOB ${ISO_GLOB}`);
const SYNC_TABLE_NAMES = ['learner', 'preferences', 'interests', 'struggles', 'cognitiveMetrics', 'loProgress', 'badges', 'activityAttempts', 'learnerDeletion', 'classMembers', 'learnerSecret', 'class', 'educator', 'classCoaches'];

export const syncOperations = sqliteTable(
  'sync_operations',
  {
    /** Push order: the order the changes were made in. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** A random UUID: the hub applies an operation id once, so a replayed batch changes nothing. */
    opId: text('op_id').notNull(),
    /** The wire protocol's table name (hub-protocol.ts SYNC_TABLES), not the SQLite table. */
    tableName: text('table_name').notNull(),
    /**
     * No foreign key: a learner's deletion must stay queued after the learner is gone. NULL for
     * the school's own records (classes, educators, coaching), which name no learner.
     */
    learnerId: text('learner_id'),
    /** The row's whole new state in the profile-file record form (records-schema.ts), as JSON. */
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('sync_operations_op_id_unique').on(t.opId),
    index('sync_operations_learner_idx').on(t.learnerId),
    check('sync_operations_op_id_check', sql.raw(`length("op_id") = 36`)),
    check('sync_operations_table_name_check', sql.raw(`"table_name" IN (${SYNC_TABLE_NAMES.map((n) => `'${n}'`).join(', ')})`)),
    check('sync_operations_payload_check', sql.raw(`json_valid("payload")`)),
    check('sync_operations_created_at_check', isoTime('created_at')),
  ],
);

export const syncState = sqliteTable(
  'sync_state',
  {
    /** Always 1: a machine belongs to one school hub at most. */
    id: integer('id').primaryKey(),
    hubUrl: text('hub_url').notNull(),
    schoolId: text('school_id').notNull(),
    schoolName: text('school_name').notNull(),
    machineId: text('machine_id').notNull(),
    machineName: text('machine_name').notNull(),
    /** The machine credential, sealed with AES-256-GCM under a key kept outside the database (credential.ts). */
    credentialSealed: text('credential_sealed').notNull(),
    /** The hub's change sequence number pulled up to. */
    pullCursor: integer('pull_cursor').notNull().default(0),
    /** 1 only inside the transaction that applies pulled changes: the triggers then queue nothing. */
    applying: integer('applying').notNull().default(0),
    enrolledAt: text('enrolled_at').notNull(),
    lastSyncAt: text('last_sync_at'),
    lastAttemptAt: text('last_attempt_at'),
    /** Why the last try failed: `offline`, `revoked`, `error` or `credential_missing`; null when it worked. */
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
  },
  () => [
    check('sync_state_single_row_check', sql.raw(`"id" = 1`)),
    check('sync_state_pull_cursor_check', sql.raw(`"pull_cursor" >= 0`)),
    check('sync_state_applying_check', sql.raw(`"applying" IN (0, 1)`)),
    check('sync_state_enrolled_at_check', isoTime('enrolled_at')),
    check('sync_state_last_sync_at_check', optionalIsoTime('last_sync_at')),
    check('sync_state_last_attempt_at_check', optionalIsoTime('last_attempt_at')),
  ],
);

export const syncDeletedLearners = sqliteTable(
  'sync_deleted_learners',
  {
    learnerId: text('learner_id').primaryKey(),
    deletedAt: text('deleted_at').notNull(),
  },
  () => [check('sync_deleted_learners_deleted_at_check', isoTime('deleted_at'))],
);
