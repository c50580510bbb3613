import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBackupRestore } from './measure-backup';
import { measureRendererBundle } from './measure-bundle';
import { measureProfileLoad } from './measure-load';
import { measurePicker } from './measure-picker';
import { measureSave } from './measure-save';
import { measureHostTransfer } from './measure-host-transfer';
import { measureStreaming } from './measure-streaming';
import { measureSync } from './measure-sync';
import { measureProfileTransfer } from './measure-transfer';
import { ensureRendererBuilt } from './renderer-build';
import { failed, formatTable, type BenchResult, type Budget } from './report';
import { prepareBench } from './setup';
import { SIZES, type BenchSizes } from './sizes';
import { now } from './timing';

/**
 * `npm run bench [-- --quick] [-- --only=save,load,transfer,backup,stream,host,sync,picker,bundle]`: every budget
 * of DESIGN.md measured in this one process against raw better-sqlite3 on the same data, printed
 * as a table and written to bench/results/latest.json. Exit code 0 when every line passes.
 */

export const STEPS = ['save', 'load', 'transfer', 'backup', 'stream', 'host', 'sync', 'picker', 'bundle'] as const;
export type Step = (typeof STEPS)[number];

export interface BenchRun {
  sizes: BenchSizes;
  only?: readonly Step[];
  log?: (line: string) => void;
}

async function step(results: BenchResult[], name: string, unit: string, budget: Budget, work: () => Promise<BenchResult | BenchResult[]>, log: (line: string) => void): Promise<void> {
  const started = now();
  log(`… ${name}`);
  try {
    const got = await work();
    results.push(...(Array.isArray(got) ? got : [got]));
  } catch (error) {
    results.push(failed(name, unit, budget, error));
  }
  log(`  ${name}: ${((now() - started) / 1000).toFixed(1)} s`);
}

export async function runBench({ sizes, only, log = () => undefined }: BenchRun): Promise<BenchResult[]> {
  const wanted = (s: Step) => !only || only.includes(s);
  const results: BenchResult[] = [];
  const started = now();
  log(`preparing ${sizes.label} data (${sizes.learners} learners × ${sizes.attemptsPerLearner} attempts; heavy learner ${sizes.heavyAttempts} attempts)…`);
  const env = await prepareBench(sizes);
  log(`  prepared in ${((now() - started) / 1000).toFixed(1)} s under ${env.root}`);
  try {
    const ratio3 = { kind: 'ratio-at-most', limit: 3 } as const;
    if (wanted('save')) {
      await step(results, 'save one attempt', 'ms', ratio3, () => measureSave(env), log);
      await step(results, 'save one attempt, heavy learner', 'ms', ratio3, () => measureSave(env, env.heavy.learner.id, `save one attempt for the learner with ${sizes.heavyAttempts} attempts`), log);
    }
    if (wanted('load')) await step(results, 'full profile load', 'ms', { kind: 'ratio-at-most', limit: 2 }, () => measureProfileLoad(env), log);
    if (wanted('transfer')) await step(results, 'profile export/import', 'rows/s', { kind: 'ratio-at-least', limit: 0.4 }, () => measureProfileTransfer(env), log);
    if (wanted('backup')) await step(results, 'backup/restore', 'rows/s', { kind: 'ratio-at-least', limit: 0.4 }, () => measureBackupRestore(env), log);
    if (wanted('stream')) await step(results, 'streamed files', 'MB', { kind: 'at-most', limit: 300 }, () => measureStreaming(sizes, log), log);
    if (wanted('host')) await step(results, 'browser host over HTTP', 'MB', { kind: 'at-most', limit: 300 }, () => measureHostTransfer(sizes, log), log);
    if (wanted('sync')) await step(results, 'school hub sync', 'rows/s', { kind: 'ratio-at-least', limit: 0.3 }, () => measureSync(sizes, log), log);
    let rendererDir: string | undefined;
    if (wanted('picker') || wanted('bundle')) {
      try {
        rendererDir = ensureRendererBuilt(log);
      } catch (error) {
        results.push(failed('renderer build', 'KB', { kind: 'at-most', limit: 250 }, error));
      }
    }
    if (rendererDir && wanted('picker')) await step(results, 'learner picker', 'ms', { kind: 'below', limit: 1000 }, () => measurePicker(env, rendererDir), log);
    if (rendererDir && wanted('bundle')) await step(results, 'renderer bundle', 'KB', { kind: 'at-most', limit: 250 }, async () => measureRendererBundle(rendererDir), log);
  } finally {
    env.dispose();
  }
  log(`bench finished in ${((now() - started) / 1000).toFixed(1)} s`);
  return results;
}

export function parseBenchArguments(argv: readonly string[]): { sizes: BenchSizes; only?: Step[]; output: string } {
  let sizes = SIZES.full;
  let only: Step[] | undefined;
  let output = path.join(__dirname, 'results', 'latest.json');
  for (const arg of argv) {
    if (arg === '--quick') sizes = SIZES.quick;
    else if (arg === '--tiny') sizes = SIZES.tiny;
    else if (arg.startsWith('--only=')) {
      only = arg.slice('--only='.length).split(',') as Step[];
      const unknown = only.filter((s) => !STEPS.includes(s));
      if (unknown.length) throw new Error(`unknown step ${unknown.join(', ')}; the steps are ${STEPS.join(', ')}`);
    } else if (arg.startsWith('--output=')) output = path.resolve(arg.slice('--output='.length));
    else throw new Error(`unknown argument ${arg}; use --quick, --tiny, --only=<steps>, --output=<file>`);
  }
  return { sizes, only, output };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseBenchArguments>;
  try {
    args = parseBenchArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const results = await runBench({ sizes: args.sizes, only: args.only, log });
  fs.mkdirSync(path.dirname(args.output), { recursive: true });
  fs.writeFileSync(args.output, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(results)}\n\n`);
  const failures = results.filter((r) => !r.pass);
  process.stdout.write(`${args.sizes.label} size: ${results.length - failures.length} of ${results.length} within budget; written to ${path.relative(process.cwd(), args.output)}\n`);
  return failures.length === 0 ? 0 : 1;
}

/** The command line: exits with 0 when every line is within budget, 1 otherwise, 2 for bad arguments. */
export function cli(): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
