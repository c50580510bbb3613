import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatusView } from '../../electron/common/transfer-views';
import { seedDemoData } from '../maintenance/demo-data';
import { contentHash, PROJECT_ROOT, rowCount, useTempDirs } from '../test-support/temp-database';
import { parseBackupFile, type BackupFilters } from '../transfer/backup-file';
import type { TransferProtection } from '../transfer/file-transfers';
import type { JobMessage, JobRequest } from './job-protocol';
import { createJobRunner, type JobRunner } from './job-runner';

const dirs = useTempDirs();
const runners: JobRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
});
const newRunner = (): JobRunner => {
  const runner = createJobRunner();
  runners.push(runner);
  return runner;
};

async function seeded(learners: number, attemptsPerLearner: number) {
  const database = await dirs.open();
  seedDemoData(database, { learners, attemptsPerLearner, seed: 7 });
  return database;
}

/** A backup job writing to a new file of its own in a temp dir. */
function backupJob(dataDir: string, filters: BackupFilters = {}, protection: TransferProtection = {}): JobRequest & { kind: 'backup' } {
  const out = { fileId: 'backup-file', path: path.join(dirs.make(), 'backup.json'), fileName: 'dala-backup.json' };
  return { kind: 'backup', dataDir, appVersion: '0.1.0-test', filters, out, protection };
}

