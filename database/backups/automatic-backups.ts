import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import { databasePath } from '../data-dir';
import { toDalaError } from '../storage-errors';
import { copiesToKeep } from './retention';

/**
 * Automatic backups: copies of the whole database made with SQLite's backup API (consistent while
 * the app writes), each checked with `integrity_check` before it counts, kept by the retention
 * rules. They go to `backups/` beside the database or to a folder an admin chose (a network share
 * is fine: only finished copies are written there, the live database never leaves its folder).
 */
export const AUTOMATIC_BACKUP_PREFIX = 'dala-auto-';
const NAME = /^dala-auto-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

export interface AutomaticBackupCopy {
  id: string;
  createdAt: string;
  sizeBytes: number;
  path: string;
}

export function automaticBackupFolder(dataDir: string, chosen: string | null): string {
  return chosen ?? path.join(dataDir, 'backups');
}

const stampOf = (iso: string) => iso.replace(/:/g, '-').replace('.', '-');
const isoOf = (stamp: string) => {
  const [date, time] = stamp.split('T') as [string, string];
  return `${date}T${time.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`;
};

/** Newest first. A folder that is not there (a share not mounted) has none. */
export function listAutomaticBackups(folder: string): AutomaticBackupCopy[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((file): AutomaticBackupCopy[] => {
      const m = NAME.exec(file);
      if (!m?.[1]) return [];
      const full = path.join(folder, file);
      return [{ id: file.slice(0, -3), createdAt: isoOf(m[1]), sizeBytes: fs.statSync(full).size, path: full }];
    })
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function findAutomaticBackup(folder: string, id: string): AutomaticBackupCopy {
  const found = listAutomaticBackups(folder).find((c) => c.id === id);
  if (!found) throw new DalaError('not_found', `There is no automatic backup "${id}". Run "dala backups list" to see them.`, 'backupId');
  return found;
}

/** Deletes the copies the retention rules no longer keep; returns how many went. */
export function pruneAutomaticBackups(folder: string, now: Date): number {
  const copies = listAutomaticBackups(folder);
  const keep = copiesToKeep(copies.map((c) => ({ id: c.id, createdAt: new Date(c.createdAt) })), now);
  let removed = 0;
  for (const c of copies) {
    if (keep.has(c.id)) continue;
    fs.rmSync(c.path, { force: true });
    removed++;
  }
  return removed;
}

/** Why the copy could not be made, in words an educator can act on (a full disk, a missing share). */
function backupFailure(error: unknown, folder: string): DalaError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST' || code === 'SQLITE_CANTOPEN') return new DalaError('storage', `The backup folder ${folder} cannot be reached. Check that the drive or share is connected.`);
  const typed = toDalaError(error);
  return typed.message.startsWith('Saving failed') ? new DalaError('storage', `The automatic backup could not be written to ${folder}.`) : typed;
}

/**
 * Makes one checked copy of `dataDir`'s database in `folder`, then applies the retention rules.
 * Runs on a job worker: the integrity check reads the whole copy.
 */
export async function makeAutomaticBackup(dataDir: string, folder: string, now: Date = new Date()): Promise<{ copy: AutomaticBackupCopy; pruned: number }> {
  if (path.resolve(folder) === path.resolve(dataDir)) throw new DalaError('invalid_input', 'Choose a backup folder other than the data folder itself.', 'backupFolder');
  const target = path.join(folder, `${AUTOMATIC_BACKUP_PREFIX}${stampOf(now.toISOString())}.db`);
  const partial = `${target}.partial`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    const source = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
    try {
      await source.backup(partial);
    } finally {
      source.close();
    }
    const copy = new Database(partial, { readonly: true });
    let verdict: string;
    try {
      verdict = copy.pragma('integrity_check', { simple: true }) as string;
    } finally {
      copy.close();
    }
    if (verdict !== 'ok') throw new DalaError('storage', `The backup copy failed its integrity check (${verdict}); it was not kept.`);
    fs.renameSync(partial, target);
  } catch (error) {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // The folder itself is unusable; there is no partial copy to remove.
    }
    throw error instanceof DalaError ? error : backupFailure(error, folder);
  }
  const copy = listAutomaticBackups(folder).find((c) => c.path === target);
  if (!copy) throw new DalaError('storage', 'The backup copy was written under an unexpected name.');
  return { copy, pruned: pruneAutomaticBackups(folder, now) };
}
