import { z } from 'zod';
import { classId } from '../classes';
import * as dto from '../dto';
import { IMPORT_POLICIES } from '../transfer-views';
import type { BackupCheckView, ExportedProfileView, ImportPreviewView, ImportReportView, JobStatusView, LastImportView, SnapshotView } from '../transfer-views';
import { channel, learnerChannel } from './define';

const MIB = 1_048_576;
const empty = z.strictObject({});
const id = z.string().min(1).max(100);

/** Moving learners between machines, backups, restores, snapshots and the jobs that run them. */
export const transferContract = {
  exportLearnerProfile: learnerChannel<ExportedProfileView>()(dto.learnerRefInput, 'learnersEducator', {
    audit: (input) => ({ action: 'profile_exported', targetType: 'learner', targetId: input.learnerId }),
  }),
  previewProfileImport: channel<ImportPreviewView>()(
    z.union([
      z.strictObject({ content: z.string().min(1, 'the file is empty'), fileName: z.string().min(1).max(255) }),
      /** A file the OS opened (double-click, command line): main keeps the path, the renderer has the id. */
      z.strictObject({ fileId: id }),
    ]),
    'educator',
    { maxRequestBytes: 40 * MIB },
  ),
  // Replacing a learner's records throws work away: an admin's decision.
  // A coach may import only learners of their classes (new ones join `classId`), checked by the handler.
  applyProfileImport: channel<ImportReportView>()(
    z.strictObject({ importId: id, policy: z.enum(IMPORT_POLICIES), classId: classId.optional() }),
    (input) => (input.policy === 'replace' ? 'admin' : 'educator'),
    { audit: (input, output) => output.learners.map((l) => ({ action: 'profile_imported' as const, targetType: 'learner' as const, targetId: l.learnerId, detail: input.policy })) },
  ),
  getLastImport: channel<LastImportView | null>()(empty, 'educator'),
  undoLastImport: channel<LastImportView & { safetySnapshotId: string }>()(empty, 'admin', { audit: () => ({ action: 'import_undone' }) }),
  listSnapshots: channel<SnapshotView[]>()(empty, 'admin'),
  createSnapshot: channel<SnapshotView>()(empty, 'admin', { audit: (_input, output) => ({ action: 'snapshot_created', targetType: 'snapshot', targetId: output.id }) }),
  restoreSnapshot: channel<{ restoredId: string; safetySnapshotId: string }>()(z.strictObject({ snapshotId: id }), 'admin', {
    audit: (input) => ({ action: 'snapshot_restored', targetType: 'snapshot', targetId: input.snapshotId }),
  }),
  checkBackupFile: channel<BackupCheckView>()(z.strictObject({ content: z.string().min(1, 'the file is empty') }), 'admin', { maxRequestBytes: 512 * MIB }),
  startBackup: channel<{ jobId: string }>()(
    z.strictObject({ learnerIds: z.array(dto.learnerId).max(100_000).optional(), since: dto.isoTimestamp.optional(), until: dto.isoTimestamp.optional() }),
    'admin',
    { audit: () => ({ action: 'backup_started' }) },
  ),
  startRestore: channel<{ jobId: string }>()(
    z.strictObject({
      content: z.string().min(1, 'the file is empty'),
      fileName: z.string().min(1).max(255),
      replace: z.boolean(),
      dryRun: z.boolean(),
      onConflict: z.enum(IMPORT_POLICIES).optional(),
      allowPartial: z.boolean().optional(),
    }),
    'admin',
    { maxRequestBytes: 512 * MIB, audit: (input) => (input.dryRun ? undefined : { action: 'restore_started', targetType: 'file', detail: input.replace ? 'replace' : 'merge' }) },
  ),
  getJobStatus: channel<JobStatusView>()(z.strictObject({ jobId: id }), 'admin'),
};
