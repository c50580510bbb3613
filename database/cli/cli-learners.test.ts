import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { FullLearnerProfile, LearnerProfile, LearnerSummary } from '../../electron/common/profile';
import { databasePath } from '../data-dir';
import { runDala, useTempDirs, type DalaRun } from '../test-support/temp-database';

/** `dala learners …`, `--help` and argument errors, through a spawned process (the real bin). */

const dirs = useTempDirs();

function learnerIds(dataDir: string): string[] {
  const sqlite = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  } finally {
    sqlite.close();
  }
}

function expectUsageError(run: DalaRun, mentions: string): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dala: /);
  expect(lines[0]).toContain(mentions);
}

describe('dala learners', () => {
  it('create prints the new id; show --json round-trips the name exactly; list shows it', () => {
    const dataDir = dirs.make();
    const name = "Zoë O'Brien";
    const created = runDala(['--data-dir', dataDir, 'learners', 'create', '--name', name]);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.stdout).toBe(`${id}\n`);

    const shown = runDala(['--data-dir', dataDir, 'learners', 'show', id, '--json']);
    expect(shown.status).toBe(0);
    const full = JSON.parse(shown.stdout) as FullLearnerProfile;
    expect(full.profile.displayName).toBe(name);
    expect(full.profile.id).toBe(id);
    expect(full).toMatchObject({ interests: [], preferences: [], struggles: [], cognitiveMetrics: [], loProgress: [], badges: [], activityAttempts: [] });

    const list = runDala(['--data-dir', dataDir, 'learners', 'list']);
    expect(list.status).toBe(0);
    const rows = list.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID\s+NAME\s+/);
    expect(rows[1]).toContain(id);
    expect(rows[1]).toContain(name);
  });

  it('create --id --json, then list --json gives both learners by name, with counts', () => {
    const dataDir = dirs.make();
    runDala(['--data-dir', dataDir, 'learners', 'create', '--name', 'Zed']);
    const created = runDala([`--data-dir=${dataDir}`, 'learners', 'create', '--name', 'Amara Ndiaye', '--id', 'amara-1', '--json']);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout) as LearnerProfile).toMatchObject({ id: 'amara-1', displayName: 'Amara Ndiaye' });

    const list = runDala(['learners', 'list', '--json', '--data-dir', dataDir]);
    expect(list.status).toBe(0);
    const learners = JSON.parse(list.stdout) as LearnerSummary[];
    expect(learners.map((l) => l.displayName)).toEqual(['Amara Ndiaye', 'Zed']);
    expect(learners[0]).toMatchObject({ id: 'amara-1', completedObjectives: 0, attemptCount: 0, badgeCount: 0 });
  });

  it('delete needs --yes (exit 2, nothing deleted); with --yes the learner is gone', () => {
    const dataDir = dirs.make();
    const id = runDala(['--data-dir', dataDir, 'learners', 'create', '--name', 'Ada']).stdout.trim();

    expectUsageError(runDala(['--data-dir', dataDir, 'learners', 'delete', id]), '--yes');
    expect(learnerIds(dataDir)).toEqual([id]);

    const deleted = runDala(['--data-dir', dataDir, 'learners', 'delete', id, '--yes']);
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain(id);
    expect(learnerIds(dataDir)).toEqual([]);
  });

  it('show of an unknown learner exits 1 with one line naming it', () => {
    const run = runDala(['--data-dir', dirs.make(), 'learners', 'show', 'nobody-here']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^dala: .*nobody-here.*\n$/);
  });
});

describe('dala argument errors: exit 2, one line on stderr, nothing written', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['learners', 'list', '--colour'], '--colour'],
    [['learners', 'create'], 'missing --name'],
    [['seed', '--learners', 'abc'], '--learners must be a whole number'],
    [['learners', 'show'], 'missing the learner ID'],
  ])('%j', (args, mentions) => {
    const dataDir = path.join(dirs.make(), 'not-created-yet');
    expectUsageError(runDala(['--data-dir', dataDir, ...args]), mentions);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe('dala --help', () => {
  it('prints the commands and exits 0 without touching any folder', () => {
    const dataDir = path.join(dirs.make(), 'not-created-yet');
    const run = runDala(['--data-dir', dataDir, '--help']);
    expect(run.status).toBe(0);
    for (const usage of ['learners create --name NAME', 'learners delete ID --yes', 'seed --learners N', 'stats', 'verify', 'db status', 'db migrate']) {
      expect(run.stdout).toContain(usage);
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
