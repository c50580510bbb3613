import { text } from '../../i18n';

const t = text.transfer;

export type ReadResult = { ok: true; text: string; fileName: string } | { ok: false; message: string };

/**
 * Reads a chosen or dropped file as text, after checking its name and size (the channel's payload
 * limit), so a wrong or huge file is refused with one plain sentence before anything is sent.
 */
export async function readTextFile(file: File, options: { limitBytes: number; extension?: string }): Promise<ReadResult> {
  if (options.extension && !file.name.toLowerCase().endsWith(options.extension)) return { ok: false, message: t.notAFile(file.name) };
  if (file.size > options.limitBytes) return { ok: false, message: t.fileTooLarge(file.name, Math.floor(options.limitBytes / 1_048_576)) };
  try {
    return { ok: true, text: await file.text(), fileName: file.name };
  } catch {
    return { ok: false, message: t.fileUnreadable(file.name) };
  }
}

/** The ending every profile file has; anything else dropped or chosen is refused by name. */
export const PROFILE_EXTENSION = '.dalaprofile';
