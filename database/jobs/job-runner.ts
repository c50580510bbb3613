import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DalaError } from '../../electron/common/errors';
import type { IpcError } from '../../electron/common/errors';
import type { BackupCheckView, JobStatusView } from '../../electron/common/transfer-views';
import type { TransferUnlock } from '../transfer/file-transfers';
import type { JobMessage, JobRequest, StartJob, WorkerData, WorkerOutcome, WorkerRequest } from './job-protocol';

/** Finished jobs are kept this long for the window to collect their outcome. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** A worker with no job is ended after this long. */
const IDLE_MS = 60_000;

/**
 * Where the worker's code is: `job-worker.js` beside a bundle (Electron's out/main), else the
 * TypeScript source run through tsx (the browser host and tests run from source).
 */
function startWorker(start: WorkerData): Worker {
  // A small young generation: streamed jobs keep one learner alive at a time, so scavenges stay
  // cheap, and a 1.2-million-row restore measured faster and 80 MB smaller with 16 MB than with 64.
  const options = { workerData: start, resourceLimits: { maxYoungGenerationSizeMb: 16 } };
  const bundled = path.join(__dirname, 'job-worker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled, options);
  const source = path.join(__dirname, 'job-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

const STOPPED_UNEXPECTEDLY: IpcError = { code: 'storage', message: 'The job stopped unexpectedly. Nothing was half-written; try again.' };
const STOPPED_EARLY: IpcError = { code: 'storage', message: 'The job stopped before it finished. Nothing was half-written; try again.' };

type Outcome = WorkerOutcome;
interface Launched {
  worker: Worker;
  /** Settles once: the outcome, or the typed error. */
  ended: Promise<{ outcome: Outcome } | { error: IpcError }>;
}

/**
 * Starts a worker for `request`. Requests and answers are small (files go as paths), so no
 * message ever holds the main thread.
 */
function launch(
  request: WorkerRequest,
  onProgress: (done: number, total: number) => void,
  workerFor: (start: WorkerRequest) => Worker,
  release: (worker: Worker, reusable: boolean) => void,
): Launched {
  const worker = workerFor(request);
  let settled = false;
  const ended = new Promise<{ outcome: Outcome } | { error: IpcError }>((resolve) => {
    const end = (result: { outcome: Outcome } | { error: IpcError }, reusable: boolean) => {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      release(worker, reusable);
      resolve(result);
    };
    const onMessage = (message: JobMessage) => {
      if (message.type === 'progress') onProgress(message.done, message.total);
      else if (message.type === 'done') end({ outcome: message.outcome }, true);
      else end({ error: message.error }, true);
    };
    const onError = () => end({ error: STOPPED_UNEXPECTEDLY }, false);
    const onExit = () => end({ error: STOPPED_EARLY }, false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  return { worker, ended };
}

export interface JobRunner {
  start(request: JobRequest): string;
  status(jobId: string): JobStatusView;
  /** Resolves when the job has finished (for the CLI, tests and benchmarks). */
  finished(jobId: string): Promise<JobStatusView>;
  /** Validates a backup file on a worker thread (checkBackupFile of a large file). */
  check(file: string, unlock: TransferUnlock): Promise<BackupCheckView>;
  /** Runs one request on a worker and answers with its outcome (profile previews and imports), or throws its typed error. */
  run<K extends WorkerRequest['kind']>(request: WorkerRequest & { kind: K }): Promise<WorkerOutcome & { kind: K }>;
  close(): Promise<void>;
}

export function createJobRunner(): JobRunner {
  const jobs = new Map<string, { view: JobStatusView; worker: Worker; done: Promise<JobStatusView> }>();
  const checks = new Set<Worker>();
  const forget = (jobId: string) => setTimeout(() => jobs.delete(jobId), KEEP_FINISHED_MS).unref();
  // Starting a worker (loading its code) takes a few hundred milliseconds, and a fresh worker runs
  // its first job with code that has not warmed up yet. So a worker that finished its job waits for
  // the next one (a restore right after checking its file runs where the check ran, warm), for a
  // minute at most and without keeping the app running. Jobs at the same time get workers of their own.
  let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;
  let closed = false;
  const workerFor = (start: WorkerRequest): Worker => {
    let worker: Worker;
    if (idle) {
      clearTimeout(idle.timer);
      worker = idle.worker;
      idle = undefined;
      worker.ref();
    } else {
      worker = startWorker({ standby: true });
      // While no job listens, an error must not become an uncaught 'error' event.
      worker.on('error', () => undefined);
      worker.once('exit', () => {
        if (idle?.worker === worker) {
          clearTimeout(idle.timer);
          idle = undefined;
        }
      });
    }
    worker.postMessage({ type: 'job', start } satisfies StartJob);
    return worker;
  };
  const release = (worker: Worker, reusable: boolean) => {
    if (!reusable) return;
    if (closed || idle) {
      void worker.terminate();
      return;
    }
    worker.unref();
    idle = { worker, timer: setTimeout(() => idle?.worker === worker && ((idle = undefined), void worker.terminate()), IDLE_MS).unref() };
  };
  return {
    start(request) {
      const jobId = randomUUID();
      const view: JobStatusView = { jobId, kind: request.kind, state: 'running', progress: { done: 0, total: 0 }, result: null, error: null };
      const { worker, ended } = launch(
        request,
        (done, total) => {
          if (view.state === 'running') view.progress = { done, total };
        },
        workerFor,
        release,
      );
      const done = ended.then((end) => {
        if ('error' in end) Object.assign(view, { state: 'failed', error: end.error });
        else if (end.outcome.kind !== 'check') Object.assign(view, { state: 'done', result: end.outcome, progress: { done: view.progress.total, total: view.progress.total } });
        forget(jobId);
        return view;
      });
      jobs.set(jobId, { view, worker, done });
      return jobId;
    },
    status(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new DalaError('not_found', 'This job is not known (it may have finished a while ago).', 'jobId');
      return { ...job.view };
    },
    async finished(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new DalaError('not_found', 'This job is not known.', 'jobId');
      return job.done;
    },
    async check(file, unlock) {
      return (await this.run({ kind: 'check', file, unlock })).view;
    },
    async run(request) {
      const { worker, ended } = launch(request, () => undefined, workerFor, release);
      checks.add(worker);
      const end = await ended.finally(() => checks.delete(worker));
      if ('error' in end) throw new DalaError(end.error.code, end.error.message, end.error.field);
      if (end.outcome.kind !== request.kind) throw new DalaError('storage', 'The work gave no answer. Nothing was changed; try again.');
      return end.outcome as WorkerOutcome & { kind: typeof request.kind };
    },
    async close() {
      closed = true;
      const waiting = idle?.worker;
      if (idle) clearTimeout(idle.timer);
      idle = undefined;
      await Promise.all([...[...jobs.values()].map((j) => j.worker.terminate()), ...[...checks].map((w) => w.terminate()), ...(waiting ? [waiting.terminate()] : [])]);
      jobs.clear();
      checks.clear();
    },
  };
}
