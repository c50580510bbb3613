import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DalaError } from '../electron/common/errors';
import { readLastImport } from './last-import';

/**
 * Snapshots are whole-database copies made with SQLite's online backup API, so they are
 * consistent even while the app is writing. Each reason keeps its own newest few.
 */
export const SNAPSHOT_REASONS = ['pre-migrate', 'pre-import', 'pre-restore', 'pre-snapshot-restore', 'pre-rollback', 'pre-repair', 'manual'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];
export const SNAPSHOTS_KEPT_PER_REASON = 5;

export interface SnapshotInfo {
  id: string;
  reason: SnapshotReason;
  createdAt: string;
  sizeBytes: number;
  path: string;
}

const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)_(pre-migrate|pre-import|pre-restore|pre-snapshot-restore|pre-rollback|pre-repair|manual)(?:_(\d+))?\.db$/;

export function snapshotsDir(dataDir: string): string {
  return path.join(dataDir, 'snapshots');
}

function parseName(dir: string, file: string): SnapshotInfo | undefined {
  const m = NAME.exec(file);
  if (!m || !m[1] || !m[2]) return undefined;
  const [date, time] = m[1].split('T') as [string, string];
  const createdAt = `${date}T${time.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`;
  const full = path.join(dir, file);
  return { id: file.slice(0, -3), reason: m[2] as SnapshotReason, createdAt, sizeBytes: fs.statSync(full).size, path: full };
}

/** Newest first. */
export function listSnapshots(dataDir: string): SnapshotInfo[] {
  const dir = snapshotsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => parseName(dir, f))
    .filter((s): s is SnapshotInfo => s !== undefined)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function findSnapshot(dataDir: string, id: string): SnapshotInfo {
  const found = listSnapshots(dataDir).find((s) => s.id === id);
  if (!found) throw new DalaError('not_found', `There is no snapshot "${id}". Run "dala snapshot list" to see the snapshots.`, 'id');
  return found;
}

export async function createSnapshot(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  reason: SnapshotReason,
  now: Date = new Date(),
  /** False leaves the older snapshots of this reason alone (the caller prunes once it knows it keeps this one). */
  prune = true,
): Promise<SnapshotInfo> {
  const dir = snapshotsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
  // Snapshots in the same millisecond (tests, scripts) get a zero-padded counter above any
  // existing one, so names stay unique and still sort in creation order.
  const sameStamp = fs.readdirSync(dir).map((f) => NAME.exec(f)).filter((m) => m?.[1] === stamp && m[2] === reason);
  const highest = Math.max(0, ...sameStamp.map((m) => Number(m?.[3] ?? 1)));
  const file = sameStamp.length === 0 ? `${stamp}_${reason}.db` : `${stamp}_${reason}_${String(highest + 1).padStart(4, '0')}.db`;
  const target = path.join(dir, file);
  const partial = `${target}.partial`;
  try {
    await sqlite.backup(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new DalaError('storage', `Could not take a snapshot of the database before continuing: ${(error as Error).message}`);
  }
  const info = parseName(dir, file);
  if (!info) throw new DalaError('storage', 'The snapshot was written under an unexpected name.');
  if (prune) pruneSnapshots(dataDir, reason);
  return info;
}

/**
 * A snapshot of a database file this process has not opened (rollback, snapshot restore from the
 * command line): a read-only connection of its own, so not even a newer schema is a problem.
 */
export async function createSnapshotOfFile(file: string, dataDir: string, reason: SnapshotReason): Promise<SnapshotInfo> {
  // Read-write but never written: a read-only connection cannot open a closed WAL database whose -shm is gone.
  const source = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return await createSnapshot(source, dataDir, reason);
  } finally {
    source.close();
  }
}

/**
 * Keeps the newest few of one kind; the other kinds are untouched, and the snapshot that undoes
 * the last import is never removed.
 */
export function pruneSnapshots(dataDir: string, reason: SnapshotReason, keep = SNAPSHOTS_KEPT_PER_REASON): void {
  const undoPoint = readLastImport(dataDir)?.snapshotId;
  for (const old of listSnapshots(dataDir).filter((s) => s.reason === reason && s.id !== undoPoint).slice(keep)) fs.rmSync(old.path, { force: true });
}
