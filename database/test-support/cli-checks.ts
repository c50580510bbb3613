import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { databasePath } from '../data-dir';
import { contentHash, type DalaRun } from './temp-database';

/** Shared checks of the spawned-CLI tests for accounts, classes and the audit log. */

/** Reads the data folder's database with a connection of its own, closed afterwards. */
export function readDatabase<T>(dataDir: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

export const databaseHash = (dataDir: string): string => readDatabase(dataDir, contentHash);

/** Bad arguments: exit 2, nothing on stdout, one line on stderr that mentions `mentions`. */
export function expectUsageError(run: DalaRun, mentions: string): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dala: /);
  expect(lines[0]).toContain(mentions);
}

/** A refused or failed call: exit 1, nothing on stdout, one line with the typed message. */
export function expectFailure(run: DalaRun, mentions: string | RegExp): void {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^dala: [^\n]*\n$/);
  if (typeof mentions === 'string') expect(run.stderr).toContain(mentions);
  else expect(run.stderr).toMatch(mentions);
}

/** A command that must succeed; the message shows stderr when it did not. */
export function expectOk(run: DalaRun): DalaRun {
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run;
}