/** Asks for the status every few milliseconds until the job has finished; keeps what it saw. */
async function pollUntilFinished(runner: JobRunner, jobId: string): Promise<{ final: JobStatusView; seen: JobStatusView[] }> {
  const seen: JobStatusView[] = [];
  for (let i = 0; i < 4_000; i++) {
    const status = runner.status(jobId);
    seen.push(status);
    if (status.state !== 'running') return { final: status, seen };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the job did not finish within 20 s');
}

describe('the job runner (a real worker thread)', () => {
  it('backs up seeded data with progress to the file it was given, which passes parseBackupFile', async () => {
    const database = await seeded(40, 3);
    const runner = newRunner();
    const request = backupJob(database.dataDir);
    const jobId = runner.start(request);
    expect(runner.status(jobId)).toMatchObject({ jobId, kind: 'backup', state: 'running', result: null, error: null });
    const { final, seen } = await pollUntilFinished(runner, jobId);
    expect(final.state).toBe('done');
    // The total only ever comes from the worker's progress messages.
    expect(final.progress).toEqual({ done: 40, total: 40 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.progress.done).toBeGreaterThanOrEqual(seen[i - 1]!.progress.done);
    if (final.result?.kind !== 'backup') throw new Error('no backup result');
    expect(final.result).toMatchObject({ learners: 40, file: { fileId: 'backup-file', fileName: 'dala-backup.json', sizeBytes: fs.statSync(request.out.path).size, passphraseProtected: false, compressed: false } });
    const backup = parseBackupFile(fs.readFileSync(request.out.path));
    expect(backup.learners).toHaveLength(40);
    expect(backup.metadata.counts.activityAttempts).toBe(rowCount(database.sqlite, 'activity_attempts'));
    expect(final.result.records).toBe(Object.values(backup.metadata.counts).reduce((a, b) => a + b, 0));
    expect(await runner.finished(jobId)).toMatchObject({ state: 'done' });
  });

  it('restores a backup into another data dir: a dry run changes nothing, the real run brings every learner', async () => {
    const source = await seeded(12, 2);
    const runner = newRunner();
    const request = backupJob(source.dataDir, {}, { gzip: true, passphrase: 'kettle mango baobab river' });
    const backup = await runner.finished(runner.start(request));
    if (backup.result?.kind !== 'backup') throw new Error('no backup');
    expect(backup.result.file).toMatchObject({ passphraseProtected: true });
    const target = await dirs.open();
    const before = contentHash(target.sqlite);

    const restore = (dryRun: boolean): JobRequest => ({ kind: 'restore', dataDir: target.dataDir, file: request.out.path, fileName: 'backup.json', unlock: { passphrase: 'kettle mango baobab river' }, replace: false, dryRun });
    const dry = await runner.finished(runner.start(restore(true)));
    expect(dry).toMatchObject({ state: 'done', result: { kind: 'restore', report: { dryRun: true, snapshotId: null } } });
    if (dry.result?.kind !== 'restore') throw new Error('no report');
    expect(dry.result.report.learners).toHaveLength(12);
    expect(dry.result.report.learners.every((l) => l.outcome === 'created')).toBe(true);
    expect(contentHash(target.sqlite)).toBe(before);

    const real = await runner.finished(runner.start(restore(false)));
    expect(real).toMatchObject({ state: 'done', progress: { done: 12, total: 12 }, result: { kind: 'restore', report: { dryRun: false, snapshotId: expect.any(String) } } });
    expect(rowCount(target.sqlite, 'learner_profiles')).toBe(12);
    expect(rowCount(target.sqlite, 'activity_attempts')).toBe(rowCount(source.sqlite, 'activity_attempts'));
  });

  it('a restore of a large school lists its first 200 learners and counts the rest, so its status stays a small message', async () => {
    const source = await seeded(230, 1);
    const runner = newRunner();
    const request = backupJob(source.dataDir);
    await runner.finished(runner.start(request));
    const target = await dirs.open();
    const done = await runner.finished(runner.start({ kind: 'restore', dataDir: target.dataDir, file: request.out.path, fileName: 'b.json', unlock: {}, replace: false, dryRun: false }));
    if (done.result?.kind !== 'restore') throw new Error('no report');
    expect(done.result.report.learners).toHaveLength(200);
    expect(done.result.report.learnersOmitted).toBe(30);
    expect(rowCount(target.sqlite, 'learner_profiles')).toBe(230);
    expect(done.result.report.summary).toMatch(/^\d+ new/);
  });

  it('a failing job reports a typed error, and the database is unchanged', async () => {
    const target = await seeded(2, 1);
    const before = contentHash(target.sqlite);
    const runner = newRunner();
    const notJson = path.join(dirs.make(), 'b.json');
    fs.writeFileSync(notJson, 'this is not a backup');
    const refused = await runner.finished(runner.start({ kind: 'restore', dataDir: target.dataDir, file: notJson, fileName: 'b.json', unlock: {}, replace: true, dryRun: false }));
    expect(refused).toMatchObject({ state: 'failed', result: null, error: { code: 'invalid_input', message: expect.stringMatching(/JSON/i) } });
    const request = backupJob(target.dataDir, { learnerIds: ['ghost'] });
    const ghost = await runner.finished(runner.start(request));
    expect(ghost).toMatchObject({ state: 'failed', error: { code: 'invalid_input', message: expect.stringContaining('ghost') } });
    // A backup that failed leaves no file (not even a partial one) where it was to be written.
    expect(fs.readdirSync(path.dirname(request.out.path))).toEqual([]);
    expect(contentHash(target.sqlite)).toBe(before);
  });

  it('an unknown job id is not_found; close() stops a running job', async () => {
    const runner = newRunner();
    expect(() => runner.status('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    const database = await seeded(5, 1);
    const jobId = runner.start(backupJob(database.dataDir));
    await runner.close();
    expect(() => runner.status(jobId)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

const bundledWorker = path.join(PROJECT_ROOT, 'out', 'main', 'job-worker.js');

describe.skipIf(!fs.existsSync(bundledWorker))('the bundled worker (out/main/job-worker.js, after electron-vite build)', () => {
  it('runs a backup on its own', async () => {
    const database = await seeded(3, 1);
    const request = backupJob(database.dataDir);
    const worker = new Worker(bundledWorker, { workerData: request });
    const last = await new Promise<JobMessage>((resolve, reject) => {
      worker.on('message', (m: JobMessage) => m.type !== 'progress' && resolve(m));
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(last).toMatchObject({ type: 'done', outcome: { kind: 'backup', learners: 3 } });
  });
});
