import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ChannelHandlers } from '../electron/common/contract';
import { DalaError } from '../electron/common/errors';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import type { OpenedDatabase } from './open';
import { createSnapshot, listSnapshots } from './snapshots';
import { checkBackupView, parseBackupFile } from './transfer/backup-file';
import { readUserFile } from './transfer/file-io';
import { exportProfile, parseProfileFile, type ProfileFileV1 } from './transfer/profile-file';
import { importTransfers } from './transfer/profile-import';
import { readLastImport, restoreSnapshot, undoLastImport } from './transfer/snapshot-restore';

type TransferChannel =
  | 'exportLearnerProfile'
  | 'previewProfileImport'
  | 'applyProfileImport'
  | 'getLastImport'
  | 'undoLastImport'
  | 'listSnapshots'
  | 'createSnapshot'
  | 'restoreSnapshot'
  | 'checkBackupFile'
  | 'startBackup'
  | 'startRestore'
  | 'getJobStatus';

export interface TransferEnvironment {
  appVersion: string;
  /** Electron: the path of a .dalaprofile the OS opened, by the id the window was given. */
  resolveProfileFile?: (fileId: string) => string | undefined;
}

/** Backup files up to this size are checked inline (a few milliseconds); larger ones on a worker thread. */
const CHECK_INLINE_MAX_CHARS = 256 * 1024;

/** A validated file waits here between the preview and the educator's decision. */
const PENDING_IMPORT_MS = 30 * 60_000;
const MAX_PENDING_IMPORTS = 8;

/** File names only ever carry the learner's name in a safe form, never a folder. */
export function profileFileName(displayName: string, date: string): string {
  const safe = displayName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').replace(/\s+/g, '-').slice(0, 60) || 'learner';
  return `${safe}-${date.slice(0, 10)}.dalaprofile`;
}

export function createTransferHandlers(database: OpenedDatabase, environment: TransferEnvironment): Pick<ChannelHandlers, TransferChannel> & { close(): Promise<void> } {
  const { sqlite, dataDir } = database;
  const pending = new Map<string, { file: ProfileFileV1; fileName: string; expires: number }>();
  const jobs: JobRunner = createJobRunner();

  const readProfileInput = (input: { content: string; fileName: string } | { fileId: string }): { bytes: Uint8Array | string; fileName: string } => {
    if ('content' in input) return { bytes: input.content, fileName: path.basename(input.fileName) };
    const file = environment.resolveProfileFile?.(input.fileId);
    if (!file) throw new DalaError('not_found', 'That profile file is no longer available. Open it again.', 'fileId');
    return { bytes: readUserFile(file), fileName: path.basename(file) };
  };

  return {
    exportLearnerProfile: ({ learnerId }) => {
      const now = new Date().toISOString();
      const { content, learner } = exportProfile(sqlite, learnerId, environment.appVersion, now);
      return { fileName: profileFileName(learner.displayName, now), content };
    },
    previewProfileImport: async (input) => {
      const { bytes, fileName } = readProfileInput(input);
      const file = parseProfileFile(bytes);
      const preview = await importTransfers(database, [file], { policy: 'merge', dryRun: true, source: fileName });
      const now = Date.now();
      for (const [id, p] of pending) if (p.expires < now) pending.delete(id);
      while (pending.size >= MAX_PENDING_IMPORTS) pending.delete(pending.keys().next().value as string);
      const importId = randomUUID();
      pending.set(importId, { file, fileName, expires: now + PENDING_IMPORT_MS });
      return { importId, fileName, preview, existingLearners: preview.learners.filter((l) => l.outcome !== 'created').length };
    },
    applyProfileImport: async ({ importId, policy }) => {
      const waiting = pending.get(importId);
      if (!waiting || waiting.expires < Date.now()) throw new DalaError('not_found', 'This import has expired. Choose the file again.', 'importId');
      const report = await importTransfers(database, [waiting.file], { policy, dryRun: false, source: waiting.fileName });
      pending.delete(importId);
      return report;
    },
    getLastImport: () => {
      const last = readLastImport(dataDir);
      return last ? { source: last.source, importedAt: last.importedAt, learnerIds: last.learnerIds } : null;
    },
    undoLastImport: async () => {
      const undone = await undoLastImport(sqlite, dataDir);
      return { source: undone.source, importedAt: undone.importedAt, learnerIds: undone.learnerIds, safetySnapshotId: undone.safetySnapshotId };
    },
    listSnapshots: () => listSnapshots(dataDir).map(({ path: _path, ...s }) => s),
    createSnapshot: async () => {
      const { path: _path, ...s } = await createSnapshot(sqlite, dataDir, 'manual');
      return s;
    },
    restoreSnapshot: async ({ snapshotId }) => {
      const { restored, safetySnapshot } = await restoreSnapshot(sqlite, dataDir, snapshotId);
      return { restoredId: restored.id, safetySnapshotId: safetySnapshot.id };
    },
    // Checking a large backup takes seconds: it runs on a job worker, so the window's thread stays free.
    checkBackupFile: ({ content }) => (content.length <= CHECK_INLINE_MAX_CHARS ? checkBackupView(parseBackupFile(content)) : jobs.check(content)),
    startBackup: (filters) => ({ jobId: jobs.start({ kind: 'backup', dataDir, appVersion: environment.appVersion, filters }) }),
    startRestore: ({ content, fileName, replace, dryRun }) => ({ jobId: jobs.start({ kind: 'restore', dataDir, content, fileName: path.basename(fileName), replace, dryRun }) }),
    getJobStatus: ({ jobId }) => jobs.status(jobId),
    close: () => jobs.close(),
  };
}
