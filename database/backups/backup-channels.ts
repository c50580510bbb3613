import { DalaError } from '../../electron/common/errors';
import type { AutomaticBackupCopyView } from '../../electron/common/transfer-views';
import { readSettings } from '../administration/settings-store';
import type { HandlerContext } from '../channels/context';
import { channelHandlers } from '../channels/define';
import { restoreDatabaseCopy } from '../transfer/snapshot-restore';
import { automaticBackupFolder, findAutomaticBackup } from './automatic-backups';
import { automaticBackupCopies } from './backup-schedule';

/** A copy now: through the running app's schedule, or (the CLI) as a job of its own. */
export async function makeAutomaticBackupNow(ctx: HandlerContext): Promise<AutomaticBackupCopyView> {
  if (ctx.automaticBackups) return ctx.automaticBackups.runNow();
  const folder = automaticBackupFolder(ctx.dataDir, readSettings(ctx).backupFolder);
  const view = await ctx.jobs.finished(ctx.jobs.start({ kind: 'automaticBackup', dataDir: ctx.dataDir, folder }));
  if (view.state !== 'done' || view.result?.kind !== 'automaticBackup') {
    throw new DalaError(view.error?.code ?? 'storage', view.error?.message ?? 'The backup did not finish.');
  }
  return view.result.copy;
}

export const automaticBackupHandlers = channelHandlers({
  getAutomaticBackupStatus: (ctx) => {
    if (ctx.automaticBackups) return ctx.automaticBackups.status();
    const settings = readSettings(ctx);
    const [lastCopy] = automaticBackupCopies(ctx.dataDir, settings);
    return { enabled: settings.automaticBackups, intervalMinutes: settings.backupIntervalMinutes, folder: automaticBackupFolder(ctx.dataDir, settings.backupFolder), lastCopy: lastCopy ?? null, lastFailure: null };
  },
  listAutomaticBackups: (ctx) => automaticBackupCopies(ctx.dataDir, readSettings(ctx)),
  runAutomaticBackup: (ctx) => makeAutomaticBackupNow(ctx),
  restoreAutomaticBackup: async (ctx, { backupId }) => {
    const copy = findAutomaticBackup(automaticBackupFolder(ctx.dataDir, readSettings(ctx).backupFolder), backupId);
    const safety = await restoreDatabaseCopy(ctx.sqlite, ctx.dataDir, copy.path, backupId);
    return { restoredId: copy.id, safetySnapshotId: safety.id };
  },
});
