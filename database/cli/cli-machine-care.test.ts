import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../app-version';
import { databasePath } from '../data-dir';
import { appSchemaVersion } from '../migrations-folder';
import { listSnapshots } from '../snapshots';
import { databaseHash, expectUsageError, readDatabase } from '../test-support/cli-checks';
import { runDala, useTempDirs } from '../test-support/temp-database';

/**
 * The commands a lab machine's cron job or an IT person runs (issue "Looking after installed lab
 * machines"), each through a spawned `dala`: version, schema history and dry run, rollback,
 * automatic backups, restore policies, verify --verbose --fix, status timing.
 */

const dirs = useTempDirs();
const FIXTURE = path.join(__dirname, '..', 'test-fixtures', 'schema-v1-app-0.1.0.db');

const dala = (dataDir: string, ...args: string[]) => runDala(['--data-dir', dataDir, ...args]);
const ok = (dataDir: string, ...args: string[]) => {
  const run = dala(dataDir, ...args);
  expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
};
const learnerNames = (dataDir: string) => (JSON.parse(ok(dataDir, 'learners', 'list', '--json').stdout) as Array<{ displayName: string }>).map((l) => l.displayName).sort();
const newLearner = (dataDir: string, name: string) => ok(dataDir, 'learners', 'create', '--name', name).stdout.trim().split(/\s+/).at(-1) as string;

describe('dala --version and the schema', () => {
  it('prints the app version and the schema version it knows', () => {
    const run = runDala(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`dala ${APP_VERSION} (database schema version ${appSchemaVersion()})\n`);
  });

  it('db history, migrate --dry-run (SQL, nothing changed), migrate, then rollback --yes puts back the old file', () => {
    const dataDir = dirs.make();
    fs.copyFileSync(FIXTURE, databasePath(dataDir));
    const before = databaseHash(dataDir);

    const history = JSON.parse(ok(dataDir, 'db', 'history', '--json').stdout) as Array<{ version: number; applied: boolean }>;
    expect(history.map((h) => [h.version, h.applied])).toEqual([...Array(appSchemaVersion()).keys()].map((i) => [i + 1, i + 1 <= 1]));

    const dry = ok(dataDir, 'db', 'migrate', '--dry-run');
    expect(dry.stdout).toMatch(/^-- Dry run: upgrading from schema version 1 would run this SQL/);
    expect(dry.stdout).toContain('CREATE TABLE');
    expect(databaseHash(dataDir)).toBe(before);

    expectUsageError(dala(dataDir, 'db', 'rollback'), '--yes');
    ok(dataDir, 'db', 'migrate');
    expect(readDatabase(dataDir, (s) => s.pragma('user_version', { simple: true }))).toBe(appSchemaVersion());
    expect(ok(dataDir, 'db', 'history').stdout).toMatch(/\n2 +\S+ +yes +\d{4}-/);

    const rolled = ok(dataDir, 'db', 'rollback', '--yes');
    expect(rolled.stdout).toMatch(new RegExp(`^Rolled back from schema version ${appSchemaVersion()} to 1`));
    expect(databaseHash(dataDir)).toBe(before);
    expect(readDatabase(dataDir, (s) => s.pragma('user_version', { simple: true }))).toBe(1);
    expect(listSnapshots(dataDir).map((s) => s.reason).sort()).toEqual(['pre-migrate', 'pre-rollback']);
  });

  it('snapshot restore works on the files alone when the app is closed', () => {
    const dataDir = dirs.make();
    newLearner(dataDir, 'Ada');
    ok(dataDir, 'snapshot', 'create');
    const [snapshot] = listSnapshots(dataDir);
    newLearner(dataDir, 'Ben');
    const run = ok(dataDir, 'snapshot', 'restore', snapshot!.id);
    expect(run.stdout).toMatch(/^Restored snapshot .+ The state before was kept as snapshot /);
    expect(learnerNames(dataDir)).toEqual(['Ada']);
  });
});

describe('dala backups', () => {
  it('run makes a checked copy, list shows it, restore --yes brings it back after a snapshot', () => {
    const dataDir = dirs.make();
    newLearner(dataDir, 'Ada');
    const made = ok(dataDir, 'backups', 'run');
    expect(made.stdout).toMatch(/^Made backup copy (\S+) \(/);
    const copies = JSON.parse(ok(dataDir, 'backups', 'list', '--json').stdout) as Array<{ id: string }>;
    expect(copies).toHaveLength(1);
    expect(ok(dataDir, 'backups', 'list').stdout).toContain(copies[0]!.id);

    newLearner(dataDir, 'Ben');
    expectUsageError(dala(dataDir, 'backups', 'restore', copies[0]!.id), '--yes');
    expect(learnerNames(dataDir)).toEqual(['Ada', 'Ben']);
    const restored = ok(dataDir, 'backups', 'restore', copies[0]!.id, '--yes');
    expect(restored.stdout).toMatch(/^Restored backup copy .+ kept as snapshot /);
    expect(learnerNames(dataDir)).toEqual(['Ada']);

    const unknown = dala(dataDir, 'backups', 'restore', 'no-such-copy', '--yes');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^dala: /);
  });
});

