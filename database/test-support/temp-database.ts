import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { DalaError } from '../../electron/common/errors';
import { openDatabase, type OpenedDatabase } from '../open';
import { profileChannelCaller, type ProfileChannelCaller } from './channel-caller';

/**
 * Shared fixture for database tests: real SQLite files in fresh temp folders, removed after each
 * test. Call `useTempDirs()` once at the top of a test file (it registers the afterEach).
 */

export interface TempDirs {
  /** A new empty folder under os.tmpdir(), removed (with any database left open closed) after the test. */
  make(): string;
  /** Opens (creating and migrating) dala.db in a new temp folder; closed after the test. */
  open(): Promise<OpenedDatabase>;
  /** Registers a database opened elsewhere so that it is closed after the test. */
  track(database: OpenedDatabase): OpenedDatabase;
}

export function useTempDirs(): TempDirs {
  const dirs: string[] = [];
  const opened: OpenedDatabase[] = [];
  afterEach(() => {
    for (const database of opened.splice(0)) database.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const make = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-test-'));
    dirs.push(dir);
    return dir;
  };
  const track = (database: OpenedDatabase): OpenedDatabase => {
    opened.push(database);
    return database;
  };
  return { make, track, open: async () => track(await openDatabase({ dataDir: make() })) };
}

/** A clock for the manager that starts at `start` and moves `stepMs` forward on every call. */
export interface TestClock {
  (): string;
  /** Sets the next time returned (it then keeps stepping from there). */
  set(iso: string): void;
  /** The last time returned. */
  last(): string;
}

export function testClock(start = '2026-03-02T09:00:00.000Z', stepMs = 1_000): TestClock {
  let next = Date.parse(start);
  let last = '';
  const clock = (() => {
    last = new Date(next).toISOString();
    next += stepMs;
    return last;
  }) as TestClock;
  clock.set = (iso: string) => {
    next = Date.parse(iso);
  };
  clock.last = () => last;
  return clock;
}

export interface ManagerFixture {
  database: OpenedDatabase;
  sqlite: Database.Database;
  manager: ProfileChannelCaller;
  clock: TestClock;
}

/** A migrated database in a temp folder with a manager on a deterministic clock. */
export async function openManager(dirs: TempDirs, clock: TestClock = testClock()): Promise<ManagerFixture> {
  const database = await dirs.open();
  return { database, sqlite: database.sqlite, manager: profileChannelCaller({ sqlite: database.sqlite, db: database.db, now: clock }), clock };
}

/** Every user table of the database (drizzle's bookkeeping included), by name. */
export function userTables(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/** Every row of a table, ordered by rowid, as JSON text. */
export function dumpTable(sqlite: Database.Database, table: string): string {
  return JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all());
}

/** A SHA-256 over every row of every table: equal before and after means nothing was written. */
export function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  // sqlite_sequence too: an AUTOINCREMENT counter that moved means something was written.
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence') ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  for (const table of tables) hash.update(`${table}\n${dumpTable(sqlite, table)}\n`);
  return hash.digest('hex');
}

export function rowCount(sqlite: Database.Database, table: string, where = '1', ...args: unknown[]): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get(...args) as { n: number }).n;
}

export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The seven tables that hold a learner's rows. */
export const CHILD_TABLES = [
  'preferences',
  'interests',
  'struggles',
  'cognitive_metrics',
  'learning_objective_progress',
  'badges',
  'activity_attempts',
] as const;

/** The error `fn` throws (fails the test when it throws none or something other than a DalaError). */
export function dalaErrorOf(fn: () => unknown): DalaError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected the call to throw a DalaError, but it returned');
  if (!(thrown instanceof DalaError)) throw new Error(`expected a DalaError, got ${String(thrown)}`);
  return thrown;
}

/** Same as dalaErrorOf for a promise. */
export async function rejectedDalaError(promise: Promise<unknown>): Promise<DalaError> {
  let thrown: unknown;
  try {
    await promise;
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected the promise to reject with a DalaError, but it resolved');
  if (!(thrown instanceof DalaError)) throw new Error(`expected a DalaError, got ${String(thrown)}`);
  return thrown;
}

/** The project root, where `bin/dala.cjs` lives. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export interface DalaRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `dala` CLI in a child process, as an educator would (`DALA_DATA_DIR` cleared).
 * `stdin` is piped in (and then closed), as `printf '%s\n' "$P" | dala …` would; without it stdin is empty.
 */
export function runDala(args: readonly string[], env: NodeJS.ProcessEnv = {}, stdin?: string): DalaRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DALA_DATA_DIR' in env)) delete childEnv.DALA_DATA_DIR;
  const result = spawnSync(process.execPath, [path.join('bin', 'dala.cjs'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: childEnv, timeout: 20_000, input: stdin ?? '' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
