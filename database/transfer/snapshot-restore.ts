import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import { databasePath } from '../data-dir';
import { TABLE_NAMES } from '../maintenance/statistics';
import { openDatabase } from '../open';
import { forgetLastImport, readLastImport, type LastImportRecord } from '../last-import';
import { createSnapshot, findSnapshot, type SnapshotInfo } from '../snapshots';

/**
 * Restores a snapshot into the open database without closing it: the snapshot is first brought
 * to this app's schema in a temporary copy (refused if newer), then every table is replaced in
 * one transaction. A `pre-restore` snapshot of the current state is taken first, so a restore can
 * itself be undone.
 */
export async function restoreSnapshot(sqlite: Database.Database, dataDir: string, snapshotId: string): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }> {
  const snapshot = findSnapshot(dataDir, snapshotId);
  const safetySnapshot = await restoreDatabaseCopy(sqlite, dataDir, snapshot.path, snapshotId);
  return { restored: snapshot, safetySnapshot };
}

/**
 * Puts a whole-database copy (a snapshot, an automatic backup) into the open database, after a
 * snapshot of the current state; returns that snapshot.
 */
export async function restoreDatabaseCopy(sqlite: Database.Database, dataDir: string, file: string, label: string): Promise<SnapshotInfo> {
  const safetySnapshot = await createSnapshot(sqlite, dataDir, 'pre-snapshot-restore');
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-restore-'));
  const snapshotId = label;
  try {
    fs.copyFileSync(file, databasePath(tempDir));
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
  return safetySnapshot;
}

/** The school's own tables (accounts, classes, secrets, settings), parents first. */
const SCHOOL_TABLES = ['educators', 'classes', 'class_members', 'class_coaches', 'learner_secrets', 'settings'] as const;

/** Puts the database back as it was just before the last import (later changes go too). */
export async function undoLastImport(sqlite: Database.Database, dataDir: string): Promise<LastImportRecord & { safetySnapshotId: string }> {
  const last = readLastImport(dataDir);
  if (!last) throw new DalaError('not_found', 'There is no import to undo.');
  const { safetySnapshot } = await restoreSnapshot(sqlite, dataDir, last.snapshotId);
  forgetLastImport(dataDir);
  return { ...last, safetySnapshotId: safetySnapshot.id };
}
