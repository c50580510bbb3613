import type Database from 'better-sqlite3';
import { learnerIdSql, NOW_SQL, SYNCED_TABLES, UUID_V4_SQL, type SyncedTable } from './synced-tables';

/**
 * The outbox is filled by triggers, so that a change and its operation are one SQLite transaction
 * whatever made the change: the persistence manager, a profile import, a restore on a job worker's
 * own connection. They exist only while the machine is enrolled (created at enrolment, dropped
 * when it leaves, re-made at open should a migration have rebuilt a table), so a machine that
 * works alone queues nothing and its bulk restores pay nothing. While pulled changes are applied
 * (`sync_state.applying` = 1, only ever inside that transaction) they queue nothing: the hub
 * already has those changes.
 *
 * A learner's deletion is not a trigger: a local "replace" restore deletes learners, and that must
 * not delete them school-wide. deleteLearnerProfile queues it (outbox.ts).
 */

const TRIGGER_PREFIX = 'dala_sync_';

/** Queues nothing without an enrolment row, and nothing while pulled changes are applied. */
const QUEUEING = '(SELECT applying FROM sync_state WHERE id = 1) = 0';

const insertOperation = (t: SyncedTable, r: string) =>
  `INSERT INTO sync_operations (op_id, table_name, learner_id, payload, created_at) VALUES (${UUID_V4_SQL}, '${t.change}', ${learnerIdSql(t, r)}, ${t.payload(r)}, ${NOW_SQL});`;

function triggerStatements(t: SyncedTable): Array<{ name: string; sql: string }> {
  const changed = t.columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const insert = `${TRIGGER_PREFIX}${t.table}_insert`;
  const update = `${TRIGGER_PREFIX}${t.table}_update`;
  return [
    { name: insert, sql: `CREATE TRIGGER IF NOT EXISTS ${insert} AFTER INSERT ON ${t.table} WHEN ${QUEUEING} BEGIN ${insertOperation(t, 'NEW')} END` },
    // An UPDATE that writes the same values (a bump that did not move the time) is no change.
    { name: update, sql: `CREATE TRIGGER IF NOT EXISTS ${update} AFTER UPDATE ON ${t.table} WHEN ${QUEUEING} AND (${changed}) BEGIN ${insertOperation(t, 'NEW')} END` },
  ];
}

const TRIGGERS = SYNCED_TABLES.flatMap(triggerStatements);
export const SYNC_TRIGGER_NAMES: readonly string[] = TRIGGERS.map((t) => t.name);

function existingTriggers(sqlite: Database.Database): Set<string> {
  const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dala\\_sync\\_%' ESCAPE '\\'").all() as Array<{ name: string }>;
  return new Set(rows.map((r) => r.name));
}

/** Creates the triggers that are missing (run inside the enrolment transaction, or at open). */
export function createSyncTriggers(sqlite: Database.Database): void {
  const existing = existingTriggers(sqlite);
  for (const t of TRIGGERS) if (!existing.has(t.name)) sqlite.exec(t.sql);
}

export function dropSyncTriggers(sqlite: Database.Database): void {
  for (const name of existingTriggers(sqlite)) sqlite.exec(`DROP TRIGGER IF EXISTS "${name}"`);
}

function isEnrolled(sqlite: Database.Database): boolean {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get();
  return table !== undefined && sqlite.prepare('SELECT 1 FROM sync_state WHERE id = 1').get() !== undefined;
}

/**
 * At open: an enrolled machine gets back any trigger a migration dropped (rebuilding a table drops
 * its triggers), an unenrolled one loses any left behind (a snapshot of an enrolled time restored).
 * Writes only when something is missing or stale.
 */
export function ensureSyncTriggers(sqlite: Database.Database): void {
  const enrolled = isEnrolled(sqlite);
  const existing = existingTriggers(sqlite);
  if (enrolled && TRIGGERS.some((t) => !existing.has(t.name))) sqlite.transaction(() => createSyncTriggers(sqlite)).immediate();
  if (!enrolled && existing.size > 0) sqlite.transaction(() => dropSyncTriggers(sqlite)).immediate();
}

/**
 * Queues the machine's whole data as it is, for a machine that has just enrolled: per learner,
 * the learner first and then each of their rows, tombstones included. Same payloads as the
 * triggers; run inside the enrolment transaction.
 */
export function queueSnapshot(sqlite: Database.Database): number {
  const selects = SYNCED_TABLES.map(
    (t, rank) => `SELECT ${learnerIdSql(t, 'r')} AS learner_id, ${rank} AS rank, r.rowid AS row_order, '${t.change}' AS table_name, ${t.payload('r')} AS payload FROM ${t.table} r`,
  );
  const result = sqlite
    .prepare(
      `INSERT INTO sync_operations (op_id, table_name, learner_id, payload, created_at)
       SELECT ${UUID_V4_SQL}, table_name, learner_id, payload, ${NOW_SQL} FROM (${selects.join(' UNION ALL ')}) ORDER BY learner_id, rank, row_order`,
    )
    .run();
  return result.changes;
}
