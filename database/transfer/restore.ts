import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DalaError } from '../../electron/common/errors';
import type { ImportPolicy } from '../../electron/common/transfer-views';
import { isFilteredBackup } from './backup-file';
import { readBackupStream, type BackupSource, type ReadBackup } from './backup-stream/read-backup';
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
  /** While the file is read and checked: learners read so far. */
  onRead?: (learners: number) => void;
}

/** A backup's bytes (tests, small files), or its plaintext from the start, as often as asked. */
export type BackupInput = Uint8Array | string | BackupSource;

export function backupSource(input: BackupInput): BackupSource {
  if (typeof input === 'function') return input;
  return async () => (async function* () {
    yield input;
  })();
}

/** Where a restore keeps the learners it has checked until it applies them: next to the database. */
export function stagingFileFor(dataDir: string, purpose: string): string {
  const dir = path.join(dataDir, 'staging');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `${purpose}-${randomUUID()}.jsonl`);
}

/**
 * Restores a backup: read and checked whole first (streamed, its learners kept in a staging
 * file), then merged into this database in one transaction (default: nothing here is lost,
 * progress never regresses; `onConflict` chooses per learner), or with `replace` the database
 * becomes the backup's content alone. A pre-restore snapshot makes it undoable.
 */
export async function restoreBackup(database: { sqlite: Database.Database; dataDir: string }, input: BackupInput, options: RestoreOptions): Promise<ImportReport> {
  const read = await readBackupStream(backupSource(input), { stagingFile: stagingFileFor(database.dataDir, 'restore'), onLearner: options.onRead });
  try {
    return await applyReadBackup(database, read, options);
  } finally {
    read.dispose();
  }
}

async function applyReadBackup(database: { sqlite: Database.Database; dataDir: string }, read: ReadBackup, options: RestoreOptions): Promise<ImportReport> {
  const { header } = read;
  if (options.replace && isFilteredBackup(header.filters) && !options.allowPartial) {
    throw new DalaError(
      'invalid_input',
      'This backup holds only some learners or dates (it was made with filters). Restoring it with replace would remove everything else; allow a partial restore if that is what you want. Nothing was changed.',
      'replace',
    );
  }
  const school = header.school;
  return importTransfers(
    database,
    { count: read.learnerIds.length, ids: read.learnerIds, each: () => read.transfers() },
    {
      // Accounts and classes go in the same transaction as the learners they link to.
      school:
        school &&
        ((sqlite, dryRun) => {
          const incoming = new Set(read.learnerIds);
          return dryRun ? previewSchoolRecords(sqlite, school, options.replace, incoming) : applySchoolRecords(sqlite, school, options.replace, incoming);
        }),
      policy: options.replace ? 'replace' : (options.onConflict ?? 'merge'),
      dryRun: options.dryRun,
      source: options.source,
      clearFirst: options.replace,
      snapshotReason: 'pre-restore',
      onProgress: options.onProgress,
    },
  );
}
