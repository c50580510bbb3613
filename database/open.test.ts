import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DalaError } from '../electron/common/errors';
import { databasePath } from './data-dir';
import { appSchemaVersion, knownMigrations } from './migrations-folder';
import { checkIntegrity, DatabaseTooNewError, openDatabase } from './open';
import { listSnapshots, snapshotsDir } from './snapshots';
import { fileSha256, rejectedDalaError, useTempDirs, userTables } from './test-support/temp-database';

const dirs = useTempDirs();

const APP_TABLES = [
  'activity_attempts',
  'audit_log',
  'badges',
  'class_coaches',
  'class_members',
  'classes',
  'cognitive_metrics',
  'dala_schema_history',
  'educators',
  'interests',
  'learner_profiles',
  'learner_secrets',
  'learning_objective_progress',
  'preferences',
  'settings',
  'sign_in_throttle',
  'struggles',
  'sync_deleted_learners',
  'sync_operations',
  'sync_state',
];

/** A file as an older app (before any of our migrations) would have left it: one table, user_version 0. */
function writeLegacyDatabase(dataDir: string): void {
  const legacy = new Database(databasePath(dataDir));
  legacy.exec("CREATE TABLE legacy_notes (id INTEGER PRIMARY KEY, note TEXT NOT NULL); INSERT INTO legacy_notes (note) VALUES ('kept by the snapshot');");
  legacy.pragma('user_version = 0');
  legacy.close();
}

