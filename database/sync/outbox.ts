import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { syncOperationSchema, type SyncOperation } from '../../electron/common/sync/hub-protocol';
import { cachedStatement } from '../statement-cache';

/**
 * The outbox (`sync_operations`): the changes of this machine the hub has not accepted yet, in
 * the order they were made. The triggers (triggers.ts) add rows; a push reads a batch and deletes
 * it only once the hub has answered 2xx, so a crash in between sends the same operation ids again
 * (the hub counts them as duplicates and changes nothing).
 */

export interface OutboxBatch {
  operations: SyncOperation[];
  /** The outbox rows of `operations`, to delete once the hub has them. */
  seqs: number[];
  /** Rows that can never be sent (they break the protocol's rules): see takeBatch. */
  unsendable: number[];
  /** The seq of the batch's first row read, and of its last: the next batch starts after `lastSeq`. */
  firstSeq: number;
  lastSeq: number;
}

interface OutboxRow {
  seq: number;
  opId: string;
  tableName: string;
  learnerId: string;
  payload: string;
}

/**
 * The oldest waiting operations, at most `maxOperations` and about `maxBytes` of JSON (always at
 * least one). Each is checked with the protocol's own schema first: a row the hub would refuse
 * (one written by an older app that allowed what the protocol does not) would otherwise block
 * every later change for ever. Such an operation is returned in `unsendable` for the caller to
 * take out of the outbox and report; the row itself stays on this machine.
 */
export function takeBatch(sqlite: Database.Database, maxOperations: number, maxBytes: number, afterSeq = 0): OutboxBatch {
  const rows = cachedStatement(
    sqlite,
    'SELECT seq, op_id AS opId, table_name AS tableName, learner_id AS learnerId, payload FROM sync_operations WHERE seq > ? ORDER BY seq LIMIT ?',
  ).all(afterSeq, maxOperations) as OutboxRow[];
  const batch: OutboxBatch = { operations: [], seqs: [], unsendable: [], firstSeq: rows[0]?.seq ?? afterSeq + 1, lastSeq: afterSeq };
  let bytes = 0;
  for (const row of rows) {
    let parsed: ReturnType<typeof syncOperationSchema.safeParse>;
    try {
      parsed = syncOperationSchema.safeParse({ opId: row.opId, change: { table: row.tableName, learnerId: row.learnerId, row: JSON.parse(row.payload) } });
    } catch {
      batch.unsendable.push(row.seq);
      continue;
    }
    if (!parsed.success) {
      batch.unsendable.push(row.seq);
      continue;
    }
    const size = Buffer.byteLength(JSON.stringify(parsed.data), 'utf8') + 1;
    if (batch.operations.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    batch.operations.push(parsed.data);
    batch.seqs.push(row.seq);
  }
  batch.lastSeq = Math.max(afterSeq, ...batch.seqs, ...batch.unsendable);
  return batch;
}

/** Removes operations the hub has accepted (or that can never be sent). */
export function removeOperations(sqlite: Database.Database, seqs: readonly number[]): void {
  if (seqs.length === 0) return;
  cachedStatement(sqlite, 'DELETE FROM sync_operations WHERE seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(seqs));
}

/**
 * Queues a learner's deletion, inside deleteLearnerProfile's transaction, when the machine is
 * enrolled: the deletion wins everywhere. Their changes still waiting here are dropped (the
 * deletion makes them moot, and a deleted learner's data should not linger in the outbox), and
 * the deletion is remembered so that a pulled change of theirs cannot bring them back.
 */
export function queueLearnerDeletion(sqlite: Database.Database, learnerId: string, deletedAt: string): void {
  if (!cachedStatement(sqlite, 'SELECT 1 FROM sync_state WHERE id = 1').get()) return;
  cachedStatement(sqlite, 'DELETE FROM sync_operations WHERE learner_id = ?').run(learnerId);
  cachedStatement(sqlite, 'INSERT INTO sync_operations (op_id, table_name, learner_id, payload, created_at) VALUES (?, ?, ?, ?, ?)').run(
    randomUUID(),
    'learnerDeletion',
    learnerId,
    JSON.stringify({ deletedAt }),
    deletedAt,
  );
  rememberDeletedLearner(sqlite, learnerId, deletedAt);
}

export function rememberDeletedLearner(sqlite: Database.Database, learnerId: string, deletedAt: string): void {
  cachedStatement(sqlite, 'INSERT INTO sync_deleted_learners (learner_id, deleted_at) VALUES (?, ?) ON CONFLICT (learner_id) DO UPDATE SET deleted_at = min(deleted_at, excluded.deleted_at)').run(
    learnerId,
    deletedAt,
  );
}

export function isDeletedLearner(sqlite: Database.Database, learnerId: string): boolean {
  return cachedStatement(sqlite, 'SELECT 1 FROM sync_deleted_learners WHERE learner_id = ?').get(learnerId) !== undefined;
}
