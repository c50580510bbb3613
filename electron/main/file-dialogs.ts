import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { TransferFileDialogs } from '../../database/channels/context';

export type FileDialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

export interface FileDialogOptions {
  /** The folder a save dialog opens in (the user's Documents folder in the app). */
  defaultFolder?: () => string;
}

export const PROFILE_FILES: FileFilter = { name: 'DALA profile files', extensions: ['dalaprofile'] };
export const BACKUP_FILES: FileFilter = { name: 'DALA backups', extensions: ['json', 'gz', 'age'] };
export const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

const OPEN: Record<'profile' | 'backup', { title: string; filters: FileFilter[] }> = {
  profile: { title: "Import a learner's profile", filters: [PROFILE_FILES, ALL_FILES] },
  backup: { title: 'Choose a backup to restore', filters: [BACKUP_FILES, ALL_FILES] },
};

/**
 * The filters a save dialog offers for `fileName`. Only the file's own extension is listed: on
 * Windows the dialog appends the chosen filter's first extension to a name typed without one,
 * and `dala-backup-….json.gz` must not come out as `….json.gz.json`.
 */
export function saveFilters(fileName: string): FileFilter[] {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if (PROFILE_FILES.extensions.includes(extension)) return [{ name: PROFILE_FILES.name, extensions: [extension] }, ALL_FILES];
  if (BACKUP_FILES.extensions.includes(extension)) return [{ name: BACKUP_FILES.name, extensions: [extension] }, ALL_FILES];
  return [ALL_FILES];
}

/** The folder a save dialog proposes; the home folder when Electron cannot say (or a test's fake app has none). */
function folderFor(options: FileDialogOptions): string {
  try {
    return options.defaultFolder?.() || os.homedir();
  } catch {
    return os.homedir();
  }
}

/**
 * The desktop app's native open and save dialogs, for the transfer channels. The path the user
 * picks stays in the main process: the window gets a file id (TransferFileStore), never the path.
 * `dialog` is read at each call, not captured, so that a stub put on Electron's dialog module
 * (the Electron e2e specs do) is what runs.
 */
export function createTransferFileDialogs(dialog: FileDialogApi, parentWindow: () => BrowserWindow | undefined, options: FileDialogOptions = {}): TransferFileDialogs {
  // Attached to the window, a dialog is modal to it (a sheet on macOS) and cannot hide behind it.
  const parent = (): BrowserWindow | undefined => {
    const window = parentWindow();
    return window && !window.isDestroyed() ? window : undefined;
  };
  return {
    async chooseOpen(purpose) {
      const settings: OpenDialogOptions = { ...OPEN[purpose], properties: ['openFile'] };
      const window = parent();
      const chosen = window ? await dialog.showOpenDialog(window, settings) : await dialog.showOpenDialog(settings);
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    async chooseSave(fileName) {
      // A name only, never a folder, whatever the caller passes: the folder is the user's choice.
      const name = path.basename(fileName);
      const settings: SaveDialogOptions = { defaultPath: path.join(folderFor(options), name), filters: saveFilters(name), properties: ['showOverwriteConfirmation', 'createDirectory'] };
      const window = parent();
      const chosen = window ? await dialog.showSaveDialog(window, settings) : await dialog.showSaveDialog(settings);
      return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath;
    },
  };
}