describe('openDatabase on a new folder', () => {
  it('sets WAL, foreign keys, synchronous=FULL and a busy timeout on the connection', async () => {
    const { sqlite } = await dirs.open();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('records the schema version in user_version and one drizzle row per migration, in order', async () => {
    const database = await dirs.open();
    const migrations = knownMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(database.schemaVersion).toBe(appSchemaVersion());
    expect(database.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    const rows = database.sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY id').all() as Array<{ hash: string; createdAt: number }>;
    expect(rows).toEqual(migrations.map((m) => ({ hash: m.hash, createdAt: m.folderMillis })));
  });

  it('creates the tables (the eight of a profile, and the school\'s) and passes the integrity checks after migrating', async () => {
    const database = await dirs.open();
    expect(userTables(database.sqlite).filter((t) => !t.startsWith('__'))).toEqual(APP_TABLES);
    expect(checkIntegrity(database.sqlite)).toEqual([]);
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('takes no snapshot of a brand-new file', async () => {
    const database = await dirs.open();
    expect(database.migratedFromVersion).toBe(0);
    expect(database.migrationSnapshot).toBeUndefined();
    expect(fs.existsSync(snapshotsDir(database.dataDir))).toBe(false);
  });

  it('reopens an up-to-date file without migrating again', async () => {
    const first = await dirs.open();
    first.close();
    const again = dirs.track(await openDatabase({ dataDir: first.dataDir }));
    expect(again.migratedFromVersion).toBeUndefined();
    expect(again.migrationSnapshot).toBeUndefined();
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(knownMigrations().length);
  });
});

describe('openDatabase refuses what it must not touch', () => {
  it('refuses a file from a newer app, naming both versions, and changes nothing', async () => {
    const dataDir = dirs.make();
    (await openDatabase({ dataDir })).close();
    const raw = new Database(databasePath(dataDir));
    raw.pragma(`user_version = ${appSchemaVersion() + 41}`);
    raw.close();
    const before = fileSha256(databasePath(dataDir));
    const listing = fs.readdirSync(dataDir).sort();

    const error = await rejectedDalaError(openDatabase({ dataDir }));

    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error.code).toBe('storage');
    expect(error.message).toContain(`schema version ${appSchemaVersion() + 41}`);
    expect(error.message).toContain(`schema version ${appSchemaVersion()} at most`);
    expect(fileSha256(databasePath(dataDir))).toBe(before);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
    expect(fs.existsSync(snapshotsDir(dataDir))).toBe(false);
  });

  it('refuses a newer file even when opened without migrating', async () => {
    const dataDir = dirs.make();
    const raw = new Database(databasePath(dataDir));
    raw.pragma(`user_version = ${appSchemaVersion() + 1}`);
    raw.close();
    const error = await rejectedDalaError(openDatabase({ dataDir, migrate: false }));
    expect(error).toBeInstanceOf(DatabaseTooNewError);
  });

  it('reports a file that is not SQLite as a storage error and leaves it as it was', async () => {
    const dataDir = dirs.make();
    const file = databasePath(dataDir);
    fs.writeFileSync(file, Buffer.from('this is a lesson plan, not a database\n'.repeat(200)));
    const before = fileSha256(file);
    const error = await rejectedDalaError(openDatabase({ dataDir }));
    expect(error.code).toBe('storage');
    expect(error.message).toContain(file);
    expect(fileSha256(file)).toBe(before);
  });

  it('reports a data folder that cannot be created as a storage error', async () => {
    const blocker = path.join(dirs.make(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const error = await rejectedDalaError(openDatabase({ dataDir: path.join(blocker, 'data') }));
    expect(error.code).toBe('storage');
  });
});

describe('upgrading an older file', () => {
  it('snapshots the file before migrating; the snapshot is the old database, intact', async () => {
    const dataDir = dirs.make();
    writeLegacyDatabase(dataDir);

    const database = dirs.track(await openDatabase({ dataDir }));

    expect(database.migratedFromVersion).toBe(0);
    expect(database.schemaVersion).toBe(appSchemaVersion());
    const snapshots = listSnapshots(dataDir);
    expect(snapshots.map((s) => s.reason)).toEqual(['pre-migrate']);
    expect(database.migrationSnapshot?.path).toBe(snapshots[0]?.path);
    const copy = new Database(snapshots[0]?.path ?? '', { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(0);
      expect(copy.prepare('SELECT note FROM legacy_notes').all()).toEqual([{ note: 'kept by the snapshot' }]);
      expect(userTables(copy)).toEqual(['legacy_notes']);
    } finally {
      copy.close();
    }
    expect(userTables(database.sqlite)).toEqual(expect.arrayContaining([...APP_TABLES, 'legacy_notes', '__drizzle_migrations']));
    expect(checkIntegrity(database.sqlite)).toEqual([]);
  });

  it('leaves an older file alone when opened with migrate: false', async () => {
    const dataDir = dirs.make();
    writeLegacyDatabase(dataDir);
    const database = dirs.track(await openDatabase({ dataDir, migrate: false }));
    expect(database.schemaVersion).toBe(0);
    expect(database.migratedFromVersion).toBeUndefined();
    expect(userTables(database.sqlite)).toEqual(['legacy_notes']);
    expect(fs.existsSync(snapshotsDir(dataDir))).toBe(false);
  });

  /** A table in the way makes the first CREATE TABLE fail: the migration must leave no trace. */
  function writeBlockedDatabase(dataDir: string): void {
    const raw = new Database(databasePath(dataDir));
    raw.exec('CREATE TABLE learner_profiles (something_else TEXT)');
    raw.close();
  }

  it('rolls a failed migration back completely (one transaction)', async () => {
    const dataDir = dirs.make();
    writeBlockedDatabase(dataDir);
    await expect(openDatabase({ dataDir })).rejects.toThrow();
    const raw = new Database(databasePath(dataDir), { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(0);
      expect(userTables(raw)).toEqual(['learner_profiles']);
    } finally {
      raw.close();
    }
  });

  it('reports a failed migration as a typed storage error', async () => {
    const dataDir = dirs.make();
    writeBlockedDatabase(dataDir);
    const thrown = await openDatabase({ dataDir }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(DalaError);
    expect((thrown as DalaError).code).toBe('storage');
  });
});
