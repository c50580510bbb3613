import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSnapshot, findSnapshot, listSnapshots, SNAPSHOTS_KEPT_PER_REASON, snapshotsDir } from './snapshots';
import { dalaErrorOf, useTempDirs } from './test-support/temp-database';

const dirs = useTempDirs();

const minute = (n: number): Date => new Date(Date.UTC(2026, 2, 2, 9, n, 0, 0));

function learnersIn(file: string): number {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (copy.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;
  } finally {
    copy.close();
  }
}

describe('snapshots', () => {
  it('keeps the newest five per reason and leaves other reasons alone', async () => {
    const { sqlite, dataDir } = await dirs.open();
    await createSnapshot(sqlite, dataDir, 'pre-import', minute(0));
    await createSnapshot(sqlite, dataDir, 'pre-import', minute(1));
    const made = [];
    for (let n = 10; n < 17; n++) made.push(await createSnapshot(sqlite, dataDir, 'manual', minute(n)));

    const manual = listSnapshots(dataDir).filter((s) => s.reason === 'manual');
    expect(SNAPSHOTS_KEPT_PER_REASON).toBe(5);
    expect(manual.map((s) => s.createdAt)).toEqual([16, 15, 14, 13, 12].map((n) => minute(n).toISOString()));
    expect(listSnapshots(dataDir).filter((s) => s.reason === 'pre-import')).toHaveLength(2);
    expect(fs.existsSync(made[0]?.path ?? '')).toBe(false);
    expect(fs.existsSync(made[6]?.path ?? '')).toBe(true);
    // Nothing but the snapshots themselves is left behind (no .partial files).
    expect(fs.readdirSync(snapshotsDir(dataDir)).sort()).toEqual(listSnapshots(dataDir).map((s) => `${s.id}.db`).sort());
  });

  it('copies the database as it was when the snapshot was taken', async () => {
    const { sqlite, dataDir } = await dirs.open();
    const insert = sqlite.prepare("INSERT INTO learner_profiles VALUES (?, 'Ada', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z')");
    insert.run('one');
    const first = await createSnapshot(sqlite, dataDir, 'manual', minute(1));
    insert.run('two');
    const second = await createSnapshot(sqlite, dataDir, 'manual', minute(2));
    expect(learnersIn(first.path)).toBe(1);
    expect(learnersIn(second.path)).toBe(2);
    expect(first.sizeBytes).toBe(fs.statSync(first.path).size);
    expect(findSnapshot(dataDir, first.id)).toEqual(first);
  });

  it('keeps five when several snapshots are taken in the same millisecond', async () => {
    const { sqlite, dataDir } = await dirs.open();
    const same = minute(30);
    const made = [];
    for (let n = 0; n < 7; n++) made.push(await createSnapshot(sqlite, dataDir, 'manual', same));
    expect(listSnapshots(dataDir)).toHaveLength(5);
    // The snapshot just taken is one of those kept.
    expect(fs.existsSync(made[6]?.path ?? '')).toBe(true);
  });

  it('reports an unknown snapshot id as not_found', () => {
    const error = dalaErrorOf(() => findSnapshot(dirs.make(), 'nope'));
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('id');
  });
});
