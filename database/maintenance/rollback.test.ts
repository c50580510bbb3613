import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { markAppRunning } from '../app-running';
import { databasePath } from '../data-dir';
import { appSchemaVersion } from '../migrations-folder';
import { openDatabase } from '../open';
import { listSnapshots } from '../snapshots';
import { rejectedDalaError, useTempDirs } from '../test-support/temp-database';
import { readLearnerTransfer } from '../transfer/profile-file';
import { pendingMigrationSql, rollBackLastUpgrade, schemaHistory } from './schema-maintenance';

const dirs = useTempDirs();
const FIXTURE = path.join(__dirname, '..', 'test-fixtures', 'schema-v1-app-0.1.0.db');

/** What version 0.1.0 looks at when it opens a file: the schema it made, and user_version 1. */
function asVersion010Sees(file: string): { userVersion: number; schema: string; profiles: string } {
  const sqlite = new Database(file, { readonly: true });
  try {
    const ids = (sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    return {
      userVersion: sqlite.pragma('user_version', { simple: true }) as number,
      schema: JSON.stringify(sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all()),
      profiles: JSON.stringify(ids.map((id) => readLearnerTransfer(sqlite, id))),
    };
  } finally {
    sqlite.close();
  }
}

async function upgradedFromVersion010() {
  const dataDir = dirs.make();
  fs.copyFileSync(FIXTURE, databasePath(dataDir));
  const upgraded = await openDatabase({ dataDir });
  upgraded.sqlite.prepare("INSERT INTO classes (id, name, sign_in_method, created_at, updated_at) VALUES ('c1', 'Class 1', 'none', ?, ?)").run('2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
  upgraded.close();
  return dataDir;
}

describe('dala db rollback', () => {
  it('puts back exactly what version 0.1.0 wrote, after keeping the newer database as a snapshot', async () => {
    const original = asVersion010Sees(FIXTURE);
    const dataDir = await upgradedFromVersion010();
    const result = await rollBackLastUpgrade(dataDir);
    expect(result).toMatchObject({ fromVersion: appSchemaVersion(), toVersion: 1, restored: { reason: 'pre-migrate' }, safety: { reason: 'pre-rollback' } });
    for (const suffix of ['-wal', '-shm']) expect(fs.existsSync(`${databasePath(dataDir)}${suffix}`)).toBe(false);
    expect(asVersion010Sees(databasePath(dataDir))).toEqual(original);
    // The newer database, class included, is in the safety snapshot.
    const kept = new Database(result.safety!.path, { readonly: true });
    expect(kept.prepare('SELECT id FROM classes').all()).toEqual([{ id: 'c1' }]);
    kept.close();
    // This version can open it again (and upgrades it again, with a new pre-migrate snapshot).
    const again = await openDatabase({ dataDir });
    expect(again.migratedFromVersion).toBe(1);
    again.close();
  });

  it('refuses while the app has the database open, and changes nothing', async () => {
    const dataDir = await upgradedFromVersion010();
    const app = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      markAppRunning(dataDir, app.pid!);
      const before = fs.readFileSync(databasePath(dataDir));
      const refused = await rejectedDalaError(rollBackLastUpgrade(dataDir));
      expect(refused.code).toBe('conflict');
      expect(refused.message).toMatch(/Close the app/);
      expect(fs.readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
      expect(listSnapshots(dataDir).filter((s) => s.reason === 'pre-rollback')).toEqual([]);
    } finally {
      app.kill();
    }
  });

  it('says there is nothing to roll back on a database that was never upgraded', async () => {
    const database = await dirs.open();
    database.close();
    expect((await rejectedDalaError(rollBackLastUpgrade(database.dataDir))).code).toBe('not_found');
  });
});

describe('dala db history and migrate --dry-run', () => {
  it('lists every schema version with when this database got it', async () => {
    const dataDir = await upgradedFromVersion010();
    const sqlite = new Database(databasePath(dataDir));
    const history = schemaHistory(sqlite, 3);
    sqlite.close();
    expect(history).toEqual([
      { version: 1, tag: '0000_initial_schema', applied: true, appliedAt: null, appVersion: null },
      { version: 2, tag: '0001_school_accounts', applied: true, appliedAt: expect.stringMatching(/^\d{4}-/), appVersion: expect.any(String) },
      { version: 3, tag: '0002_school_hub_sync', applied: true, appliedAt: expect.stringMatching(/^\d{4}-/), appVersion: expect.any(String) },
    ]);
  });

  it('shows the SQL an upgrade would run', () => {
    const pending = pendingMigrationSql(1);
    expect(pending.map((p) => p.tag)).toEqual(['0001_school_accounts', '0002_school_hub_sync']);
    expect(pending[0]!.statements.some((s) => s.startsWith('CREATE TABLE `educators`'))).toBe(true);
    expect(pendingMigrationSql(appSchemaVersion())).toEqual([]);
  });
});
