import fs from 'node:fs';
import { DalaError } from '../../electron/common/errors';
import { channelHandlers } from '../channels/define';
import { hasSchoolTransferPassphrase, setSchoolTransferPassphrase } from './school-passphrase';

const DESKTOP_ONLY = 'Choosing or dropping files this way works in the desktop app. Here, use the file button to pick the file.';

/**
 * Files chosen, dropped, saved and downloaded: the window names them by id only, the main
 * process keeps the paths and does the reading and writing (see TransferFileStore).
 */
export const transferFileHandlers = channelHandlers({
  chooseTransferFile: async (ctx, { purpose }) => {
    const dialogs = ctx.environment.fileDialogs;
    if (!dialogs) throw new DalaError('invalid_input', DESKTOP_ONLY);
    const chosen = await dialogs.chooseOpen(purpose);
    return chosen === undefined ? null : ctx.transferFiles.registerIncoming(chosen);
  },
  openDroppedFile: (ctx, { path }) => {
    if (ctx.environment.shell !== 'electron') throw new DalaError('invalid_input', DESKTOP_ONLY);
    return ctx.transferFiles.registerIncoming(path);
  },
  saveTransferFile: async (ctx, { fileId }) => {
    const file = ctx.transferFiles.resolve(fileId);
    if (!file.owned) throw new DalaError('invalid_input', 'Only files this app made can be saved.', 'fileId');
    const { fileDialogs, downloadUrl } = ctx.environment;
    if (fileDialogs) {
      const target = await fileDialogs.chooseSave(file.fileName);
      if (target === undefined) return { kind: 'cancelled' as const };
      try {
        // A copy, not a move: "Save again" (another stick, another folder) still has the file.
        await fs.promises.copyFile(file.path, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new DalaError('storage', `The file could not be saved there (${code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error')}). Choose another place.`, 'fileId');
      }
      return { kind: 'saved' as const, fileName: target.split(/[\\/]/).pop() ?? file.fileName };
    }
    if (downloadUrl) return { kind: 'download' as const, url: downloadUrl(fileId, ctx.transferFiles.downloadKey(fileId)), fileName: file.fileName };
    throw new DalaError('invalid_input', 'Files are saved by the app window; on the command line, name the file with --out.');
  },
  getTransferPassphraseSetting: (ctx) => ({ schoolPassphraseSet: hasSchoolTransferPassphrase(ctx.dataDir) }),
  setSchoolTransferPassphrase: (ctx, { passphrase }) => {
    setSchoolTransferPassphrase(ctx.dataDir, passphrase);
    return { schoolPassphraseSet: passphrase !== null };
  },
});
