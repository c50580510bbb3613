import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath } from './data-dir';
import { appSchemaVersion } from './migrations-folder';
import { openDatabase } from './open';
import { listSnapshots } from './snapshots';
import { useTempDirs } from './test-support/temp-database';
import { readLearnerTransfer } from './transfer/profile-file';

const dirs = useTempDirs();

/** A database written by DALA 0.1.0 (schema version 1): 7 learners, 72 attempts, removed interests, preferences and struggles. */
const FIXTURE = path.join(__dirname, 'test-fixtures', 'schema-v1-app-0.1.0.db');

function everyProfile(sqlite: Database.Database): string {
  const ids = (sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  return JSON.stringify(ids.map((id) => readLearnerTransfer(sqlite, id)));
}

describe('upgrading a database made by today\'s version (0.1.0, schema 1)', () => {
  it('keeps every profile, tombstones included, and keeps a snapshot of the file as it was', async () => {
    const dataDir = dirs.make();
    fs.copyFileSync(FIXTURE, databasePath(dataDir));
    const old = new Database(databasePath(dataDir), { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    const before = everyProfile(old);
    const tombstones = old.prepare('SELECT (SELECT count(*) FROM interests WHERE deleted_at IS NOT NULL) + (SELECT count(*) FROM preferences WHERE deleted_at IS NOT NULL) + (SELECT count(*) FROM struggles WHERE deleted_at IS NOT NULL) AS n').get() as { n: number };
    old.close();
    expect(tombstones.n).toBeGreaterThanOrEqual(3);

    const upgraded = dirs.track(await openDatabase({ dataDir }));
    expect(upgraded.migratedFromVersion).toBe(1);
    expect(upgraded.schemaVersion).toBe(appSchemaVersion());
    expect(everyProfile(upgraded.sqlite)).toBe(before);
    expect(JSON.parse(before)).toHaveLength(7);
    // The new tables are there and empty: no educator yet, so Educator tools offer the first-admin setup.
    for (const table of ['educators', 'classes', 'class_members', 'learner_secrets', 'audit_log', 'settings']) {
      expect((upgraded.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    const [snapshot] = listSnapshots(dataDir).filter((s) => s.reason === 'pre-migrate');
    expect(snapshot).toBeDefined();
    const kept = new Database(snapshot!.path, { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(1);
    expect(everyProfile(kept)).toBe(before);
    kept.close();
  });
});
