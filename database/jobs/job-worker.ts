import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { makeAutomaticBackup } from '../backups/automatic-backups';
import { openDatabase } from '../open';
import { toDalaError } from '../storage-errors';
import { checkBackupView } from '../transfer/backup-file';
import { backupFileSource, checkBackupFileOnDisk, writeBackupFile, writeProfileFile } from '../transfer/file-transfers';
import { importProfileFile, previewProfileFile } from '../transfer/profile-file-work';
import { restoreBackup } from '../transfer/restore';
import type { JobMessage, StartJob, WorkerData, WorkerOutcome, WorkerRequest } from './job-protocol';

/** Learners a restore's report lists by name in the window (the totals count every one). */
const REPORTED_LEARNERS = 200;

/**
 * Runs one long job (backup, restore, or checking a backup file) on its own thread with its own
 * connection to the same database file, so the window's thread never waits for it. Files are
 * streamed from and to disk here; the main thread only hears progress a few times a second.
 */
async function run(request: WorkerRequest): Promise<WorkerOutcome> {
  if (request.kind === 'check') return { kind: 'check', view: checkBackupView((await checkBackupFileOnDisk(request.file, request.unlock)).header) };
  if (request.kind === 'automaticBackup') {
    const { copy, pruned } = await makeAutomaticBackup(request.dataDir, request.folder);
    return { kind: 'automaticBackup', copy: { id: copy.id, createdAt: copy.createdAt, sizeBytes: copy.sizeBytes }, pruned };
  }
  if (request.kind === 'profileExport') {
    const database = await openDatabase({ dataDir: request.dataDir });
    try {
      const { sizeBytes } = await writeProfileFile(database.sqlite, request.learnerId, request.appVersion, request.now, request.out, request.protection);
      return { kind: 'profileExport', sizeBytes };
    } finally {
      database.close();
    }
  }
  if (request.kind === 'profilePreview' || request.kind === 'profileImport') {
    const database = await openDatabase({ dataDir: request.dataDir });
    try {
      if (request.kind === 'profilePreview') return { kind: 'profilePreview', ...(await previewProfileFile(database, request.file, request.unlock, request.fileName)) };
      return { kind: 'profileImport', report: await importProfileFile(database, request.file, request.unlock, request.fileName, request.policy, request.checksum) };
    } finally {
      database.close();
    }
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
      const { out, protection } = request;
      const written = await writeBackupFile(database.sqlite, request.filters, request.appVersion, new Date().toISOString(), out.path, protection, onProgress);
      const file = { fileId: out.fileId, fileName: out.fileName, sizeBytes: written.sizeBytes, passphraseProtected: Boolean(protection.passphrase), compressed: Boolean(protection.gzip && !protection.passphrase) };
      return { kind: 'backup', file, learners: written.learners, records: written.records };
    }
    const { replace, dryRun, onConflict, allowPartial } = request;
    const report = await restoreBackup(database, backupFileSource(request.file, request.unlock), { replace, dryRun, onConflict, allowPartial, source: request.fileName, onProgress });
    // The window shows a list it can read; the whole list of a school of thousands would be a message of megabytes.
    if (report.learners.length <= REPORTED_LEARNERS) return { kind: 'restore', report };
    return { kind: 'restore', report: { ...report, learners: report.learners.slice(0, REPORTED_LEARNERS), learnersOmitted: report.learners.length - REPORTED_LEARNERS } };
  } finally {
    database.close();
  }
}

function post(message: JobMessage): void {
  parentPort?.postMessage(message);
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

function begin(request: WorkerRequest): void {
  run(request)
    .then(
      (outcome) => post({ type: 'done', outcome }),
      (error: unknown) => post({ type: 'failed', error: toDalaError(error).toIpcError() }),
    )
    .finally(() => collectGarbage?.());
}

const data = workerData as WorkerData;
// Started by the runner: wait for jobs, one at a time, as long as the runner keeps this worker.
if ('standby' in data) parentPort?.on('message', (message: StartJob | { type: string }) => 'start' in message && message.type === 'job' && begin(message.start));
else begin(data);
