import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import { databasePath } from '../data-dir';
import { TABLE_NAMES } from '../maintenance/statistics';
import { openDatabase } from '../open';
import { createSnapshot, findSnapshot, type SnapshotInfo } from '../snapshots';

/**
 * Restores a snapshot into the open database without closing it: the snapshot is first brought
 * to this app's schema in a temporary copy (refused if newer), then every table is replaced in
 * one transaction. A `pre-restore` snapshot of the current state is taken first, so a restore can
 * itself be undone.
 */
export async function restoreSnapshot(sqlite: Database.Database, dataDir: string, snapshotId: string): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }> {
  const snapshot = findSnapshot(dataDir, snapshotId);
  const safetySnapshot = await createSnapshot(sqlite, dataDir, 'pre-restore');
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-restore-'));
  try {
    fs.copyFileSync(snapshot.path, databasePath(tempDir));
    const copy = await openDatabase({ dataDir: tempDir });
    copy.close();
    sqlite.prepare('ATTACH DATABASE ? AS snapshot').run(databasePath(tempDir));
    try {
      sqlite
        .transaction(() => {
          // Children go with their parents (ON DELETE CASCADE); then parents first, children after.
          // The audit log and the throttle of wrong tries stay as they are: a restore must not erase
          // the record of what was done, nor reset a lockout.
          for (const parent of ['learner_profiles', 'educators', 'classes', 'settings']) sqlite.exec(`DELETE FROM main.${parent}`);
          for (const table of [...TABLE_NAMES, ...SCHOOL_TABLES]) sqlite.exec(`INSERT INTO main.${table} SELECT * FROM snapshot.${table}`);
          sqlite.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM snapshot.sqlite_sequence');
        })
        .immediate();
    } finally {
      sqlite.exec('DETACH DATABASE snapshot');
    }
  } catch (error) {
    if (error instanceof DalaError) throw error;
    throw new DalaError('storage', `The snapshot ${snapshotId} could not be restored (${(error as Error).message}). The database was not changed.`);
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
  return { restored: snapshot, safetySnapshot };
}

/** The school's own tables (accounts, classes, secrets, settings), parents first. */
const SCHOOL_TABLES = ['educators', 'classes', 'class_members', 'class_coaches', 'learner_secrets', 'settings'] as const;

const MARKER = 'last-import.json';

export interface LastImportRecord {
  snapshotId: string;
  importedAt: string;
  source: string;
  learnerIds: string[];
}

export function recordLastImport(dataDir: string, record: LastImportRecord): void {
  const file = path.join(dataDir, MARKER);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function readLastImport(dataDir: string): LastImportRecord | undefined {
  const file = path.join(dataDir, MARKER);
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LastImportRecord;
  } catch {
    return undefined;
  }
}

/** Puts the database back as it was just before the last import (later changes go too). */
export async function undoLastImport(sqlite: Database.Database, dataDir: string): Promise<LastImportRecord & { safetySnapshotId: string }> {
  const last = readLastImport(dataDir);
  if (!last) throw new DalaError('not_found', 'There is no import to undo.');
  const { safetySnapshot } = await restoreSnapshot(sqlite, dataDir, last.snapshotId);
  fs.rmSync(path.join(dataDir, MARKER), { force: true });
  return { ...last, safetySnapshotId: safetySnapshot.id };
}
