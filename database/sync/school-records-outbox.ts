import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClassCoachRow, ClassMemberRow, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import { cachedStatement } from '../statement-cache';

/**
 * Removals of school records, queued by the channel that removes them, inside its transaction,
 * while the machine is enrolled. Not by DELETE triggers: a local "replace" restore deletes these
 * rows too, and that must not take a learner out of a class school-wide (the same reason a
 * learner's deletion is queued by deleteLearnerProfile, outbox.ts). The removal is a version of
 * the row with `removedAt` (or a secret without kind), so it wins over every older version.
 */

function queue(sqlite: Database.Database, tableName: string, learnerId: string | null, payload: object, at: string): void {
  if (!cachedStatement(sqlite, 'SELECT 1 FROM sync_state WHERE id = 1').get()) return;
  cachedStatement(sqlite, 'INSERT INTO sync_operations (op_id, table_name, learner_id, payload, created_at) VALUES (?, ?, ?, ?, ?)').run(
    randomUUID(),
    tableName,
    learnerId,
    JSON.stringify(payload),
    at,
  );
}

/** Before `DELETE FROM class_members`: the membership as it was, now removed. */
export function queueClassMemberRemoval(sqlite: Database.Database, classId: string, learnerId: string, removedAt: string): void {
  const row = cachedStatement(sqlite, 'SELECT added_at AS addedAt FROM class_members WHERE class_id = ? AND learner_id = ?').get(classId, learnerId) as { addedAt: string } | undefined;
  if (!row) return;
  const removal: ClassMemberRow = { classId, addedAt: row.addedAt, removedAt: row.addedAt > removedAt ? row.addedAt : removedAt };
  queue(sqlite, 'classMembers', learnerId, removal, removedAt);
}

/** Before `DELETE FROM class_coaches`: the coaching as it was, now removed. */
export function queueClassCoachRemoval(sqlite: Database.Database, classId: string, educatorId: string, removedAt: string): void {
  const row = cachedStatement(sqlite, 'SELECT assigned_at AS assignedAt FROM class_coaches WHERE class_id = ? AND educator_id = ?').get(classId, educatorId) as
    | { assignedAt: string }
    | undefined;
  if (!row) return;
  const removal: ClassCoachRow = { classId, educatorId, assignedAt: row.assignedAt, removedAt: row.assignedAt > removedAt ? row.assignedAt : removedAt };
  queue(sqlite, 'classCoaches', null, removal, removedAt);
}

/** Before `DELETE FROM learner_secrets`: back to "pick your name", as of `at`. */
export function queueLearnerSecretReset(sqlite: Database.Database, learnerId: string, at: string): void {
  const row = cachedStatement(sqlite, 'SELECT updated_at AS updatedAt FROM learner_secrets WHERE learner_id = ?').get(learnerId) as { updatedAt: string } | undefined;
  if (!row) return;
  const reset: LearnerSecretRow = { kind: null, secretHash: null, updatedAt: row.updatedAt > at ? row.updatedAt : at };
  queue(sqlite, 'learnerSecret', learnerId, reset, at);
}
