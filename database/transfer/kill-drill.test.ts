import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../data-dir';
import { seedDemoData } from '../maintenance/demo-data';
import { openDatabase } from '../open';
import { APP_VERSION_FOR_TESTS, resign, withRawSqlite } from '../test-support/transfer-fixtures';
import { contentHash, PROJECT_ROOT } from '../test-support/temp-database';
import { collectBackup, parseBackupFile, sumCounts, type BackupV1 } from './backup-file';

/**
 * The kill drill: a child process restores a large backup (300 learners × 30 attempts) into a
 * database that already has other learners, and is killed with SIGKILL at points spread over the
 * restore. After every kill the file must pass integrity_check and foreign_key_check and hold
 * either exactly the content from before or exactly the content of a restore that completed.
 */

const CHILD = path.join(__dirname, 'test-support', 'restore-child.ts');
let root = '';
let backupFile = '';
let templateDb = '';
let runs = 0;

/** 60 learners written by the real manager, each copied 5 times under new ids and attempt uids. */
function multiply(backup: BackupV1, copies: number): BackupV1 {
  const recode = (uuid: string, k: number) => `${(k + 10).toString(16)}${uuid.slice(1)}`;
  const learners = Array.from({ length: copies }, (_, k) =>
    backup.learners.map((l) => ({
      learner: { ...l.learner, id: recode(l.learner.id, k) },
      records: { ...l.records, activityAttempts: l.records.activityAttempts.map((a) => ({ ...a, attemptUid: recode(a.attemptUid, k) })) },
    })),
  ).flat();
  return resign({ ...backup, learners, metadata: { learners: learners.length, counts: sumCounts(learners) } }) as BackupV1;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-drill-'));
  const source = await openDatabase({ dataDir: path.join(root, 'source') });
  source.sqlite.pragma('synchronous = OFF'); // only the generator's own file; the drill's target keeps FULL
  seedDemoData(source, { learners: 60, attemptsPerLearner: 30, seed: 11, start: new Date('2026-01-05T08:00:00.000Z') });
  const backup = multiply(collectBackup(source.sqlite, {}, APP_VERSION_FOR_TESTS, '2026-03-09T12:00:00.000Z'), 5);
  source.close();
  backupFile = path.join(root, 'school.dalabackup');
  fs.writeFileSync(backupFile, JSON.stringify(backup));
  const checked = parseBackupFile(fs.readFileSync(backupFile));
  expect(checked.metadata.learners).toBe(300);
  expect(checked.metadata.counts.activityAttempts).toBe(9_000);

  const target = await openDatabase({ dataDir: path.join(root, 'template') });
  seedDemoData(target, { learners: 40, attemptsPerLearner: 10, seed: 99, start: new Date('2026-02-01T08:00:00.000Z') });
  target.close();
  templateDb = databasePath(path.join(root, 'template'));
}, 60_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh copy of the target database in its own data folder. */
function freshTarget(): string {
  const dir = path.join(root, `run-${++runs}`);
  fs.mkdirSync(dir);
  fs.copyFileSync(templateDb, databasePath(dir));
  return dir;
}

interface ChildRun {
  /** ms from "ready" to the first learner written, and to exit */
  writingAt: number | undefined;
  exitedAt: number;
  killed: boolean;
  stderr: string;
}

/** When to kill: `afterMs` after the child said "ready", or as soon as it reports `atLearner` written. */
type KillAt = { afterMs: number } | { atLearner: number } | undefined;

function runChild(dataDir: string, replace: boolean, killAt?: KillAt): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `require('tsx/cjs/api').register(); require(${JSON.stringify(CHILD)});`], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DRILL_DATA_DIR: dataDir, DRILL_BACKUP: backupFile, DRILL_REPLACE: replace ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ready = 0;
    let writingAt: number | undefined;
    let stderr = '';
    let killed = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (line === 'ready' && !ready) {
          ready = performance.now();
          if (killAt && 'afterMs' in killAt) setTimeout(kill, killAt.afterMs);
        }
        const learner = /^learner (\d+)$/.exec(line);
        if (learner) {
          writingAt ??= performance.now() - ready;
          if (killAt && 'atLearner' in killAt && Number(learner[1]) >= killAt.atLearner) kill();
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ writingAt, exitedAt: performance.now() - ready, killed, stderr }));
  });
}

function inspect(dataDir: string): { integrity: unknown; foreignKeys: unknown[]; hash: string } {
  return withRawSqlite(dataDir, (sqlite) => ({
    integrity: sqlite.pragma('integrity_check', { simple: true }),
    foreignKeys: sqlite.pragma('foreign_key_check') as unknown[],
    hash: contentHash(sqlite),
  }));
}

describe.each([
  { replace: false, timed: 8, inTransaction: 4 },
  { replace: true, timed: 3, inTransaction: 3 },
])('a restore (replace: $replace) killed with SIGKILL', ({ replace, timed, inTransaction }) => {
  it(`leaves a healthy database with all or none of the restore (${timed + inTransaction} kills)`, async () => {
    const before = inspect(freshTarget()).hash;
    // Two complete runs: their (equal) result is "all"; the faster one sets the time scale.
    const completed = [];
    for (let i = 0; i < 2; i++) {
      const dir = freshTarget();
      const run = await runChild(dir, replace);
      expect(run.stderr).toBe('');
      completed.push({ run, state: inspect(dir) });
    }
    const after = completed[0]?.state as ReturnType<typeof inspect>;
    expect(after.integrity).toBe('ok');
    expect(after.hash).not.toBe(before);
    expect(completed[1]?.state.hash).toBe(after.hash);
    const duration = Math.min(...completed.map((c) => c.run.exitedAt));

    // Timed kills spread over the whole restore (a random spot in each slice), and kills while the
    // learners are being written (a random learner in each slice of 1..290).
    const random = (from: number, to: number, i: number, n: number) => from + ((to - from) * (i + Math.random())) / n;
    const points: KillAt[] = [
      ...Array.from({ length: timed }, (_, i) => ({ afterMs: Math.round(random(0, duration, i, timed)) })),
      ...Array.from({ length: inTransaction }, (_, i) => ({ atLearner: Math.round(random(1, 290, i, inTransaction)) })),
    ];
    const outcomes: string[] = [];
    for (const point of points) {
      const dir = freshTarget();
      const run = await runChild(dir, replace, point);
      const state = inspect(dir);
      const where = `${JSON.stringify(point)} (complete run: ${Math.round(duration)} ms)`;
      expect(state.integrity, where).toBe('ok');
      expect(state.foreignKeys, where).toEqual([]);
      const outcome = state.hash === before ? 'none' : state.hash === after.hash ? 'all' : 'PARTIAL';
      outcomes.push(`${JSON.stringify(point)}:${run.killed ? 'killed' : 'finished'}:${outcome}`);
      expect(outcome, where).not.toBe('PARTIAL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (process.env.DRILL_VERBOSE) console.log(outcomes.join('\n'));
    // The drill must really have killed the restore: every in-transaction point, and the early half of the timed ones.
    const killedCount = outcomes.filter((o) => o.includes(':killed:')).length;
    expect(killedCount, outcomes.join(', ')).toBeGreaterThanOrEqual(inTransaction + Math.ceil(timed / 2));
    expect(outcomes.filter((o) => o.includes('atLearner') && !o.includes(':killed:')), outcomes.join(', ')).toEqual([]);
  }, 90_000);
});
