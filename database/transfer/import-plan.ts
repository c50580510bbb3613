import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import type { ImportPolicy } from '../../electron/common/transfer-views';
import { cachedStatement } from '../statement-cache';
import type { LearnerTransfer } from './profile-file';
import { learnerRowWriter, readLearner, readLearnerRecords, type LearnerRowWriter } from './learner-rows';
import { mergeLearnerRecord, mergeLearnerRecords, type KeyChange, type MergedRecords } from '../../electron/common/merge/merge-rules';
import { RECORD_TABLES, type LearnerRecords, type RecordTable } from '../../electron/common/merge/records-schema';


export interface TableChanges {
  added: number;
  updated: number;
  unchanged: number;
  /** Keys both sides had, differently, where this machine's version was kept. */
  conflicts: number;
  /** Rows dropped by `replace`. */
  removed: number;
}

export interface LearnerImportPlan {
  learnerId: string;
  displayName: string;
  outcome: 'created' | 'merged' | 'unchanged' | 'replaced' | 'skipped';
  tables: Record<RecordTable, TableChanges>;
  totals: TableChanges;
  apply(writer: LearnerRowWriter, sqlite: Database.Database): void;
}

const zero = (): TableChanges => ({ added: 0, updated: 0, unchanged: 0, conflicts: 0, removed: 0 });

function sumTables(tables: Record<RecordTable, TableChanges>): TableChanges {
  const totals = zero();
  for (const t of RECORD_TABLES) for (const k of Object.keys(totals) as Array<keyof TableChanges>) totals[k] += tables[t][k];
  return totals;
}

function writeAll(writer: LearnerRowWriter, transfer: LearnerTransfer): void {
  writer.learner(transfer.learner);
  for (const table of RECORD_TABLES) for (const row of transfer.records[table]) writer.row(table, transfer.learner.id, row);
}

function creationPlan(transfer: LearnerTransfer, outcome: 'created' | 'replaced', removedCounts?: Record<RecordTable, number>): Omit<LearnerImportPlan, 'apply'> {
  const tables = Object.fromEntries(
    RECORD_TABLES.map((t) => [t, { ...zero(), added: transfer.records[t].length, removed: removedCounts?.[t] ?? 0 }]),
  ) as Record<RecordTable, TableChanges>;
  return { learnerId: transfer.learner.id, displayName: transfer.learner.displayName, outcome, tables, totals: sumTables(tables) };
}

/**
 * An attempt uid is global: one that belongs to another learner here would be a silent collision.
 * Learners a `--replace` restore is about to remove do not count.
 */
function checkAttemptOwnership(sqlite: Database.Database, transfer: LearnerTransfer, leaving: ReadonlySet<string>): void {
  const attempts = transfer.records.activityAttempts;
  if (attempts.length === 0) return;
  // One statement for all of the learner's attempts (json_each over the uids, each looked up in
  // the UNIQUE index), not one round trip per attempt.
  const owned = cachedStatement(
    sqlite,
    'SELECT a.attempt_uid AS uid, a.learner_id AS learnerId FROM json_each(?) j JOIN activity_attempts a ON a.attempt_uid = j.value WHERE a.learner_id <> ?',
  ).all(JSON.stringify(attempts.map((a) => a.attemptUid)), transfer.learner.id) as Array<{ uid: string; learnerId: string }>;
  const taken = new Set(owned.filter((r) => !leaving.has(r.learnerId)).map((r) => r.uid));
  if (taken.size === 0) return;
  const i = attempts.findIndex((a) => taken.has(a.attemptUid));
  throw new DalaError('conflict', `Attempt ${attempts[i]?.attemptUid} already belongs to another learner on this machine; nothing was imported.`, `records.activityAttempts[${i}].attemptUid`);
}

/**
 * Works out what importing one learner would change, without writing. `apply` then writes exactly
 * that inside the caller's transaction.
 */
