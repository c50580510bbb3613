import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeLearner, makeLearners, rawBulkInsert, rawInsertPlan, rowCount } from './data';
import { checkpoint, createDataDir, openRaw } from './db';
import { result, type BenchResult } from './report';
import type { BenchSizes } from './sizes';
import type { StreamingMeasurement, StreamingScenario } from './streaming-child';
import { now } from './timing';

const MB = 1_048_576;
/** Learners generated and inserted at a time: the benchmark's own memory stays small too. */
const BATCH = 500;

/** Fills `dataDir` with `count` learners in batches; returns the rows and the raw insert time (generation excluded). */
export function fill(dataDir: string, count: number, shape: { attempts: number; objectives: number }, salt: number): { rows: number; rawMs: number } {
  const sqlite = openRaw(dataDir);
  let rows = 0;
  let rawMs = 0;
  try {
    for (let from = 0; from < count; from += BATCH) {
      const batch = makeLearners(Math.min(BATCH, count - from), shape, salt, from);
      const plan = rawInsertPlan(batch);
      rows += rowCount(batch);
      const start = now();
      rawBulkInsert(sqlite, plan);
      rawMs += now() - start;
    }
  } finally {
    sqlite.close();
  }
  checkpoint(dataDir);
  return { rows, rawMs };
}

/** Runs one scenario in a fresh Node process (see streaming-child.ts). */
function inChild(scenario: StreamingScenario): StreamingMeasurement {
  const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'streaming-child.ts'))}).main();`;
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', code, JSON.stringify(scenario)], { encoding: 'utf8', maxBuffer: 16 * MB, timeout: 30 * 60_000 });
  if (run.status !== 0) throw new Error(`the ${scenario.kind} scenario failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as StreamingMeasurement;
}

interface SizeRun {
  learners: number;
  rows: number;
  rawMs: number;
  backup: StreamingMeasurement;
  restore: StreamingMeasurement;
}

