import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import { readProfileFileOnDisk, type TransferUnlock } from './file-transfers';
import { importTransfers, type ImportReport } from './profile-import';
import type { ImportPolicy } from '../../electron/common/transfer-views';

/**
 * A profile file's preview and import, the same wherever they run: inline for a small file (a
 * worker's start would cost more than the work), on a job worker for a large one (a learner with
 * 50,000 attempts is seconds of parsing and checking the window's thread must not do).
 */

/** Files up to this size (about 7,000 attempts) are previewed and imported inline: under 50 ms each. */
export const PROFILE_INLINE_MAX_BYTES = 2 * 1_048_576;
/** Learners with up to this many attempts are exported inline (about 30 ms). */
export const PROFILE_INLINE_MAX_ATTEMPTS = 6_000;

type OpenDatabase = { sqlite: Database.Database; dataDir: string };

export async function previewProfileFile(database: OpenDatabase, file: string, unlock: TransferUnlock, fileName: string): Promise<{ preview: ImportReport; learnerId: string; checksum: string }> {
  const profile = await readProfileFileOnDisk(file, unlock);
  const preview = await importTransfers(database, [profile], { policy: 'merge', dryRun: true, source: fileName });
  return { preview, learnerId: profile.learner.id, checksum: profile.checksum.value };
}

/** `checksum`: the one the preview saw; a file changed on disk since is refused before anything is written. */
export async function importProfileFile(database: OpenDatabase, file: string, unlock: TransferUnlock, fileName: string, policy: ImportPolicy, checksum: string): Promise<ImportReport> {
  const profile = await readProfileFileOnDisk(file, unlock);
  if (profile.checksum.value !== checksum) throw new DalaError('conflict', 'The file changed since it was checked. Open it again to see what it holds now.', 'importId');
  return importTransfers(database, [profile], { policy, dryRun: false, source: fileName });
}
