import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createChannelDispatcher } from '../database/channels/dispatch';
import { APP_VERSION } from '../database/app-version';
import { databasePath } from '../database/data-dir';
import { openDatabase, type OpenedDatabase } from '../database/open';

/**
 * Data folders for the bench. "Ours" opens them with the app's openDatabase; "raw" opens the same
 * kind of file with a bare better-sqlite3 connection and the same pragmas (checked, not assumed).
 */

export const PRAGMAS = ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout'] as const;

export function pragmasOf(sqlite: Database.Database): Record<string, unknown> {
  return Object.fromEntries(PRAGMAS.map((p) => [p, sqlite.pragma(p, { simple: true })]));
}

/** A bare connection with the pragmas open.ts sets: WAL, foreign keys, synchronous=FULL, busy_timeout. */
export function openRaw(dataDir: string): Database.Database {
  const sqlite = new Database(databasePath(dataDir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Throws unless the raw connection runs with exactly the app's pragmas. */
export function assertSamePragmas(ours: Database.Database, raw: Database.Database): void {
  const a = JSON.stringify(pragmasOf(ours));
  const b = JSON.stringify(pragmasOf(raw));
  if (a !== b) throw new Error(`the raw baseline does not use the app's pragmas: ${b} vs ${a}`);
}

/** A migrated, empty database in `root/name`. */
export async function createDataDir(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: dir });
  database.close();
  return dir;
}

/** Copies a closed data folder's database (checkpointed, so one file) into a fresh folder. */
export function copyDataDir(from: string, root: string, name: string): string {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(databasePath(from), databasePath(dir));
  return dir;
}

/** Folds the WAL into the main file so that copying dala.db alone copies everything. */
export function checkpoint(dataDir: string): void {
  const sqlite = new Database(databasePath(dataDir));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

export interface AppSide {
  database: OpenedDatabase;
  handlers: ReturnType<typeof createChannelDispatcher>;
  close(): Promise<void>;
}

/** The real handlers (the ones IPC and the HTTP host call) on a data folder. */
export async function openApp(dataDir: string): Promise<AppSide> {
  const database = await openDatabase({ dataDir });
  const handlers = createChannelDispatcher(database, { appVersion: APP_VERSION, shell: 'browser' });
  return {
    database,
    handlers,
    close: async () => {
      await handlers.close();
      database.close();
    },
  };
}
