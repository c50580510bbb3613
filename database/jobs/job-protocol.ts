import type { IpcError } from '../../electron/common/errors';
import type { AutomaticBackupCopyView, BackupCheckView, ImportPolicy, TransferFileView } from '../../electron/common/transfer-views';
import type { BackupFilters } from '../transfer/backup-file';
import type { TransferProtection, TransferUnlock } from '../transfer/file-transfers';
import type { ImportReport } from '../transfer/profile-import';

/**
 * What the main thread hands a job worker, and what the worker sends back. Files travel as paths
 * (the worker reads and writes them as streams), never as content: every message stays small.
 */
export type JobRequest =
  /** Written to `out.path`, which the main thread's TransferFileStore owns as `out.fileId`. */
  | { kind: 'backup'; dataDir: string; appVersion: string; filters: BackupFilters; out: { fileId: string; path: string; fileName: string }; protection: TransferProtection }
  | { kind: 'restore'; dataDir: string; file: string; fileName: string; unlock: TransferUnlock; replace: boolean; dryRun: boolean; onConflict?: ImportPolicy; allowPartial?: boolean }
  /** A checked copy of the whole database into `folder` (see database/backups/automatic-backups.ts). */
  | { kind: 'automaticBackup'; dataDir: string; folder: string };

/**
 * Every request a worker runs: the jobs, checking a backup file (checkBackupFile) without a
 * database, and a profile file's preview and import (a learner with 50,000 attempts is seconds of
 * parsing and checking, which the window's thread must not do).
 */
export type WorkerRequest =
  | JobRequest
  | { kind: 'check'; file: string; unlock: TransferUnlock }
  | { kind: 'profileExport'; dataDir: string; learnerId: string; appVersion: string; now: string; out: string; protection: TransferProtection }
  | { kind: 'profilePreview'; dataDir: string; file: string; fileName: string; unlock: TransferUnlock }
  /** `checksum`: the one the preview saw; a file changed since is refused. */
  | { kind: 'profileImport'; dataDir: string; file: string; fileName: string; unlock: TransferUnlock; policy: ImportPolicy; checksum: string };

/**
 * A worker started ahead of time (`workerData` = `{ standby: true }`) has loaded its code and waits
 * for one `job` message; then it runs that job like any other and ends.
 */
export type WorkerData = WorkerRequest | { standby: true };
export type StartJob = { type: 'job'; start: WorkerRequest };

export type BackupOutcome = { kind: 'backup'; file: TransferFileView; learners: number; records: number };
export type RestoreOutcome = { kind: 'restore'; report: ImportReport };
export type CheckOutcome = { kind: 'check'; view: BackupCheckView };
export type AutomaticBackupOutcome = { kind: 'automaticBackup'; copy: AutomaticBackupCopyView; pruned: number };
export type ProfileExportOutcome = { kind: 'profileExport'; sizeBytes: number };
export type ProfilePreviewOutcome = { kind: 'profilePreview'; preview: ImportReport; learnerId: string; checksum: string };
export type ProfileImportOutcome = { kind: 'profileImport'; report: ImportReport };
export type WorkerOutcome = BackupOutcome | RestoreOutcome | CheckOutcome | AutomaticBackupOutcome | ProfileExportOutcome | ProfilePreviewOutcome | ProfileImportOutcome;

/** Worker → main thread. */
export type JobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: WorkerOutcome }
  | { type: 'failed'; error: IpcError };
