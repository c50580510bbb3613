import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { DalaError } from '../electron/common/errors';
import { databasePath } from './data-dir';
import { APP_VERSION } from './app-version';
import { appSchemaVersion, knownMigrations, migrationTags } from './migrations-folder';
import * as learnerSchema from './schema';
import * as schoolSchema from './schema-school';
import { createSnapshot, type SnapshotInfo } from './snapshots';
import { ensureSyncTriggers } from './sync/triggers';

const schema = { ...learnerSchema, ...schoolSchema };
export type DalaDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: DalaDb;
  dataDir: string;
  path: string;
  schemaVersion: number;
  /** The schema version the file had when migrations ran during this open, if they did. */
  migratedFromVersion: number | undefined;
  /** The snapshot taken before those migrations (none for a new, empty file). */
  migrationSnapshot: SnapshotInfo | undefined;
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  /** False opens without migrating (used by `dala db status`); a too-new file is still refused. */
  migrate?: boolean;
  /**
   * A better-sqlite3 build for another ABI (Electron run from a checkout). Only the shell decides
   * this, never the environment directly: a packaged app passes none.
   */
  nativeBinding?: string;
}

/** Refuses a file from a newer app: reading it with an older schema could silently lose data. */
export class DatabaseTooNewError extends DalaError {
  constructor(readonly fileVersion: number, readonly appVersion: number, file: string) {
    super(
      'storage',
      `The database ${file} was written by a newer version of DALA Learner Profile (schema version ${fileVersion}); ` +
        `this app understands schema version ${appVersion} at most. Install the newer app, or use another data folder. Nothing was changed.`,
    );
  }
}

const DRIZZLE_TABLE = '__drizzle_migrations';
/** When each schema version was applied, and by which app version (`dala db history`). */
export const HISTORY_TABLE = 'dala_schema_history';

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Lab machines are switched off at the wall: every commit must reach the disk.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // Deleting a learner must really erase them: freed pages are overwritten, not left readable.
  sqlite.pragma('secure_delete = ON');
}

function readUserVersion(sqlite: Database.Database, file: string): number {
  try {
    return sqlite.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new DalaError('storage', `The file ${file} is not a DALA database or is damaged (${(error as Error).message}). Restore a snapshot or choose another data folder.`);
  }
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n > 0;
}

/** Runs every pending migration, drizzle's bookkeeping and `user_version` in one transaction. */
function migrate(sqlite: Database.Database, fromVersion: number): void {
  const pending = knownMigrations().slice(fromVersion);
  sqlite.transaction(() => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${DRIZZLE_TABLE}" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`);
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${HISTORY_TABLE}" (version INTEGER PRIMARY KEY, tag TEXT NOT NULL, applied_at TEXT NOT NULL, app_version TEXT NOT NULL)`);
    const record = sqlite.prepare(`INSERT INTO "${DRIZZLE_TABLE}" (hash, created_at) VALUES (?, ?)`);
    const history = sqlite.prepare(`INSERT OR REPLACE INTO "${HISTORY_TABLE}" (version, tag, applied_at, app_version) VALUES (?, ?, ?, ?)`);
    const appliedAt = new Date().toISOString();
    pending.forEach((migration, i) => {
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
      record.run(migration.hash, migration.folderMillis);
      history.run(fromVersion + i + 1, migrationTags()[fromVersion + i] ?? 'unknown', appliedAt, APP_VERSION);
    });
    sqlite.pragma(`user_version = ${appSchemaVersion()}`);
  }).immediate();
}

export function checkIntegrity(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
  for (const r of rows) if (r.integrity_check !== 'ok') problems.push(`integrity_check: ${r.integrity_check}`);
  const fk = sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  for (const r of fk) problems.push(`foreign_key_check: ${r.table} row ${r.rowid} points to a missing ${r.parent} row`);
  return problems;
}

/**
 * Opens (or creates) `dala.db` in `dataDir`: refuses a newer schema before touching anything,
 * sets the durability pragmas, snapshots then migrates an older schema, and checks integrity.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const { dataDir } = options;
  const file = databasePath(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DalaError('storage', `The data folder ${dataDir} cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you can write to.`);
  }
  let sqlite: Database.Database;
  try {
    sqlite = options.nativeBinding ? new Database(file, { nativeBinding: options.nativeBinding }) : new Database(file);
  } catch (error) {
    throw new DalaError('storage', `The database ${file} cannot be opened (${(error as Error).message}). Check that the folder can be written to.`);
  }
  try {
    const appVersion = appSchemaVersion();
    const fileVersion = readUserVersion(sqlite, file);
    if (fileVersion > appVersion) throw new DatabaseTooNewError(fileVersion, appVersion, file);
    applyPragmas(sqlite);
    let migrationSnapshot: SnapshotInfo | undefined;
    let migratedFromVersion: number | undefined;
    if (fileVersion < appVersion && options.migrate !== false) {
      migratedFromVersion = fileVersion;
      if (hasUserTables(sqlite)) migrationSnapshot = await createSnapshot(sqlite, dataDir, 'pre-migrate');
      try {
        migrate(sqlite, fileVersion);
      } catch (error) {
        const kept = migrationSnapshot ? ` A snapshot of the database was kept as ${migrationSnapshot.id}.` : '';
        throw new DalaError('storage', `Upgrading the database from schema version ${fileVersion} to ${appVersion} failed, and nothing was changed (${(error as Error).message}).${kept}`);
      }
      const problems = checkIntegrity(sqlite);
      if (problems.length > 0) {
        throw new DalaError('storage', `The database failed its integrity check after upgrading (${problems[0]}). A snapshot of it was kept in the snapshots folder.`);
      }
    }
    // Enrolled in a school hub: a migration that rebuilt a table dropped its outbox triggers.
    if (options.migrate !== false) ensureSyncTriggers(sqlite);
    const schemaVersion = readUserVersion(sqlite, file);
    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      dataDir,
      path: file,
      schemaVersion,
      migratedFromVersion,
      migrationSnapshot,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
