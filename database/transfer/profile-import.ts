import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { createSnapshot, pruneSnapshots } from '../snapshots';
import type { ImportPolicy } from '../../electron/common/transfer-views';
import type { SchoolChanges } from './school-records';
import { describeChanges, runImport, transferBatch, type LearnerImportOutcome, type TableChanges, type TransferBatch } from './import-plan';
import type { LearnerTransfer } from './profile-file';
import { recordLastImport } from '../last-import';

export interface ImportReport {
  dryRun: boolean;
  policy: ImportPolicy;
  learners: LearnerImportOutcome[];
  totals: TableChanges;
  /** e.g. "3 new, 2 updated, 0 conflicts" */
  summary: string;
  /** The snapshot an undo goes back to (not for dry runs). */
  snapshotId: string | null;
  /** Learners deleted first because a restore started from the backup alone (`--replace`). */
  learnersRemoved: number;
  /** Rows of accounts, classes, secrets and settings a backup's restore wrote. */
  school?: SchoolChanges;
  /** A restore's report for the window lists the first learners only (REPORTED_LEARNERS); this many more were restored. */
  learnersOmitted?: number;
}

export interface ImportOptions {
  policy: ImportPolicy;
  dryRun: boolean;
  /** Shown in "undo last import"; a file name, never a path with personal folders. */
  source: string;
  /** A restore with `--replace`: remove every learner first, then write the backup's. */
  clearFirst?: boolean;
  snapshotReason?: 'pre-import' | 'pre-restore';
  /** A backup's school records, written after the learners in the same transaction (only counted in a dry run). */
  school?: (sqlite: Database.Database, dryRun: boolean) => SchoolChanges;
  onProgress?: (done: number, total: number, skipped: number) => void;
}

/**
 * Imports validated learner transfers (from a profile file or a backup): a pre-import snapshot,
 * then plan and write in one transaction, then the record that lets an educator undo it.
 */
export async function importTransfers(database: { sqlite: Database.Database; dataDir: string }, transfers: readonly LearnerTransfer[] | TransferBatch, options: ImportOptions): Promise<ImportReport> {
  const batch = 'each' in transfers ? transfers : transferBatch(transfers);
  const reason = options.snapshotReason ?? 'pre-import';
  // A refused import (conflict policy, attempt owned by another learner) must leave nothing
  // behind, not even a snapshot that would rotate away the one undoing the last real import: the
  // snapshot is taken without rotating the older ones, removed if the import is refused, and the
  // older ones are rotated only once the import is in. (One planning pass, inside the write.)
  const snapshot = options.dryRun ? undefined : await createSnapshot(database.sqlite, database.dataDir, reason, new Date(), false);
  const snapshotId = snapshot?.id ?? null;
  const learnersBefore = (database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;
  let plans: ReturnType<typeof runImport>;
  let school: SchoolChanges | undefined;
  try {
    const applySchool = options.school;
    plans = runImport(database.sqlite, batch, options.policy, options.dryRun, options.onProgress, options.clearFirst === true, applySchool && (() => (school = applySchool(database.sqlite, options.dryRun))));
  } catch (error) {
    if (snapshot) fs.rmSync(snapshot.path, { force: true });
    throw error;
  }
  if (snapshot) pruneSnapshots(database.dataDir, reason);
  const learnersRemoved = options.clearFirst ? learnersBefore - plans.filter((p) => p.outcome === 'replaced').length : 0;
  const totals: TableChanges = { added: 0, updated: 0, unchanged: 0, conflicts: 0, removed: 0 };
  for (const plan of plans) for (const k of Object.keys(totals) as Array<keyof TableChanges>) totals[k] += plan.totals[k];
  if (snapshotId) recordLastImport(database.dataDir, { snapshotId, importedAt: new Date().toISOString(), source: options.source, learnerIds: plans.map((p) => p.learnerId) });
  return {
    dryRun: options.dryRun,
    policy: options.policy,
    learners: plans,
    totals,
    summary: describeChanges(totals),
    snapshotId,
    learnersRemoved,
    ...(school ? { school } : {}),
  };
}

