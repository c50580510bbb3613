import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { localDay } from '../../electron/common/local-day';
import { makeAutomaticBackup } from '../backups/automatic-backups';
import { openDatabase } from '../open';
import { toDalaError } from '../storage-errors';
import { checkBackupView, collectBackupFile, parseBackupFile } from '../transfer/backup-file';
import { restoreBackup } from '../transfer/restore';
import { CHUNK_CHARS, type AutomaticBackupOutcome, type BackupOutcome, type CheckOutcome, type ContentChunk, type JobMessage, type JobStart, type RestoreOutcome, type StartJob, type WorkerData, type WorkerRequest } from './job-protocol';

/**
 * Runs one long job (backup, restore, or checking a backup file) on its own thread with its own
 * connection to the same database file, so the window's thread never waits for it. Reports
 * progress a few times a second. Large texts travel in chunks when the runner asks for it.
 */
async function run(request: WorkerRequest, chunkedResult: boolean): Promise<BackupOutcome | RestoreOutcome | CheckOutcome | AutomaticBackupOutcome> {
  if (request.kind === 'check') return { kind: 'check', view: checkBackupView(parseBackupFile(request.content)) };
  if (request.kind === 'automaticBackup') {
    const { copy, pruned } = await makeAutomaticBackup(request.dataDir, request.folder);
    return { kind: 'automaticBackup', copy: { id: copy.id, createdAt: copy.createdAt, sizeBytes: copy.sizeBytes }, pruned };
  }
  const database = await openDatabase({ dataDir: request.dataDir });
  let lastReport = 0;
  const onProgress = (done: number, total: number) => {
    if (done < total && Date.now() - lastReport < 100) return;
    lastReport = Date.now();
    post({ type: 'progress', done, total });
  };
  try {
    if (request.kind === 'backup') {
      const now = new Date().toISOString();
      const file = collectBackupFile(database.sqlite, request.filters, request.appVersion, now, onProgress);
      const backup = file.backup;
      const records = Object.values(backup.metadata.counts).reduce((a, b) => a + b, 0);
      let content = `${file.content}\n`;
      if (chunkedResult) {
        await sendInChunks(content);
        content = '';
      }
      return { kind: 'backup', fileName: `dala-backup-${localDay(new Date(now))}.json`, content, learners: backup.metadata.learners, records };
    }
    const { replace, dryRun, onConflict, allowPartial } = request;
    const report = await restoreBackup(database, request.content, { replace, dryRun, onConflict, allowPartial, source: request.fileName, onProgress });
    return { kind: 'restore', report };
  } finally {
    database.close();
  }
}

function post(message: JobMessage): void {
  parentPort?.postMessage(message);
}

/** Sends a large text a chunk at a time, each after the main thread acknowledged the one before. */
async function sendInChunks(text: string): Promise<void> {
  const port = parentPort;
  if (!port) return;
  for (let at = 0; at < text.length; at += CHUNK_CHARS) {
    const acknowledged = new Promise<void>((resolve) => port.once('message', () => resolve()));
    post({ type: 'chunk', text: text.slice(at, at + CHUNK_CHARS) });
    await acknowledged;
  }
}

/** The request, with its content put back together when it came in chunks. */
function receive(start: JobStart): Promise<WorkerRequest> {
  const { contentChunks, chunkedResult: _chunked, ...request } = start;
  if (!contentChunks || !('content' in request) || !parentPort) return Promise.resolve(request as WorkerRequest);
  const port = parentPort;
  return new Promise((resolve) => {
    const pieces: string[] = [];
    const onChunk = (message: ContentChunk) => {
      pieces.push(message.text);
      if (pieces.length < contentChunks) return;
      port.off('message', onChunk);
      resolve({ ...request, content: pieces.join('') } as WorkerRequest);
    };
    port.on('message', onChunk);
  });
}

/**
 * A full garbage collection, for a worker that waits for another job: without it the heap keeps
 * the last job's garbage (a whole parsed backup) until the next job happens to collect it.
 */
const collectGarbage: (() => void) | undefined = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

function begin(start: JobStart): void {
  receive(start)
    .then((request) => run(request, start.chunkedResult === true))
    .then(
      (outcome) => post({ type: 'done', outcome }),
      (error: unknown) => post({ type: 'failed', error: toDalaError(error).toIpcError() }),
    )
    .finally(() => collectGarbage?.());
}

const data = workerData as WorkerData;
// Started by the runner: wait for jobs, one at a time, as long as the runner keeps this worker.
// (Chunks and acknowledgements of a running job go to that job's own listeners.)
if ('standby' in data) parentPort?.on('message', (message: StartJob | { type: string }) => 'start' in message && message.type === 'job' && begin(message.start));
else begin(data);
