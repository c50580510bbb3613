import { z } from 'zod';
import type { AutomaticBackupCopyView, AutomaticBackupStatusView } from '../transfer-views';
import { channel } from './define';

/** Automatic backups: copies of the whole database the running app makes by itself. */
export const automaticBackupContract = {
  /** Every educator sees whether backups work (a failure must not go unnoticed); only admins act on them. */
  getAutomaticBackupStatus: channel<AutomaticBackupStatusView>()(z.strictObject({}), 'educator'),
  listAutomaticBackups: channel<AutomaticBackupCopyView[]>()(z.strictObject({}), 'admin'),
  runAutomaticBackup: channel<AutomaticBackupCopyView>()(z.strictObject({}), 'admin', {
    audit: (_input, output) => ({ action: 'automatic_backup_made', targetType: 'file', targetId: output.id }),
  }),
  /** Puts a copy back (a snapshot of the current state is taken first). */
  restoreAutomaticBackup: channel<{ restoredId: string; safetySnapshotId: string }>()(z.strictObject({ backupId: z.string().min(1).max(100) }), 'admin', {
    audit: (input) => ({ action: 'automatic_backup_restored', targetType: 'file', targetId: input.backupId }),
  }),
};
