import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { invokeChannel } from '../dispatch';
import { openDatabase } from '../../database/open';
import { collectBackupFile } from '../../database/transfer/backup-file';
import { exportProfile } from '../../database/transfer/profile-file';
import { makeLearner, makeLearners, rawBulkInsert, rawInsertPlan } from '../data';
import { checkpoint, copyDataDir, createDataDir, openRaw } from '../db';
import { channelDrill } from './channels';
import { corpusDrill } from './corpus';
import { killDrill, spread, type KillAt } from './kill';
import { printResult, type DrillResult } from './report';
import { twoHostsDrill } from './two-hosts';

/**
 * `npm run drill [-- --quick] [-- --only=kill,channels,corpus,hosts] [-- --seed=N]`: the
 * reliability drills. Prints what each tried and what survived, then "N drills, M losses";
 * exit code 1 on any loss.
 */

const DRILLS = ['kill', 'channels', 'corpus', 'hosts'] as const;
type Drill = (typeof DRILLS)[number];

interface DrillSizes {
  killPoints: number;
  importAttempts: number;
  restoreLearners: number;
  payloadsPerChannel: number;
  writesPerHost: number;
}
const FULL: DrillSizes = { killPoints: 20, importAttempts: 20_000, restoreLearners: 300, payloadsPerChannel: 200, writesPerHost: 200 };
const QUICK: DrillSizes = { killPoints: 4, importAttempts: 3_000, restoreLearners: 60, payloadsPerChannel: 30, writesPerHost: 40 };

async function seeded(root: string, name: string, learners: ReturnType<typeof makeLearners>): Promise<string> {
  const dir = await createDataDir(root, name);
  const raw = openRaw(dir);
  rawBulkInsert(raw, rawInsertPlan(learners));
  raw.close();
  checkpoint(dir);
  return dir;
}

export async function runDrills(options: { quick: boolean; only?: readonly Drill[]; seed: number; log: (line: string) => void }): Promise<DrillResult[]> {
  const sizes = options.quick ? QUICK : FULL;
  const wanted = (d: Drill) => !options.only || options.only.includes(d);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-drill-'));
  const results: DrillResult[] = [];
  let copies = 0;
  const fresh = (template: string) => copyDataDir(template, root, `trial-${++copies}`);
  const run = async (name: string, drill: () => Promise<DrillResult>) => {
    const started = performance.now();
    options.log(`… ${name}`);
    let result: DrillResult;
    try {
      result = await drill();
    } catch (error) {
      result = { name, tried: 1, losses: [`the drill itself failed: ${error instanceof Error ? error.message : String(error)}`], detail: 'did not finish' };
    }
    printResult(result, (line) => process.stdout.write(`${line}\n`));
    options.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    results.push(result);
  };
  try {
    const classroomLearners = makeLearners(30, { attempts: 100, objectives: 10 }, 2);
    const classroom = await seeded(root, 'classroom', classroomLearners);
    const heavy = makeLearner(0, { attempts: sizes.importAttempts, objectives: 50 }, 1);
    const source = await seeded(root, 'source', [heavy]);
    const away = await seeded(root, 'away', makeLearners(sizes.restoreLearners, { attempts: 30, objectives: 10 }, 4));
    const sourceDb = await openDatabase({ dataDir: source });
    const profileFile = path.join(root, 'heavy.dalaprofile');
    fs.writeFileSync(profileFile, exportProfile(sourceDb.sqlite, heavy.learner.id, 'drill').content);
    sourceDb.close();
    const awayDb = await openDatabase({ dataDir: away });
    const backup = collectBackupFile(awayDb.sqlite, {}, 'drill', '2026-03-09T12:00:00.000Z');
    awayDb.close();
    const backupFile = path.join(root, 'away.json');
    fs.writeFileSync(backupFile, backup.content);
    const n = sizes.killPoints;

    if (wanted('kill')) {
      await run('SIGKILL during a profile import', () =>
        killDrill(`SIGKILL during a profile import (${heavy.records.activityAttempts.length} attempts) at ${n} random moments`, classroom, { kind: 'import', file: profileFile }, (ms) =>
          spread(n, 0, ms).map((t): KillAt => ({ afterMs: Math.round(t) })),
        fresh),
      );
      for (const replace of [false, true]) {
        const half = Math.ceil(n / 4);
        await run(`SIGKILL during a restore (replace ${replace})`, () =>
          killDrill(
            `SIGKILL during a restore of ${sizes.restoreLearners} learners (${replace ? 'replace' : 'merge'}) at ${n / 2} random moments`,
            classroom,
            { kind: 'restore', file: backupFile, replace },
            (ms) => [
              ...spread(half, 0, ms).map((t): KillAt => ({ afterMs: Math.round(t) })),
              ...spread(n / 2 - half, 1, sizes.restoreLearners - 1).map((l): KillAt => ({ atLearner: Math.round(l) })),
            ],
            fresh,
          ),
        );
      }
    }

    if (wanted('channels')) {
      const dir = await createDataDir(root, 'channels');
      const database = await openDatabase({ dataDir: dir });
      const handlers = createChannelDispatcher(database, { appVersion: 'drill', shell: 'browser' });
      for (const [id, displayName] of [['drill-learner', 'Ada'], ['drill-other', 'Ben']] as const) await invokeChannel(handlers, 'createLearnerProfile', { id, displayName });
      await invokeChannel(handlers, 'addInterest', { learnerId: 'drill-learner', interestName: 'Space' });
      await invokeChannel(handlers, 'addActivityAttempt', { learnerId: 'drill-learner', loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 1, completed: true });
      await handlers.close();
      database.close();
      await run('every IPC channel', () => channelDrill(dir, sizes.payloadsPerChannel, options.seed));
    }

    if (wanted('corpus')) {
      const scratch = fs.mkdtempSync(path.join(root, 'corpus-'));
      await run('malformed files', () => corpusDrill(fresh(classroom), fs.readFileSync(profileFile, 'utf8'), backup.content, scratch));
    }

    if (wanted('hosts')) {
      const counts = { learners: backup.backup.metadata.learners, attempts: backup.backup.metadata.counts.activityAttempts };
      await run('two hosts', () => twoHostsDrill(fresh(classroom), classroomLearners.map((l) => l.learner.id), backup.content, counts, sizes.writesPerHost));
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return results;
}

function parseArguments(argv: readonly string[]): { quick: boolean; only?: Drill[]; seed: number } {
  let quick = false;
  let only: Drill[] | undefined;
  let seed = Date.now() % 1_000_000;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) {
      only = arg.slice('--only='.length).split(',') as Drill[];
      const unknown = only.filter((d) => !DRILLS.includes(d));
      if (unknown.length) throw new Error(`unknown drill ${unknown.join(', ')}; the drills are ${DRILLS.join(', ')}`);
    } else if (arg.startsWith('--seed=')) seed = Number(arg.slice('--seed='.length));
    else throw new Error(`unknown argument ${arg}; use --quick, --only=<drills>, --seed=<n>`);
  }
  return { quick, only, seed };
}

export function cli(): void {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`drill: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const started = performance.now();
  runDrills({ ...args, log: (line) => process.stderr.write(`${line}\n`) }).then(
    (results) => {
      const tried = results.reduce((n, r) => n + r.tried, 0);
      const losses = results.reduce((n, r) => n + r.losses.length, 0);
      process.stdout.write(`\n${tried} drills, ${losses} ${losses === 1 ? 'loss' : 'losses'} (${results.length} kinds, ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${args.seed})\n`);
      process.exit(losses === 0 ? 0 : 1);
    },
    (error: unknown) => {
      process.stderr.write(`drill: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
