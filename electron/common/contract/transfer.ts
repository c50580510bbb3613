import { z } from 'zod';
import { classId } from '../classes';
import * as dto from '../dto';
import { givenTransferPassphrase, newTransferPassphrase } from '../transfer-passphrase';
import { IMPORT_POLICIES } from '../transfer-views';
import type { BackupCheckView, ImportPreviewView, ImportReportView, JobStatusView, LastImportView, SavedTransferFileView, SnapshotView, TransferFileView, TransferPassphraseSettingView } from '../transfer-views';
import { channel, learnerChannel } from './define';

const empty = z.strictObject({});
const id = z.string().min(1).max(100);

/** Opening a file: by the id the main process gave it, with its passphrase when it is protected. */
const openFile = { fileId: id, passphrase: givenTransferPassphrase.optional() };
/**
 * Writing a file that leaves the machine: gzip, and a passphrase of its own or the school's
 * (not both). Checked by the handler: the school passphrase must have been set.
 */
const protection = { gzip: z.boolean().optional(), passphrase: newTransferPassphrase.optional(), useSchoolPassphrase: z.boolean().optional() };
const oneProtection = (p: { passphrase?: string | undefined; useSchoolPassphrase?: boolean | undefined }) => !(p.passphrase !== undefined && p.useSchoolPassphrase);
const protectionMessage = { message: 'choose either a passphrase or the school passphrase, not both', path: ['passphrase'] };

/** Moving learners between machines, backups, restores, snapshots and the jobs that run them. */
export const transferContract = {
  /** The learner's profile file, written in the main process; saveTransferFile saves it. */
  exportLearnerProfile: learnerChannel<TransferFileView>()(z.strictObject({ learnerId: dto.learnerId, ...protection }).refine(oneProtection, protectionMessage), 'learnersEducator', {
    audit: (input) => ({ action: 'profile_exported', targetType: 'learner', targetId: input.learnerId }),
  }),
  /** The desktop app's open dialog, in the main process; null when cancelled. Not in the browser host (it uploads). */
  chooseTransferFile: channel<TransferFileView | null>()(z.strictObject({ purpose: z.enum(['profile', 'backup']) }), 'educator', { waitsForUser: true }),
  /** A file dropped on the desktop app's window: the preload gives its path (webUtils.getPathForFile). */
  openDroppedFile: channel<TransferFileView>()(z.strictObject({ path: z.string().min(1).max(4096) }), 'educator'),
  /** Saves a file this app made (export, backup): the save dialog, or a download address in the browser host. */
  saveTransferFile: channel<SavedTransferFileView>()(z.strictObject({ fileId: id }), 'educator', { waitsForUser: true }),
  getTransferPassphraseSetting: channel<TransferPassphraseSettingView>()(empty, 'educator'),
  /** Sets (or with null removes) the school transfer passphrase; stored sealed, never in plain text. */
  setSchoolTransferPassphrase: channel<TransferPassphraseSettingView>()(z.strictObject({ passphrase: newTransferPassphrase.nullable() }), 'admin', {
    audit: () => ({ action: 'settings_changed', detail: 'transfer_passphrase' }),
  }),
  /** A profile file chosen, dropped, uploaded or opened by the OS, by its id. */
  previewProfileImport: channel<ImportPreviewView>()(z.strictObject(openFile), 'educator'),
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
  checkBackupFile: channel<BackupCheckView>()(z.strictObject(openFile), 'admin'),
  startBackup: channel<{ jobId: string }>()(
    z.strictObject({ learnerIds: z.array(dto.learnerId).max(100_000).optional(), since: dto.isoTimestamp.optional(), until: dto.isoTimestamp.optional(), ...protection }).refine(oneProtection, protectionMessage),
    'admin',
    { audit: () => ({ action: 'backup_started' }) },
  ),
  startRestore: channel<{ jobId: string }>()(
    z.strictObject({
      ...openFile,
      replace: z.boolean(),
      dryRun: z.boolean(),
      onConflict: z.enum(IMPORT_POLICIES).optional(),
      allowPartial: z.boolean().optional(),
    }),
    'admin',
    { audit: (input) => (input.dryRun ? undefined : { action: 'restore_started', targetType: 'file', detail: input.replace ? 'replace' : 'merge' }) },
  ),
  getJobStatus: channel<JobStatusView>()(z.strictObject({ jobId: id }), 'admin'),
};
