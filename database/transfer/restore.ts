import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import type { ImportPolicy } from '../../electron/common/transfer-views';
import { isFilteredBackup, parseBackupFile } from './backup-file';
import { importTransfers, type ImportReport } from './profile-import';
import { applySchoolRecords, previewSchoolRecords } from './school-records';

export interface RestoreOptions {
  /** The database becomes the backup's content alone (learners not in it are removed). */
  replace: boolean;
  /** For a learner who is here already: merge (the default), skip, replace their records, or refuse the whole restore. */
  onConflict?: ImportPolicy;
  /** `replace` with a filtered backup (some learners or dates) would remove everyone else: only when asked for. */
  allowPartial?: boolean;
  dryRun: boolean;
  source: string;
  onProgress?: (done: number, total: number, skipped: number) => void;
}

/**
 * Restores a backup: validated whole first, then merged into this database (default: nothing
 * here is lost, progress never regresses; `onConflict` chooses per learner), or with `replace`
 * the database becomes the backup's content alone. A pre-restore snapshot makes it undoable.
 */
export async function restoreBackup(database: { sqlite: Database.Database; dataDir: string }, bytes: Uint8Array | string, options: RestoreOptions): Promise<ImportReport> {
  const backup = parseBackupFile(bytes);
  if (options.replace && isFilteredBackup(backup.filters) && !options.allowPartial) {
    throw new DalaError(
      'invalid_input',
      'This backup holds only some learners or dates (it was made with filters). Restoring it with replace would remove everything else; allow a partial restore if that is what you want. Nothing was changed.',
      'replace',
    );
  }
  const school = backup.school;
  return importTransfers(database, backup.learners, {
    // Accounts and classes go in the same transaction as the learners they link to.
    school:
      school &&
      ((sqlite, dryRun) => {
        const incoming = new Set(backup.learners.map((l) => l.learner.id));
        return dryRun ? previewSchoolRecords(sqlite, school, options.replace, incoming) : applySchoolRecords(sqlite, school, options.replace, incoming);
      }),
    policy: options.replace ? 'replace' : (options.onConflict ?? 'merge'),
    dryRun: options.dryRun,
    source: options.source,
    clearFirst: options.replace,
    snapshotReason: 'pre-restore',
    onProgress: options.onProgress,
  });
}
