import type Database from 'better-sqlite3';
import { readTransferFileBytes, openTransferFileReader, type TransferUnlock } from './envelope/read';
import { createTransferFileWriter, type TransferProtection } from './envelope/write';
import type { BackupFilters } from './backup-file';
import { readBackupStream, type BackupSource, type ReadBackup } from './backup-stream/read-backup';
import { writeBackupStream } from './backup-stream/write-backup';
import { exportProfile, MAX_PROFILE_FILE_BYTES, parseProfileFile, type ProfileFileV1 } from './profile-file';
import type { LearnerRecord } from '../../electron/common/merge/records-schema';

/**
 * Files that leave the machine, end to end: backups and profile files written to and read from
 * disk as streams, through the optional gzip and passphrase envelope (envelope/). Used by the
 * job workers (the app) and the CLI alike.
 */

export type { TransferProtection, TransferUnlock };

/** A backup file's plaintext, from its start, each time the reader asks. */
export function backupFileSource(file: string, unlock: TransferUnlock): BackupSource {
  return () => openTransferFileReader(file, unlock);
}

/**
 * Opens a transfer file and closes it again: a missing file, a missing passphrase or a wrong one
 * is reported before anything else is done (a database opened, a job started).
 */
export async function checkTransferFileOpens(file: string, unlock: TransferUnlock): Promise<void> {
  const reader = await openTransferFileReader(file, unlock);
  await reader[Symbol.asyncIterator]().return?.();
}

/** Checks a backup file whole, in constant memory (nothing is staged). */
export function checkBackupFileOnDisk(file: string, unlock: TransferUnlock): Promise<ReadBackup> {
  return readBackupStream(backupFileSource(file, unlock));
}

export interface WrittenBackupFile {
  learners: number;
  records: number;
  sizeBytes: number;
}

/** Writes a backup to `out` (atomically: a partial file is removed on any failure). */
export async function writeBackupFile(
  sqlite: Database.Database,
  filters: BackupFilters,
  appVersion: string,
  now: string,
  out: string,
  protection: TransferProtection,
  onProgress?: (done: number, total: number) => void,
): Promise<WrittenBackupFile> {
  const writer = await createTransferFileWriter(out, protection);
  try {
    const written = await writeBackupStream(sqlite, filters, appVersion, now, (text) => writer.write(text), onProgress);
    const { sizeBytes } = await writer.finish();
    return { learners: written.learners, records: written.records, sizeBytes };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** A learner's profile file, written to `out`. */
export async function writeProfileFile(sqlite: Database.Database, learnerId: string, appVersion: string, now: string, out: string, protection: TransferProtection): Promise<{ learner: LearnerRecord; sizeBytes: number }> {
  const { content, learner } = exportProfile(sqlite, learnerId, appVersion, now);
  const writer = await createTransferFileWriter(out, protection);
  try {
    await writer.write(content);
    const { sizeBytes } = await writer.finish();
    return { learner, sizeBytes };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** A profile file read and checked whole (one learner: at most MAX_PROFILE_FILE_BYTES of JSON). */
export async function readProfileFileOnDisk(file: string, unlock: TransferUnlock): Promise<ProfileFileV1> {
  return parseProfileFile(await readTransferFileBytes(file, unlock, MAX_PROFILE_FILE_BYTES));
}
