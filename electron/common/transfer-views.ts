import type { IpcError } from './errors';

/** What the renderer sees of imports, backups, restores, snapshots and long jobs. */

/** What an import does with a learner who is already on this machine (merge is the default). */
export const IMPORT_POLICIES = ['merge', 'skip', 'replace', 'error'] as const;
export type ImportPolicy = (typeof IMPORT_POLICIES)[number];

export interface TableChangesView {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  removed: number;
}

export interface LearnerImportView {
  learnerId: string;
  displayName: string;
  outcome: 'created' | 'merged' | 'unchanged' | 'replaced' | 'skipped';
  tables: Record<string, TableChangesView>;
  totals: TableChangesView;
}

export interface ImportReportView {
  dryRun: boolean;
  policy: ImportPolicy;
  learners: LearnerImportView[];
  totals: TableChangesView;
  /** e.g. "3 new, 2 updated, 0 conflicts" */
  summary: string;
  snapshotId: string | null;
  learnersRemoved: number;
  /** A backup's restore: rows of accounts, classes, memberships, coaches, secrets and settings written. */
  school?: { educators: number; classes: number; memberships: number; coaches: number; learnerSecrets: number; settings: number };
  /** A large restore lists its first learners only (the totals count them all): this many more are not listed. */
  learnersOmitted?: number;
}

/** A validated file waiting for the educator's decision; `importId` applies it. */
export interface ImportPreviewView {
  importId: string;
  fileName: string;
  /** What a merge would change (the default policy). */
  preview: ImportReportView;
  /** Learners in the file that already exist here (merge, skip, replace and error differ only for them). */
  existingLearners: number;
}

/**
 * A file on its way in or out, as the window knows it: an id for the main process, a name to
 * show, never a path and never its content.
 */
export interface TransferFileView {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  /** An age-encrypted file: opening it needs the passphrase. */
  passphraseProtected: boolean;
  /** gzip data (inside the encryption, when both: then this is false until it is opened). */
  compressed: boolean;
}

/** What became of a file the window asked to save. */
export type SavedTransferFileView =
  /** The desktop app's save dialog: saved under this name (the folder stays in the main process). */
  | { kind: 'saved'; fileName: string }
  | { kind: 'cancelled' }
  /** The browser host: fetch this same-origin address (once) to download it. */
  | { kind: 'download'; url: string; fileName: string };

/** Whether an admin set a school transfer passphrase (proposed when protecting files; tried when opening them). */
export interface TransferPassphraseSettingView {
  schoolPassphraseSet: boolean;
}

export interface LastImportView {
  source: string;
  importedAt: string;
  learnerIds: string[];
}

export interface SnapshotView {
  id: string;
  reason: 'pre-migrate' | 'pre-import' | 'pre-restore' | 'pre-snapshot-restore' | 'pre-rollback' | 'pre-repair' | 'manual';
  createdAt: string;
  sizeBytes: number;
}

export interface BackupCheckView {
  createdAt: string;
  appVersion: string;
  learners: number;
  counts: Record<string, number>;
  /** The filters it was made with (learners, dates); `filtered` when there are any. */
  filters: { learnerIds?: string[] | undefined; since?: string | undefined; until?: string | undefined };
  filtered: boolean;
  /** Whether it carries accounts, classes and settings (backups from app 0.2 on). */
  accounts: boolean;
}

export type JobKind = 'backup' | 'restore' | 'automaticBackup';

/** One automatic backup copy (a whole-database file in the backup folder). */
export interface AutomaticBackupCopyView {
  id: string;
  createdAt: string;
  sizeBytes: number;
}

/** What Educator tools show of automatic backups: on or off, where, and how the last one went. */
export interface AutomaticBackupStatusView {
  enabled: boolean;
  intervalMinutes: number;
  folder: string;
  lastCopy: AutomaticBackupCopyView | null;
  /** The last failure since the last good copy (a full disk, a share not connected). */
  lastFailure: { at: string; message: string } | null;
}

export interface JobStatusView {
  jobId: string;
  kind: JobKind;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  /** backup: the file to save; restore: the report. */
  result:
    | { kind: 'backup'; file: TransferFileView; learners: number; records: number }
    | { kind: 'restore'; report: ImportReportView }
    | { kind: 'automaticBackup'; copy: AutomaticBackupCopyView; pruned: number }
    | null;
  error: IpcError | null;
}
