import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../data-dir';
import type { DatabaseStatistics } from '../maintenance/statistics';
import type { VerifyReport } from '../maintenance/verify';
import { appSchemaVersion } from '../migrations-folder';
import { listSnapshots } from '../snapshots';
import { fileSha256, runDala, useTempDirs } from '../test-support/temp-database';

/** `dala seed`, `stats`, `verify` and `db …` through a spawned process, on one data folder where possible. */

const dirs = useTempDirs();

function withRawConnection(dataDir: string, work: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(databasePath(dataDir));
  try {
    work(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('dala seed, stats, verify and db status on one folder', () => {
  it('seeds, counts, verifies healthy, reports damage by table and row, and fixes orphans', () => {
    const dataDir = dirs.make();
    const seeded = runDala(['--data-dir', dataDir, 'seed', '--learners', '3', '--attempts', '5', '--seed', '7']);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toBe('Created 3 learner(s) with 15 attempt(s) (seed 7).\n');

    const stats = runDala(['--data-dir', dataDir, 'stats', '--json']);
    expect(stats.status).toBe(0);
    const parsed = JSON.parse(stats.stdout) as DatabaseStatistics;
    expect(parsed.learners).toBe(3);
    expect(parsed.tables.activity_attempts.rows).toBe(15);
    expect(parsed.attemptsPerLearner).toEqual({ min: 5, max: 5, mean: 5, median: 5 });

    const healthy = runDala(['--data-dir', dataDir, 'verify']);
    expect(healthy.status).toBe(0);
    expect(healthy.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Checked 3 learner\(s\) and \d+ row\(s\)\.$/), 'The database is healthy.']);

    let orphanRow = 0;
    let futureRow = 0;
    withRawConnection(dataDir, (sqlite) => {
      sqlite.pragma('foreign_keys = OFF');
      orphanRow = Number(sqlite.prepare("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('ghost', 'Space', '2026-01-01T00:00:00.000Z')").run().lastInsertRowid);
      futureRow = Number(
        sqlite.prepare("INSERT INTO badges (learner_id, badge_id, badge_name, earned_date) SELECT id, 'from_the_future', 'Future', '2999-01-01T00:00:00.000Z' FROM learner_profiles LIMIT 1").run().lastInsertRowid,
      );
    });

    const damaged = runDala(['--data-dir', dataDir, 'verify']);
    expect(damaged.status).toBe(1);
    const lines = damaged.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Found 2 problem(s).');
    expect(lines[0]).toMatch(/^Checked 3 learner\(s\) and /);
    expect(lines.slice(1, -1).sort()).toEqual([
      `orphan: interests row ${orphanRow}: belongs to learner "ghost", who does not exist`,
      `timestamp: badges row ${futureRow}: earned_date 2999-01-01T00:00:00.000Z is in the future`,
    ]);

    const fixed = runDala(['--data-dir', dataDir, 'verify', '--fix-orphans', '--json']);
    expect(fixed.status).toBe(1);
    const report = JSON.parse(fixed.stdout) as VerifyReport;
    expect(report.orphansRemoved).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ check: 'timestamp', table: 'badges', rowId: futureRow })]);
  });

  it('db status --json describes the file', () => {
    const dataDir = dirs.make();
    runDala(['--data-dir', dataDir, 'learners', 'create', '--name', 'Ada']);
    const run = runDala(['--data-dir', dataDir, 'db', 'status', '--json']);
    expect(run.status).toBe(0);
    const status = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      path: databasePath(path.resolve(dataDir)),
      exists: true,
      schemaVersion: appSchemaVersion(),
      appSchemaVersion: appSchemaVersion(),
      journalMode: 'wal',
      integrity: 'ok',
      learners: 1,
    });
    expect(status.sizeBytes).toBeGreaterThan(0);
  });
});

describe('dala db migrate and newer files', () => {
  it('db migrate upgrades an older file and keeps a pre-migrate snapshot', () => {
    const dataDir = dirs.make();
    withRawConnection(dataDir, (sqlite) => {
      sqlite.exec("CREATE TABLE legacy_notes (note TEXT); INSERT INTO legacy_notes VALUES ('old')");
    });
    const run = runDala(['--data-dir', dataDir, 'db', 'migrate']);
    expect(run.status).toBe(0);
    const snapshots = listSnapshots(dataDir);
    expect(snapshots.map((s) => s.reason)).toEqual(['pre-migrate']);
    expect(run.stdout).toBe(`Upgraded the database from schema version 0 to ${appSchemaVersion()}. The previous database was kept as snapshot ${snapshots[0]?.id}.\n`);
    withRawConnection(dataDir, (sqlite) => {
      expect(sqlite.pragma('user_version', { simple: true })).toBe(appSchemaVersion());
      expect(sqlite.prepare('SELECT note FROM legacy_notes').all()).toEqual([{ note: 'old' }]);
    });
  });

  it('refuses a file from a newer app: exit 1, both versions named, file unchanged', () => {
    const dataDir = dirs.make();
    withRawConnection(dataDir, (sqlite) => {
      sqlite.exec('CREATE TABLE from_the_future (x)');
      sqlite.pragma(`user_version = ${appSchemaVersion() + 7}`);
    });
    const before = fileSha256(databasePath(dataDir));
    const run = runDala(['--data-dir', dataDir, 'learners', 'list']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^dala: [^\n]*\n$/);
    expect(run.stderr).toContain(`schema version ${appSchemaVersion() + 7}`);
    expect(run.stderr).toContain(`schema version ${appSchemaVersion()} at most`);
    expect(fileSha256(databasePath(dataDir))).toBe(before);
    expect(fs.readdirSync(dataDir)).toEqual(['dala.db']);
  });
});
