import type { IpcError } from '../../electron/common/errors';
import type { AutomaticBackupCopyView, BackupCheckView, ImportPolicy } from '../../electron/common/transfer-views';
import type { BackupFilters } from '../transfer/backup-file';
import type { ImportReport } from '../transfer/profile-import';

/** What the main thread hands a job worker, and what the worker sends back. */
export type JobRequest =
  | { kind: 'backup'; dataDir: string; appVersion: string; filters: BackupFilters }
  | { kind: 'restore'; dataDir: string; content: string; fileName: string; replace: boolean; dryRun: boolean; onConflict?: ImportPolicy; allowPartial?: boolean }
  /** A checked copy of the whole database into `folder` (see database/backups/automatic-backups.ts). */
  | { kind: 'automaticBackup'; dataDir: string; folder: string };

/** Every request a worker runs: the jobs, and validating a backup file (checkBackupFile) without a database. */
export type WorkerRequest = JobRequest | { kind: 'check'; content: string };

/**
 * The worker's `workerData`: the request, plus two ways of moving a large file without holding
 * the main thread (both optional, so a worker started with a bare request works on its own):
 * - `contentChunks`: the request's `content` is empty and follows as that many `chunk` messages;
 * - `chunkedResult`: a backup's content comes back as `chunk` messages before `done`.
 */
export type JobStart = WorkerRequest & { contentChunks?: number; chunkedResult?: boolean };

/**
 * A worker started ahead of time (`workerData` = `{ standby: true }`) has loaded its code and waits
 * for one `job` message; then it runs that job like any other and ends.
 */
export type WorkerData = JobStart | { standby: true };
export type StartJob = { type: 'job'; start: JobStart };

export type BackupOutcome = { kind: 'backup'; fileName: string; content: string; learners: number; records: number };
export type RestoreOutcome = { kind: 'restore'; report: ImportReport };
export type CheckOutcome = { kind: 'check'; view: BackupCheckView };
export type AutomaticBackupOutcome = { kind: 'automaticBackup'; copy: AutomaticBackupCopyView; pruned: number };

/** Worker → main thread. */
export type JobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'chunk'; text: string }
  | { type: 'done'; outcome: BackupOutcome | RestoreOutcome | CheckOutcome | AutomaticBackupOutcome }
  | { type: 'failed'; error: IpcError };

/** Main thread → worker: a piece of the request's content, or "got your chunk, send the next". */
export type ContentChunk = { type: 'chunk'; text: string };
export type ChunkAck = { type: 'ack' };

/**
 * Characters per chunk: reading one out of a message takes well under a millisecond. The worker
 * sends its next chunk only after the main thread acknowledged the last, so the main thread never
 * has a queue of them to read in one go.
 */
export const CHUNK_CHARS = 1 << 18;
