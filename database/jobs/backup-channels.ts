import { localDay } from '../../electron/common/local-day';
import { channelHandlers } from '../channels/define';
import { checkBackupView } from '../transfer/backup-file';
import { checkBackupFileOnDisk } from '../transfer/file-transfers';
import { incomingFile, protectionFor, unlockFile } from '../transfer/transfer-access';

/** Backup files up to this size are checked inline (a few milliseconds); larger ones on a worker thread. */
const CHECK_INLINE_MAX_BYTES = 256 * 1024;

/** `dala-backup-2026-03-02.json`, `.json.gz` when compressed, `.json.age` when protected with a passphrase. */
function backupFileName(now: string, gzip: boolean, encrypted: boolean): string {
  return `dala-backup-${localDay(new Date(now))}.json${encrypted ? '.age' : gzip ? '.gz' : ''}`;
}

/** Backups and restores: long work on job workers, so the window's thread stays free. Files stay in this process. */
export const backupHandlers = channelHandlers({
  checkBackupFile: async (ctx, { fileId, passphrase }) => {
    const file = incomingFile(ctx, fileId);
    const unlock = await unlockFile(ctx, file, passphrase);
    if (ctx.transferFiles.describe(fileId).sizeBytes <= CHECK_INLINE_MAX_BYTES) return checkBackupView((await checkBackupFileOnDisk(file.path, unlock)).header);
    return ctx.jobs.check(file.path, unlock);
  },
  startBackup: (ctx, { gzip, passphrase, useSchoolPassphrase, ...filters }) => {
    const protection = protectionFor(ctx, { gzip, passphrase, useSchoolPassphrase });
    const out = ctx.transferFiles.createOwned(backupFileName(ctx.now(), protection.gzip === true, protection.passphrase !== undefined));
    return { jobId: ctx.jobs.start({ kind: 'backup', dataDir: ctx.dataDir, appVersion: ctx.environment.appVersion, filters, out, protection }) };
  },
  startRestore: async (ctx, { fileId, passphrase, replace, dryRun, onConflict, allowPartial }) => {
    const file = incomingFile(ctx, fileId);
    const unlock = await unlockFile(ctx, file, passphrase);
    return { jobId: ctx.jobs.start({ kind: 'restore', dataDir: ctx.dataDir, file: file.path, fileName: file.fileName, unlock, replace, dryRun, onConflict, allowPartial }) };
  },
  getJobStatus: (ctx, { jobId }) => ctx.jobs.status(jobId),
});