async function backupAndRestore(root: string, learners: number, sizes: BenchSizes): Promise<SizeRun> {
  const source = await createDataDir(root, `school-${learners}`);
  const raw = await createDataDir(root, `raw-${learners}`);
  const shape = { attempts: sizes.attemptsPerLearner, objectives: sizes.objectivesPerLearner };
  const { rows } = fill(source, learners, shape, 5);
  // The raw side: the same rows inserted into an empty database (generation not timed).
  const { rawMs } = fill(raw, learners, shape, 5);
  fs.rmSync(raw, { recursive: true, force: true });
  const file = path.join(root, `backup-${learners}.json`);
  const backup = inChild({ kind: 'backup', dataDir: source, keepAs: file });
  fs.rmSync(source, { recursive: true, force: true });
  const target = await createDataDir(root, `restore-${learners}`);
  const restore = inChild({ kind: 'restore', dataDir: target, file });
  if (restore.added !== rows - learners) throw new Error(`the restore added ${restore.added} rows, expected ${rows - learners}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.rmSync(file, { force: true });
  return { learners, rows, rawMs, backup, restore };
}

/**
 * Backups, restores and a large profile file, streamed: at today's school size and ten times it,
 * each scenario in a process of its own. Budgets (issue "Files that leave the machine"): peak
 * RSS ≤ 300 MB, the large size's throughput ≥ 0.8 of the small one's, main-thread stall ≤ 50 ms,
 * IPC messages ≤ 1 MB, restore ≥ 0.4 of a raw bulk insert.
 */
export async function measureStreaming(sizes: BenchSizes, log: (line: string) => void = () => undefined): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-bench-stream-'));
  try {
    const runs: SizeRun[] = [];
    for (const learners of [sizes.streamLearners, sizes.streamLearners * 10]) {
      log(`  streaming ${learners} learners × ${sizes.attemptsPerLearner} attempts…`);
      runs.push(await backupAndRestore(root, learners, sizes));
    }
    const [small, large] = runs as [SizeRun, SizeRun];
    const rate = (rows: number, ms: number) => rows / (ms / 1000);
    const lines: BenchResult[] = [];
    for (const run of runs) {
      const label = `${run.learners} learners, ${run.rows} rows`;
      lines.push(result(`streamed backup peak RSS (${label}, whole process)`, run.backup.peakRssBytes / MB, null, 'MB', { kind: 'at-most', limit: 300 }));
      lines.push(result(`streamed restore peak RSS (${label}, whole process)`, run.restore.peakRssBytes / MB, null, 'MB', { kind: 'at-most', limit: 300 }));
      lines.push(result(`streamed restore (${label}) vs raw bulk insert`, rate(run.rows, run.restore.ms), rate(run.rows, run.rawMs), 'rows/s', { kind: 'ratio-at-least', limit: 0.4 }));
      lines.push(result(`  streamed backup (${label}) vs raw bulk insert`, rate(run.rows, run.backup.ms), rate(run.rows, run.rawMs), 'rows/s', { kind: 'reported-ratio' }));
    }
    lines.push(result(`streamed backup throughput, ${large.learners} vs ${small.learners} learners (linear cost)`, rate(large.rows, large.backup.ms), rate(small.rows, small.backup.ms), 'rows/s', { kind: 'ratio-at-least', limit: 0.8 }));
    lines.push(result(`streamed restore throughput, ${large.learners} vs ${small.learners} learners (linear cost)`, rate(large.rows, large.restore.ms), rate(small.rows, small.restore.ms), 'rows/s', { kind: 'ratio-at-least', limit: 0.8 }));
    const stalls = runs.flatMap((r) => [r.backup.longestStallMs, r.restore.longestStallMs]);
    const messages = runs.flatMap((r) => [r.backup.largestMessageBytes, r.restore.largestMessageBytes]);

    // One learner with a great many attempts: export, then import into an empty machine.
    log(`  streaming a profile file with ${sizes.streamProfileAttempts} attempts…`);
    const profileDir = await createDataDir(root, 'profile');
    const heavy = makeLearner(0, { attempts: sizes.streamProfileAttempts, objectives: 50 }, 6);
    const sqlite = openRaw(profileDir);
    rawBulkInsert(sqlite, rawInsertPlan([heavy]));
    sqlite.close();
    checkpoint(profileDir);
    const profileFile = path.join(root, 'heavy.dalaprofile');
    const exported = inChild({ kind: 'export', dataDir: profileDir, learnerId: heavy.learner.id, keepAs: profileFile });
    const importDir = await createDataDir(root, 'import');
    const imported = inChild({ kind: 'import', dataDir: importDir, file: profileFile });
    const profileLabel = `a learner with ${sizes.streamProfileAttempts} attempts`;
    lines.push(result(`profile export peak RSS (${profileLabel})`, exported.peakRssBytes / MB, null, 'MB', { kind: 'at-most', limit: 300 }));
    lines.push(result(`profile import peak RSS (${profileLabel})`, imported.peakRssBytes / MB, null, 'MB', { kind: 'at-most', limit: 300 }));
    lines.push(result(`  profile export + import time (${profileLabel})`, exported.ms + imported.ms, null, 'ms', { kind: 'reported' }));
    lines.push(result(`longest main-thread stall, streamed backups and restores`, Math.max(...stalls), null, 'ms', { kind: 'at-most', limit: 50 }));
    lines.push(result(`longest main-thread stall, profile export and import (${profileLabel})`, Math.max(exported.longestStallMs, imported.longestStallMs), null, 'ms', { kind: 'at-most', limit: 50 }));
    lines.push(result(`largest IPC message, streamed backups and restores`, Math.max(...messages) / MB, null, 'MB', { kind: 'at-most', limit: 1 }));
    lines.push(result(`largest IPC message, profile export and import`, Math.max(exported.largestMessageBytes, imported.largestMessageBytes) / MB, null, 'MB', { kind: 'at-most', limit: 1 }));
    return lines;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