describe('dala restore policies', () => {
  function twoMachines() {
    const source = dirs.make();
    const adaId = newLearner(source, 'Ada');
    newLearner(source, 'Ben');
    const file = path.join(dirs.make(), 'backup.json');
    ok(source, 'backup', '--out', file);
    const target = dirs.make();
    fs.copyFileSync(databasePath(source), databasePath(target));
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(databasePath(source) + suffix)) fs.copyFileSync(databasePath(source) + suffix, databasePath(target) + suffix);
    return { source, target, file, adaId };
  }

  it('--on-conflict skip leaves learners who are here, with progress on stderr and the counts', () => {
    const { target, file } = twoMachines();
    const run = ok(target, 'restore', file, '--on-conflict', 'skip');
    expect(run.stderr).toContain('restoring: 2/2 learners (2 skipped)');
    expect(run.stdout).toContain('Learners: 2 skipped.');
  });

  it('--on-conflict error refuses the whole restore and changes nothing; a bad policy is a usage error', () => {
    const { target, file } = twoMachines();
    const before = databaseHash(target);
    const run = dala(target, 'restore', file, '--on-conflict', 'error');
    expect(run.status).toBe(1);
    expect(databaseHash(target)).toBe(before);
    expectUsageError(dala(target, 'restore', file, '--on-conflict', 'sometimes'), '--on-conflict');
    expectUsageError(dala(target, 'restore', file, '--allow-partial'), '--allow-partial');
  });

  it('a filtered backup is flagged by backup verify, and --replace with it needs --allow-partial', () => {
    const { source, adaId } = twoMachines();
    const partial = path.join(dirs.make(), 'ada-only.json');
    ok(source, 'backup', '--out', partial, '--learner', adaId);
    expect(ok(source, 'backup', 'verify', partial).stdout).toContain('Filtered backup (1 chosen learner(s))');
    expect(JSON.parse(ok(source, 'backup', 'verify', partial, '--json').stdout)).toMatchObject({ filtered: true });

    const target = dirs.make();
    newLearner(target, 'Chloé');
    const before = databaseHash(target);
    const refused = dala(target, 'restore', partial, '--replace');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('made with filters');
    expect(databaseHash(target)).toBe(before);
    ok(target, 'restore', partial, '--replace', '--allow-partial');
    expect(learnerNames(target)).toEqual(['Ada']);
  });
});

describe('dala verify --verbose --fix and db status', () => {
  it('lists every check after the counts, repairs missing progress after a snapshot', () => {
    const dataDir = dirs.make();
    ok(dataDir, 'seed', '--learners', '2', '--attempts', '3', '--seed', '5');
    const sqlite = new Database(databasePath(dataDir));
    const removed = sqlite.prepare('DELETE FROM learning_objective_progress WHERE rowid IN (SELECT rowid FROM learning_objective_progress LIMIT 1)').run().changes;
    sqlite.close();
    expect(removed).toBe(1);

    const found = dala(dataDir, 'verify', '--verbose');
    expect(found.status).toBe(1);
    const lines = found.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Checked 2 learner\(s\) and \d+ row\(s\)\.$/);
    expect(lines.some((l) => /^ {2}PROBLEM {2}/.test(l))).toBe(true);
    expect(lines.filter((l) => /^ {2}ok {5} {2}/.test(l)).length).toBeGreaterThan(2);
    expect(found.stdout).toContain('but no progress for it');

    const fixed = ok(dataDir, 'verify', '--fix');
    expect(fixed.stdout).toMatch(/A snapshot was taken before the repair: \S+\./);
    expect(fixed.stdout).toContain('Rebuilt 1 missing progress row(s)');
    expect(listSnapshots(dataDir).map((s) => s.reason)).toEqual(['pre-repair']);
    expect(ok(dataDir, 'verify').stdout.trimEnd().split('\n').at(-1)).toBe('The database is healthy.');
  });

  it('db status times the largest profile', () => {
    const dataDir = dirs.make();
    ok(dataDir, 'seed', '--learners', '3', '--attempts', '4', '--seed', '9');
    const status = JSON.parse(ok(dataDir, 'db', 'status', '--json').stdout) as { largestProfile: { attempts: number; loadMs: number } };
    expect(status.largestProfile.attempts).toBe(4);
    expect(status.largestProfile.loadMs).toBeGreaterThan(0);
    expect(ok(dataDir, 'db', 'status').stdout).toMatch(/Largest profile: \S+ \(4 attempts\) loads in \d+\.\d ms/);
  });
});
