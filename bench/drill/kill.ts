import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../renderer-build';
import { inspect } from './db-state';
import type { DrillResult } from './report';

const CHILD = path.join(__dirname, 'kill-child.ts');

/** When to kill the child: `afterMs` after it said "ready", or as soon as it reports `atLearner` written. */
export type KillAt = { afterMs: number } | { atLearner: number };

interface ChildRun {
  ms: number;
  killed: boolean;
  stderr: string;
}

export interface KillJob {
  kind: 'import' | 'restore';
  file: string;
  replace?: boolean;
}

function runChild(dataDir: string, job: KillJob, killAt?: KillAt): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `require('tsx/cjs/api').register(); require(${JSON.stringify(CHILD)});`], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DRILL_KIND: job.kind, DRILL_DATA_DIR: dataDir, DRILL_FILE: job.file, DRILL_REPLACE: job.replace ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ready = 0;
    let stderr = '';
    let killed = false;
    let pending = '';
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && !ready) {
          ready = performance.now();
          if (killAt && 'afterMs' in killAt) setTimeout(kill, killAt.afterMs);
        }
        const learner = /^learner (\d+)$/.exec(line);
        if (learner && killAt && 'atLearner' in killAt && Number(learner[1]) >= killAt.atLearner) kill();
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ ms: ready ? performance.now() - ready : 0, killed, stderr }));
  });
}

/**
 * SIGKILL at `points` moments of an import or a restore, each into a fresh copy of `template`:
 * afterwards the database must pass integrity_check and foreign_key_check and hold exactly the
 * content from before or exactly that of a run that completed (all or nothing).
 */
export async function killDrill(name: string, template: string, job: KillJob, points: (durationMs: number) => KillAt[], fresh: (template: string) => string): Promise<DrillResult> {
  const losses: string[] = [];
  const before = inspect(template).hash;
  const complete = [];
  for (let i = 0; i < 2; i++) {
    const dir = fresh(template);
    const run = await runChild(dir, job);
    if (run.stderr) losses.push(`a complete run failed: ${run.stderr.trim().split('\n')[0]}`);
    complete.push({ run, state: inspect(dir) });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const after = complete[0]?.state.hash;
  if (after === before) losses.push('a complete run changed nothing: the drill would prove nothing');
  if (complete[1]?.state.hash !== after) losses.push('two complete runs ended in different content');
  const duration = Math.min(...complete.map((c) => c.run.ms));
  const outcomes = { none: 0, all: 0, killed: 0 };
  const kills = points(duration);
  for (const point of kills) {
    const dir = fresh(template);
    const run = await runChild(dir, job, point);
    const state = inspect(dir);
    const where = `${JSON.stringify(point)} of a ${Math.round(duration)} ms run`;
    if (run.killed) outcomes.killed++;
    if (state.integrity !== 'ok') losses.push(`${where}: integrity_check says ${state.integrity}`);
    if (state.foreignKeys > 0) losses.push(`${where}: ${state.foreignKeys} foreign_key_check problems`);
    if (state.hash === before) outcomes.none++;
    else if (state.hash === after) outcomes.all++;
    else losses.push(`${where}: the database holds part of the ${job.kind} (neither the content before nor after)`);
    if (!run.killed && run.stderr) losses.push(`${where}: the child failed: ${run.stderr.trim().split('\n')[0]}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    name,
    tried: kills.length,
    losses,
    detail: `${outcomes.killed} killed mid-way, the rest finished first; afterwards ${outcomes.none} held the content before, ${outcomes.all} the complete ${job.kind}, all passed integrity and foreign-key checks`,
  };
}

/** `n` random moments, one in each of `n` equal slices of [from, to). */
export function spread(n: number, from: number, to: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * (i + Math.random())) / n);
}
