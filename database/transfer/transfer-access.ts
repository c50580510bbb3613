import { DalaError, isDalaError } from '../../electron/common/errors';
import type { HandlerContext } from '../channels/context';
import { checkTransferFileOpens, type TransferProtection, type TransferUnlock } from './file-transfers';
import { requireSchoolTransferPassphrase, schoolTransferPassphrase } from './school-passphrase';
import type { TransferFile } from './transfer-file-store';

/** The file behind an id the window holds: one it chose, dropped or uploaded, or one the OS opened. */
export function incomingFile(ctx: HandlerContext, fileId: string): TransferFile {
  try {
    return ctx.transferFiles.resolve(fileId);
  } catch (error) {
    // A .dalaprofile the OS opened is handed out once: kept in the store, a retry (with a passphrase) finds it.
    const opened = ctx.environment.resolveProfileFile?.(fileId);
    if (!opened) throw error;
    ctx.transferFiles.registerIncoming(opened, fileId);
    return ctx.transferFiles.resolve(fileId);
  }
}

/**
 * The passphrase that opens `file`: the one typed, else the school's (when an admin set one).
 * Checked here, before any job starts: a missing or wrong one is said at once and nothing runs.
 */
export async function unlockFile(ctx: HandlerContext, file: TransferFile, passphrase: string | undefined): Promise<TransferUnlock> {
  if (passphrase !== undefined) {
    await checkTransferFileOpens(file.path, { passphrase });
    return { passphrase };
  }
  const school = schoolTransferPassphrase(ctx.dataDir);
  try {
    await checkTransferFileOpens(file.path, { passphrase: school });
  } catch (error) {
    if (isDalaError(error) && error.code === 'wrong_passphrase')
      throw new DalaError('passphrase_required', 'This file is protected with a passphrase that is not the school passphrase. Enter the passphrase it was protected with.', 'passphrase');
    throw error;
  }
  return { passphrase: school };
}

/** How a new file is protected: gzip, and the passphrase typed or the school's. */
export function protectionFor(ctx: HandlerContext, input: { gzip?: boolean | undefined; passphrase?: string | undefined; useSchoolPassphrase?: boolean | undefined }): TransferProtection {
  const passphrase = input.passphrase ?? (input.useSchoolPassphrase ? requireSchoolTransferPassphrase(ctx.dataDir) : undefined);
  return { gzip: input.gzip === true, passphrase };
}
