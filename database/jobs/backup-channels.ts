import path from 'node:path';
import { channelHandlers } from '../channels/define';
import { checkBackupView, parseBackupFile } from '../transfer/backup-file';

/** Backup files up to this size are checked inline (a few milliseconds); larger ones on a worker thread. */
const CHECK_INLINE_MAX_CHARS = 256 * 1024;

/** Backups and restores: long work on job workers, so the window's thread stays free. */
export const backupHandlers = channelHandlers({
  checkBackupFile: (ctx, { content }) => (content.length <= CHECK_INLINE_MAX_CHARS ? checkBackupView(parseBackupFile(content)) : ctx.jobs.check(content)),
  startBackup: (ctx, filters) => ({ jobId: ctx.jobs.start({ kind: 'backup', dataDir: ctx.dataDir, appVersion: ctx.environment.appVersion, filters }) }),
  startRestore: (ctx, { content, fileName, replace, dryRun, onConflict, allowPartial }) => ({
    jobId: ctx.jobs.start({ kind: 'restore', dataDir: ctx.dataDir, content, fileName: path.basename(fileName), replace, dryRun, onConflict, allowPartial }),
  }),
  getJobStatus: (ctx, { jobId }) => ctx.jobs.status(jobId),
});