export function planLearnerImport(sqlite: Database.Database, transfer: LearnerTransfer, policy: ImportPolicy, leaving: ReadonlySet<string> = new Set()): LearnerImportPlan {
  checkAttemptOwnership(sqlite, transfer, leaving);
  const id = transfer.learner.id;
  const local = readLearner(sqlite, id);
  if (!local) return { ...creationPlan(transfer, 'created'), apply: (w) => writeAll(w, transfer) };
  if (policy === 'error') throw new DalaError('conflict', `A learner with id "${id}" (${local.displayName}) is already on this machine. Choose merge, skip or replace.`, 'learner.id');
  const localRecords = readLearnerRecords(sqlite, id);
  if (policy === 'skip') {
    const tables = Object.fromEntries(RECORD_TABLES.map((t) => [t, { ...zero(), unchanged: localRecords[t].length }])) as Record<RecordTable, TableChanges>;
    return { learnerId: id, displayName: local.displayName, outcome: 'skipped', tables, totals: sumTables(tables), apply: () => undefined };
  }
  if (policy === 'replace') {
    const removed = Object.fromEntries(RECORD_TABLES.map((t) => [t, localRecords[t].length])) as Record<RecordTable, number>;
    return {
      ...creationPlan(transfer, 'replaced', removed),
      apply: (w, db) => {
        db.prepare('DELETE FROM learner_profiles WHERE id = ?').run(id);
        writeAll(w, transfer);
      },
    };
  }
  const merged: MergedRecords = mergeLearnerRecords(localRecords, transfer.records);
  const learner = mergeLearnerRecord(local, transfer.learner);
  const tables = {} as Record<RecordTable, TableChanges>;
  for (const t of RECORD_TABLES) {
    const counts = zero();
    for (const { change } of merged[t].changes as Array<{ change: KeyChange }>) counts[change === 'conflict' ? 'conflicts' : change]++;
    tables[t] = counts;
  }
  const totals = sumTables(tables);
  const learnerChanged = learner.displayName !== local.displayName || learner.createdAt !== local.createdAt || learner.lastUpdatedAt !== local.lastUpdatedAt;
  const changed = learnerChanged || totals.added + totals.updated > 0;
  return {
    learnerId: id,
    displayName: learner.displayName,
    outcome: changed ? 'merged' : 'unchanged',
    tables,
    totals,
    apply: (w) => {
      if (!changed) return;
      w.learner(learner);
      for (const t of RECORD_TABLES) {
        for (const { row, change } of merged[t].changes as Array<{ row: unknown; change: KeyChange }>) {
          if (change === 'added' || change === 'updated') w.row(t, id, row as LearnerRecords[typeof t][number]);
        }
      }
    },
  };
}

/**
 * The learners of an import: a list, or a backup read from a staging file one at a time (so a
 * restore of any size holds one learner in memory). `each` may be called once.
 */
export interface TransferBatch {
  count: number;
  ids: readonly string[];
  each(): Iterable<LearnerTransfer>;
}

export function transferBatch(transfers: readonly LearnerTransfer[]): TransferBatch {
  return { count: transfers.length, ids: transfers.map((t) => t.learner.id), each: () => transfers };
}

export type LearnerImportOutcome = Omit<LearnerImportPlan, 'apply'>;

/**
 * Plans every learner and, unless it is a dry run, applies each plan as it is made, in the same
 * IMMEDIATE transaction (nobody can write in between): all learners or none.
 */
export function runImport(
  sqlite: Database.Database,
  batch: TransferBatch,
  policy: ImportPolicy,
  dryRun: boolean,
  /** `skipped`: learners left as they were so far (the skip policy), for progress lines. */
  onProgress?: (done: number, total: number, skipped: number) => void,
  clearFirst = false,
  /** Runs after the learners are written (or planned, in a dry run), in the same transaction. */
  afterLearners?: () => void,
): LearnerImportOutcome[] {
  const work = () => {
    const writer = dryRun ? undefined : learnerRowWriter(sqlite);
    let leaving = new Set<string>();
    if (clearFirst) {
      // Start from the backup alone: each learner in it replaces ours, the rest are removed.
      const kept = new Set(batch.ids);
      leaving = new Set((sqlite.prepare('SELECT id FROM learner_profiles').all() as Array<{ id: string }>).map((r) => r.id).filter((id) => !kept.has(id)));
      if (!dryRun) for (const id of leaving) sqlite.prepare('DELETE FROM learner_profiles WHERE id = ?').run(id);
      policy = 'replace';
    }
    let skipped = 0;
    const plans: LearnerImportOutcome[] = [];
    for (const transfer of batch.each()) {
      // The plan holds the learner's merged rows: only its outcome is kept once it is written.
      const { apply, ...outcome } = planLearnerImport(sqlite, transfer, policy, leaving);
      if (writer) apply(writer, sqlite);
      if (outcome.outcome === 'skipped') skipped++;
      plans.push(outcome);
      onProgress?.(plans.length, batch.count, skipped);
    }
    afterLearners?.();
    return plans;
  };
  return dryRun ? sqlite.transaction(work).deferred() : sqlite.transaction(work).immediate();
}

export function describeChanges(t: TableChanges): string {
  const parts = [`${t.added} new`, `${t.updated} updated`, `${t.conflicts} ${t.conflicts === 1 ? 'conflict' : 'conflicts'}`];
  if (t.removed > 0) parts.push(`${t.removed} removed`);
  return parts.join(', ');
}
