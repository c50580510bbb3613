import type Database from 'better-sqlite3';
import { mergeLearnerRecord, recordLaw } from '../../electron/common/merge/merge-rules';
import { RECORD_TABLES, type LearnerRecord, type LearnerRecords, type RecordTable } from '../../electron/common/merge/records-schema';
import { isSchoolChange, type LearnerSyncChange, type PullResponse, type SyncChange } from '../../electron/common/sync/hub-protocol';
import { cachedStatement } from '../statement-cache';
import { planLearnerImport } from '../transfer/import-plan';
import { learnerRowWriter, readLearner } from '../transfer/learner-rows';
import { applyClassCoaches, applyClassesAndEducators, applyLearnerSchoolRows } from './apply-school-records';
import { isDeletedLearner, rememberDeletedLearner } from './outbox';
import { readSyncState } from './sync-state';

/**
 * Applies one pulled chunk with the merge of profile import (transfer/import-plan.ts), in ONE
 * transaction that also moves the pull cursor: a failure half-way leaves rows and cursor as they
 * were, and the next pull asks for the same chunk again. `applying` is set for the transaction's
 * length, so the triggers queue none of it back to the hub. Because every merge law is idempotent
 * and commutative, a chunk applied twice, or this machine's own changes coming back, change nothing.
 */

/** The sync was overtaken: the machine left or enrolled again, or another connection applied this chunk. */
export class StaleSyncError extends Error {
  constructor() {
    super('The school hub link changed while this sync ran; it starts again at the next sync.');
    this.name = 'StaleSyncError';
  }
}

export interface PulledChunkOutcome {
  /** Changes in the chunk. */
  changes: number;
  learnersMerged: number;
  learnersDeleted: number;
  /** Changes left out: of a learner the school deleted, of one this machine cannot place, or an attempt uid another learner here owns. */
  skipped: number;
}

type RowChange = Extract<SyncChange, { table: RecordTable }>;
const RECORD_TABLE_NAMES: ReadonlySet<string> = new Set(RECORD_TABLES);
const isRowChange = (c: SyncChange): c is RowChange => RECORD_TABLE_NAMES.has(c.table);

function foldRows(changes: readonly RowChange[]): LearnerRecords {
  const byTable = new Map<RecordTable, Map<string, unknown>>(RECORD_TABLES.map((t) => [t, new Map()]));
  for (const change of changes) {
    // The laws of mergeLearnerRecords fold several changes of one row in a chunk into one.
    const law = recordLaw(change.table);
    const rows = byTable.get(change.table) as Map<string, unknown>;
    const key = law.key(change.row);
    const earlier = rows.get(key);
    rows.set(key, earlier === undefined ? change.row : law.merge(earlier, change.row));
  }
  return Object.fromEntries(RECORD_TABLES.map((t) => [t, [...(byTable.get(t) as Map<string, unknown>).values()]])) as LearnerRecords;
}

/** An attempt uid is global: one another learner here already owns is left out (import would refuse the learner). */
function withoutForeignAttempts(sqlite: Database.Database, learnerId: string, records: LearnerRecords): { records: LearnerRecords; dropped: number } {
  if (records.activityAttempts.length === 0) return { records, dropped: 0 };
  const owned = cachedStatement(sqlite, 'SELECT a.attempt_uid AS uid FROM json_each(?) j JOIN activity_attempts a ON a.attempt_uid = j.value WHERE a.learner_id <> ?').all(
    JSON.stringify(records.activityAttempts.map((a) => a.attemptUid)),
    learnerId,
  ) as Array<{ uid: string }>;
  if (owned.length === 0) return { records, dropped: 0 };
  const taken = new Set(owned.map((r) => r.uid));
  return { records: { ...records, activityAttempts: records.activityAttempts.filter((a) => !taken.has(a.attemptUid)) }, dropped: taken.size };
}

function deleteLearnerHere(sqlite: Database.Database, learnerId: string, deletedAt: string): void {
  cachedStatement(sqlite, 'DELETE FROM learner_profiles WHERE id = ?').run(learnerId);
  // Their changes waiting here are moot: the deletion wins on the hub too.
  cachedStatement(sqlite, 'DELETE FROM sync_operations WHERE learner_id = ?').run(learnerId);
  rememberDeletedLearner(sqlite, learnerId, deletedAt);
}

function groupByLearner(chunk: PullResponse): Map<string, LearnerSyncChange[]> {
  const groups = new Map<string, LearnerSyncChange[]>();
  for (const { change } of chunk.changes) {
    if (isSchoolChange(change)) continue;
    const group = groups.get(change.learnerId);
    if (group) group.push(change);
    else groups.set(change.learnerId, [change]);
  }
  return groups;
}

/**
 * Applies `chunk` (pulled with `after` = the cursor this machine had) and moves the cursor to
 * `chunk.cursor`, all or nothing. Throws StaleSyncError, changing nothing, when the state moved
 * under it (another enrolment, or this chunk already applied).
 */
export function applyPulledChunk(sqlite: Database.Database, chunk: PullResponse, machineId: string, after: number): PulledChunkOutcome {
  const hubLearners = new Map<string, LearnerRecord>(chunk.learners.map((l) => [l.id, l]));
  const work = (): PulledChunkOutcome => {
    const state = readSyncState(sqlite);
    if (!state || state.machineId !== machineId || state.pullCursor !== after) throw new StaleSyncError();
    cachedStatement(sqlite, 'UPDATE sync_state SET applying = 1 WHERE id = 1').run();
    const outcome: PulledChunkOutcome = { changes: chunk.changes.length, learnersMerged: 0, learnersDeleted: 0, skipped: 0 };
    const writer = learnerRowWriter(sqlite);
    outcome.skipped += applyClassesAndEducators(sqlite, chunk);
    for (const [learnerId, changes] of groupByLearner(chunk)) {
      const deletions = changes.filter((c): c is Extract<SyncChange, { table: 'learnerDeletion' }> => c.table === 'learnerDeletion');
      if (deletions.length > 0) {
        deleteLearnerHere(sqlite, learnerId, deletions.map((d) => d.row.deletedAt).sort()[0] as string);
        outcome.learnersDeleted++;
        outcome.skipped += changes.length - deletions.length;
        continue;
      }
      // Deleted before (here or by an earlier chunk): an older change of theirs must not bring them back.
      if (isDeletedLearner(sqlite, learnerId)) {
        outcome.skipped += changes.length;
        continue;
      }
      let learner = hubLearners.get(learnerId);
      for (const c of changes) if (c.table === 'learner') learner = learner ? mergeLearnerRecord(learner, c.row) : c.row;
      learner ??= readLearner(sqlite, learnerId);
      const rowChanges = changes.filter(isRowChange);
      if (!learner) {
        // Neither here nor in the answer: the hub has deleted them since, and that deletion follows.
        outcome.skipped += changes.length;
        continue;
      }
      const { records, dropped } = withoutForeignAttempts(sqlite, learnerId, foldRows(rowChanges));
      outcome.skipped += dropped;
      const plan = planLearnerImport(sqlite, { learner, records }, 'merge');
      plan.apply(writer, sqlite);
      if (plan.outcome !== 'unchanged') outcome.learnersMerged++;
      outcome.skipped += applyLearnerSchoolRows(sqlite, learnerId, changes);
    }
    outcome.skipped += applyClassCoaches(sqlite, chunk);
    cachedStatement(sqlite, 'UPDATE sync_state SET pull_cursor = ?, applying = 0 WHERE id = 1').run(chunk.cursor);
    return outcome;
  };
  return sqlite.transaction(work).immediate();
}
