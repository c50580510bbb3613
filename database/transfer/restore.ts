import type Database from 'better-sqlite3';
import { parseBackupFile } from './backup-file';
import { importTransfers, type ImportReport } from './profile-import';
import { applySchoolRecords, previewSchoolRecords } from './school-records';

/**
 * Restores a backup: validated whole first, then merged into this database (default: nothing
 * here is lost, progress never regresses), or with `replace` the database becomes the backup's
 * content alone. A pre-restore snapshot makes it undoable.
 */
export async function restoreBackup(
  database: { sqlite: Database.Database; dataDir: string },
  bytes: Uint8Array | string,
  options: { replace: boolean; dryRun: boolean; source: string; onProgress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const backup = parseBackupFile(bytes);
  const school = backup.school;
  return importTransfers(database, backup.learners, {
    // Accounts and classes go in the same transaction as the learners they link to.
    school:
      school &&
      ((sqlite, dryRun) => {
        const incoming = new Set(backup.learners.map((l) => l.learner.id));
        return dryRun ? previewSchoolRecords(sqlite, school, options.replace, incoming) : applySchoolRecords(sqlite, school, options.replace, incoming);
      }),
    policy: options.replace ? 'replace' : 'merge',
    dryRun: options.dryRun,
    source: options.source,
    clearFirst: options.replace,
    snapshotReason: 'pre-restore',
    onProgress: options.onProgress,
  });
}
