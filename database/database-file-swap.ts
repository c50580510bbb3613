import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DalaError } from '../electron/common/errors';
import { runningAppPid } from './app-running';
import { databasePath } from './data-dir';
import { snapshotsDir, createSnapshotOfFile, type SnapshotInfo, type SnapshotReason } from './snapshots';

/**
 * Puts a whole-database file (a snapshot) in place of `dala.db` without opening the current
 * database with the app's code: so an older app can put back what a newer one left, and a
 * database this version cannot read can still be replaced. The current file is kept first as a
 * snapshot (copied with SQLite's backup API, WAL included). Refused while the app has it open.
 */
export async function putBackDatabaseFile(dataDir: string, file: string, safetyReason: SnapshotReason): Promise<{ safety: SnapshotInfo | undefined; schemaVersion: number }> {
  const pid = runningAppPid(dataDir);
  if (pid !== undefined) throw new DalaError('conflict', `DALA is open on this data folder (process ${pid}). Close the app or the browser host first, then try again. Nothing was changed.`);
  const target = databasePath(dataDir);
  const incoming = new Database(file, { readonly: true, fileMustExist: true });
  let schemaVersion: number;
  try {
    const verdict = incoming.pragma('integrity_check', { simple: true }) as string;
    if (verdict !== 'ok') throw new DalaError('storage', `The file to put back is damaged (${verdict}). Nothing was changed.`);
    schemaVersion = incoming.pragma('user_version', { simple: true }) as number;
  } finally {
    incoming.close();
  }
  const safety = fs.existsSync(target) ? await createSnapshotOfFile(target, dataDir, safetyReason) : undefined;
  const staged = `${target}.putting-back`;
  fs.mkdirSync(snapshotsDir(dataDir), { recursive: true });
  fs.copyFileSync(file, staged);
  // The old file's WAL and shared memory belong to it; left beside the new file SQLite would replay them.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(staged, target);
  return { safety, schemaVersion };
}
