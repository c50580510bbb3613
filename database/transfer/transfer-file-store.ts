import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DalaError } from '../../electron/common/errors';
import type { TransferFileView } from '../../electron/common/transfer-views';
import { detectEnvelope, ENVELOPE_HEAD_BYTES } from './envelope/detect';

/**
 * Files on their way in or out, known to the window only by an opaque id: the path never leaves
 * the main process, and no file's content crosses IPC. Incoming files are the user's (chosen in a
 * dialog, dropped, opened by the OS): never deleted. Files this process made (a backup, an export,
 * an upload to the browser host) live in a folder of this process's own under
 * `<dataDir>/staging/files/` until saved or expired, and go when the process closes.
 */
export interface TransferFile {
  fileId: string;
  path: string;
  /** The name shown and proposed when saving; never a folder. */
  fileName: string;
  owned: boolean;
}

export interface TransferFileStore {
  /** A user's file to read: checked to be a regular file, its envelope detected. `fileId`: keep an id given out before (a file the OS opened). */
  registerIncoming(filePath: string, fileId?: string): TransferFileView;
  /** A new file this process will write (then `describe` it once written). */
  createOwned(fileName: string): TransferFile;
  describe(fileId: string): TransferFileView;
  /** The file behind an id, or not_found with a message that says to choose it again. */
  resolve(fileId: string): TransferFile;
  /** A one-time secret for downloading an owned file over HTTP (the browser host). */
  downloadKey(fileId: string): string;
  /** The file for a download key, once. */
  takeDownload(fileId: string, key: string): TransferFile | undefined;
  /** Forgets a file; an owned one is deleted. */
  release(fileId: string): void;
  /** Deletes every owned file (the app is closing). */
  close(): void;
}

/** A file not used for this long is forgotten (an owned one deleted). */
const KEEP_MS = 60 * 60_000;
const MAX_FILES = 64;
/** Another process's folder this old was left by a crash (a running app touches its files within the hour). */
const ABANDONED_MS = 24 * 60 * 60_000;

export function transferFilesDir(dataDir: string): string {
  return path.join(dataDir, 'staging', 'files');
}

/** The file's size and first bytes (which say whether it is encrypted or compressed). */
function headOf(file: TransferFile): { sizeBytes: number; head: Buffer } {
  try {
    const fd = fs.openSync(file.path, 'r');
    try {
      const head = Buffer.alloc(ENVELOPE_HEAD_BYTES);
      return { sizeBytes: fs.fstatSync(fd).size, head: head.subarray(0, fs.readSync(fd, head, 0, head.byteLength, 0)) };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new DalaError('not_found', `The file ${file.fileName} cannot be read any more. Choose it again.`, 'fileId');
  }
}

function viewOf(file: TransferFile): TransferFileView {
  const { sizeBytes, head } = headOf(file);
  const envelope = detectEnvelope(head);
  return { fileId: file.fileId, fileName: file.fileName, sizeBytes, passphraseProtected: envelope === 'age' || envelope === 'age-armored', compressed: envelope === 'gzip' };
}

export function createTransferFileStore(dataDir: string, now: () => number = Date.now): TransferFileStore {
  const files = new Map<string, TransferFile & { usedAt: number; key?: string }>();
  const parent = transferFilesDir(dataDir);
  const dir = path.join(parent, randomUUID());
  let made = false;
  const makeDir = () => {
    if (made) return;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    made = true;
    // Folders left by runs that crashed (the CLI and the app may share a data folder: only old ones).
    for (const entry of fs.readdirSync(parent)) {
      const other = path.join(parent, entry);
      if (other !== dir && now() - fs.statSync(other).mtimeMs > ABANDONED_MS) fs.rmSync(other, { recursive: true, force: true });
    }
  };

  const forget = (fileId: string) => {
    const file = files.get(fileId);
    files.delete(fileId);
    if (file?.owned) fs.rmSync(file.path, { force: true });
  };
  const prune = () => {
    const at = now();
    for (const [id, f] of files) if (at - f.usedAt > KEEP_MS) forget(id);
    while (files.size >= MAX_FILES) forget(files.keys().next().value as string);
  };
  const add = (file: TransferFile) => {
    prune();
    files.set(file.fileId, { ...file, usedAt: now() });
    return file;
  };
  const resolve = (fileId: string): TransferFile & { usedAt: number; key?: string } => {
    const file = files.get(fileId);
    if (!file) throw new DalaError('not_found', 'That file is no longer available here. Choose it again.', 'fileId');
    file.usedAt = now();
    return file;
  };

  return {
    registerIncoming(filePath, fileId = randomUUID()) {
      const absolute = path.resolve(filePath);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(absolute);
      } catch {
        throw new DalaError('not_found', `Cannot read ${path.basename(absolute)}: there is no such file.`, 'file');
      }
      if (!stat.isFile()) throw new DalaError('invalid_input', `${path.basename(absolute)} is a folder, not a file.`, 'file');
      return viewOf(add({ fileId, path: absolute, fileName: path.basename(absolute), owned: false }));
    },
    createOwned(fileName) {
      makeDir();
      const fileId = randomUUID();
      return add({ fileId, path: path.join(dir, fileId), fileName: path.basename(fileName), owned: true });
    },
    describe: (fileId) => viewOf(resolve(fileId)),
    resolve: (fileId) => {
      const { usedAt: _usedAt, key: _key, ...file } = resolve(fileId);
      return file;
    },
    downloadKey(fileId) {
      const file = resolve(fileId);
      file.key = randomBytes(24).toString('hex');
      return file.key;
    },
    takeDownload(fileId, key) {
      const file = files.get(fileId);
      if (!file?.key || file.key.length !== key.length || !timingSafeEqual(Buffer.from(file.key), Buffer.from(key))) return undefined;
      delete file.key;
      const { usedAt: _usedAt, key: _key, ...found } = file;
      return found;
    },
    release: forget,
    close() {
      for (const id of [...files.keys()]) forget(id);
      if (made) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
