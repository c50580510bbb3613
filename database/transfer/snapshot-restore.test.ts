import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../data-dir';
import { openDatabase } from '../open';
import { createSnapshot, listSnapshots, SNAPSHOTS_KEPT_PER_REASON } from '../snapshots';
import { writeRichProfile } from '../test-support/transfer-fixtures';
import { contentHash, openManager, rejectedDalaError, useTempDirs } from '../test-support/temp-database';
import { collectBackupFile } from './backup-file';
import { restoreBackup } from './restore';
import { restoreSnapshot, undoLastImport } from './snapshot-restore';

/** Snapshots: rotation per reason, restore (with a pre-restore snapshot), unknown ids. */

const dirs = useTempDirs();
const at = (second: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + second * 1_000);

describe('snapshots', () => {
  it('keeps the newest 5 per reason, whatever the other reasons hold', async () => {
    const { database } = await openManager(dirs);
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await createSnapshot(database.sqlite, database.dataDir, 'manual', at(i))).id);
    for (let i = 0; i < 2; i++) await createSnapshot(database.sqlite, database.dataDir, 'pre-import', at(100 + i));
    const manual = listSnapshots(database.dataDir).filter((s) => s.reason === 'manual');
    expect(SNAPSHOTS_KEPT_PER_REASON).toBe(5);
    expect(manual.map((s) => s.id)).toEqual(made.slice(2).reverse());
    expect(listSnapshots(database.dataDir).filter((s) => s.reason === 'pre-import')).toHaveLength(2);
    expect(manual[0]?.createdAt).toBe(at(6).toISOString());
  });

  it('two snapshots in the same millisecond both exist', async () => {
    const { database } = await openManager(dirs);
    const a = await createSnapshot(database.sqlite, database.dataDir, 'manual', at(0));
    const b = await createSnapshot(database.sqlite, database.dataDir, 'manual', at(0));
    expect(a.id).not.toBe(b.id);
    expect(listSnapshots(database.dataDir).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('a snapshot is a complete, healthy database file of that moment', async () => {
    const { database, manager } = await openManager(dirs);
    writeRichProfile(manager, 'zoe');
    const hash = contentHash(database.sqlite);
    const snapshot = await createSnapshot(database.sqlite, database.dataDir, 'manual');
    manager.addInterest({ learnerId: 'zoe', interestName: 'Robots' });
    const copyDir = dirs.make();
    fs.copyFileSync(snapshot.path, databasePath(copyDir));
    const copy = dirs.track(await openDatabase({ dataDir: copyDir }));
    expect(copy.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(contentHash(copy.sqlite)).toBe(hash);
  });

  it('restoring brings the content back exactly and keeps a pre-snapshot-restore snapshot that can undo it', async () => {
    const { database, manager, sqlite } = await openManager(dirs);
    writeRichProfile(manager, 'zoe');
    const original = contentHash(sqlite);
    const snapshot = await createSnapshot(sqlite, database.dataDir, 'manual');
    manager.createLearnerProfile({ id: 'later', displayName: 'Later' });
    manager.removeInterest({ learnerId: 'zoe', interestName: 'Space' });
    manager.addActivityAttempt({ learnerId: 'zoe', loId: 'SCI_LO_001', activityId: 'sci_001_quiz_a', activityType: 'quiz', score: 1, completed: true });
    const changed = contentHash(sqlite);

    const { restored, safetySnapshot } = await restoreSnapshot(sqlite, database.dataDir, snapshot.id);
    expect(restored.id).toBe(snapshot.id);
    expect(safetySnapshot.reason).toBe('pre-snapshot-restore');
    expect(contentHash(sqlite)).toBe(original);
    expect(listSnapshots(database.dataDir).map((s) => s.id)).toContain(safetySnapshot.id);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    await restoreSnapshot(sqlite, database.dataDir, safetySnapshot.id);
    expect(contentHash(sqlite)).toBe(changed);
  });

  it('the undo point of the last restore survives any number of snapshot restores and manual snapshots', async () => {
    const { database, manager, sqlite } = await openManager(dirs);
    writeRichProfile(manager, 'zoe');
    const beforeImport = contentHash(sqlite);
    const other = await openManager(dirs);
    writeRichProfile(other.manager, 'ben');
    // A restore's undo point is a pre-restore snapshot, the kind snapshot restores used to rotate away.
    await restoreBackup(database, collectBackupFile(other.sqlite, {}, 'test', new Date().toISOString()).content, { replace: false, dryRun: false, source: 'ben.json' });
    let manual = await createSnapshot(sqlite, database.dataDir, 'manual');
    for (let i = 0; i < 7; i++) {
      await restoreSnapshot(sqlite, database.dataDir, manual.id);
      manual = await createSnapshot(sqlite, database.dataDir, 'manual');
    }
    expect(listSnapshots(database.dataDir).filter((s) => s.reason === 'pre-snapshot-restore')).toHaveLength(SNAPSHOTS_KEPT_PER_REASON);
    await undoLastImport(sqlite, database.dataDir);
    expect(contentHash(sqlite)).toBe(beforeImport);
  });

  it('restoring an unknown id is not_found and changes nothing (no safety snapshot either)', async () => {
    const { database, manager, sqlite } = await openManager(dirs);
    writeRichProfile(manager, 'zoe');
    const hash = contentHash(sqlite);
    const error = await rejectedDalaError(restoreSnapshot(sqlite, database.dataDir, '2026-01-01T00-00-00-000Z_manual'));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('dala snapshot list');
    expect(contentHash(sqlite)).toBe(hash);
    expect(listSnapshots(database.dataDir)).toEqual([]);
  });
});
