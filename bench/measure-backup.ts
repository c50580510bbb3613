import { rawBulkInsert, rawInsertPlan, rowCount } from './data';
import { openApp, openRaw } from './db';
import { callOverIpc, newTransport, runJob } from './jobs';
import { startStallMonitor } from './monitor';
import { result, type BenchResult } from './report';
import type { BenchEnv } from './setup';
import { collectGarbage, median, now, sleep } from './timing';

const MB = 1_048_576;

/**
 * A full backup of the school and its restore into an empty database, as the app runs them:
 * startBackup, then (the window having the file) checkBackupFile and startRestore, each through
 * invokeChannel with Electron's IPC copies simulated, on the job runner's worker threads, polled
 * with getJobStatus. Meanwhile the main thread is watched and the process RSS sampled. Raw side:
 * a bulk insert of the same rows in one transaction.
 */
export async function measureBackupRestore(env: BenchEnv): Promise<BenchResult[]> {
  const rows = rowCount(env.school);
  const plan = rawInsertPlan(env.school);
  const source = await openApp(env.copy(env.schoolDir, 'backup'));
  const backupMs: number[] = [];
  const restoreMs: number[] = [];
  const checkMs: number[] = [];
  const stalls: number[] = [];
  const gaps: number[] = [];
  const idleStalls: number[] = [];
  const rawMs: number[] = [];
  let transportMs = 0;
  let peakRss = 0;
  try {
    // Warm-up: the first worker compiles the TypeScript sources through tsx (cached on disk after that).
    const warm = await openApp(env.copy(env.classroomDir, 'warm-up'));
    const warmBackup = await runJob(newTransport(), warm.handlers, 'startBackup', {});
    if (warmBackup.result?.kind === 'backup') await runJob(newTransport(), warm.handlers, 'startRestore', { fileId: warmBackup.result.file.fileId, replace: false, dryRun: true });
    await warm.close();

    for (let rep = 0; rep < env.sizes.backupRepetitions; rep++) {
      const target = await openApp(env.copy(env.emptyDir, 'restore'));
      try {
        collectGarbage();
        const monitor = startStallMonitor();
        const transport = newTransport(monitor);
        let start = now();
        const backup = await runJob(transport, source.handlers, 'startBackup', {});
        backupMs.push(now() - start);
        if (backup.result?.kind !== 'backup') throw new Error('the backup job gave no backup');
        if (backup.result.records + backup.result.learners !== rows) throw new Error(`the backup holds ${backup.result.records + backup.result.learners} rows, expected ${rows}`);
        // The file as the window hands it on: chosen from disk (the path the backup job wrote).
        const { fileId } = target.handlers.context.transferFiles.registerIncoming(source.handlers.context.transferFiles.resolve(backup.result.file.fileId).path);
        monitor.resetPeakRss();
        start = now();
        const check = await callOverIpc<{ learners: number }>(transport, target.handlers, 'checkBackupFile', { fileId });
        checkMs.push(now() - start);
        if (check.learners !== env.school.length) throw new Error(`checkBackupFile counted ${check.learners} learners`);
        start = now();
        const restore = await runJob(transport, target.handlers, 'startRestore', { fileId, replace: false, dryRun: false });
        restoreMs.push(now() - start);
        const seen = monitor.stop();
        stalls.push(seen.longestStallMs);
        gaps.push(seen.longestGapMs);
        peakRss = Math.max(peakRss, seen.peakRssBytes);
        transportMs = Math.max(transportMs, transport.longestMs);
        if (restore.result?.kind !== 'restore' || restore.result.report.totals.added !== rows - env.school.length) {
          throw new Error(`the restore added ${restore.result?.kind === 'restore' ? restore.result.report.totals.added : '?'} rows, expected ${rows - env.school.length}`);
        }
      } finally {
        await target.close();
      }

      // The same monitor while the main thread does nothing, for as long as the restore took.
      collectGarbage();
      const idle = startStallMonitor();
      await sleep(Math.min(3_000, Math.max(200, restoreMs[restoreMs.length - 1] ?? 0)));
      idleStalls.push(idle.stop().longestGapMs);

      const rawTarget = openRaw(env.copy(env.emptyDir, 'raw-restore'));
      try {
        collectGarbage();
        const start2 = now();
        rawBulkInsert(rawTarget, plan);
        rawMs.push(now() - start2);
      } finally {
        rawTarget.close();
      }
    }
  } finally {
    await source.close();
  }
  const perSecond = (ms: number) => rows / (ms / 1000);
  const raw = perSecond(median(rawMs));
  // Each repetition's ratio to the raw insert made right after it; the median of those.
  const paired = (ms: number[]) => median(ms.map((m, i) => (rawMs[i] as number) / m));
  const budget = { kind: 'ratio-at-least', limit: 0.4 } as const;
  const label = `${env.school.length} learners × ${env.sizes.attemptsPerLearner} attempts, ${rows} rows`;
  return [
    result(`full backup via job runner (${label})`, perSecond(median(backupMs)), raw, 'rows/s', budget, paired(backupMs)),
    result(`full restore via job runner (${label})`, perSecond(median(restoreMs)), raw, 'rows/s', budget, paired(restoreMs)),
    result('  checkBackupFile of that backup, before the restore (worker thread)', perSecond(median(checkMs)), raw, 'rows/s', { kind: 'reported-ratio' }, paired(checkMs)),
    result(`longest main-thread stall during backup + check + restore (worst of ${stalls.length})`, Math.max(...stalls), null, 'ms', { kind: 'at-most', limit: 50 }),
    result(`  same, wall clock incl. other processes (worst of ${gaps.length}; raw = idle main thread)`, Math.max(...gaps), Math.max(...idleStalls), 'ms', { kind: 'reported' }),
    result('  largest IPC copy of the backup on the main thread (Electron structured clone)', transportMs, null, 'ms', { kind: 'reported' }),
    result(`peak RSS during check + restore of ${rows} rows (whole process)`, peakRss / MB, null, 'MB', { kind: 'reported' }),
  ];
}
