import type { BrowserWindow, Dialog } from 'electron';
import { PRODUCT_NAME } from '../../database/data-dir';
import { DalaError } from '../common/errors';

export const STARTUP_ERROR_TITLE = `${PRODUCT_NAME} cannot open its data`;

/** What a teacher reads when the database cannot be opened: the reason, never a stack trace. */
export function startupErrorMessage(error: unknown): string {
  if (error instanceof DalaError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return `The database could not be opened (${reason}). Nothing was changed. Restart the app; if this keeps happening, ask the person who looks after this computer.`;
}

export function showStartupError(dialog: Pick<Dialog, 'showErrorBox'>, error: unknown): void {
  dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(error));
}

export interface AboutInfo {
  appVersion: string;
  schemaVersion: number;
}

export async function showAboutDialog(dialog: Pick<Dialog, 'showMessageBox'>, window: BrowserWindow | undefined, info: AboutInfo): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `About ${PRODUCT_NAME}`,
    message: PRODUCT_NAME,
    detail: `Version ${info.appVersion}\nDatabase schema version ${info.schemaVersion}\n\nKeeps each learner's profile on this computer. Works without the internet.`,
    buttons: ['OK'],
  };
  if (window && !window.isDestroyed()) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
