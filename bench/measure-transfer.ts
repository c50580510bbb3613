import { invokeChannel } from './dispatch';
import type { ChannelDispatcher } from '../database/channels/dispatch';
import { rawBulkInsert, rawInsertPlan, rowCount } from './data';
import { openApp, openRaw } from './db';
import { result, type BenchResult } from './report';
import type { BenchEnv } from './setup';
import { collectGarbage, median, now } from './timing';

async function call<T>(handlers: ChannelDispatcher, name: string, payload: unknown): Promise<T> {
  const answer = await invokeChannel(handlers, name, payload);
  if (!answer.ok) throw new Error(`${name} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/**
 * Moving the heavy learner to another machine: export through the real handler on the source,
 * then preview + apply of the file on a target that has its own classroom (what an educator
 * does). Rows per second against a raw bulk insert of the same rows, in one transaction, into the
 * same kind of target.
 */
export async function measureProfileTransfer(env: BenchEnv): Promise<BenchResult[]> {
  const rows = rowCount([env.heavy]);
  const learnerId = env.heavy.learner.id;
  const source = await openApp(env.copy(env.profileDir, 'export'));
  const plan = rawInsertPlan([env.heavy]);
  const exportMs: number[] = [];
  const importMs: number[] = [];
  const rawMs: number[] = [];
  try {
    // Warm-up: the first exports compile the code paths the measured ones use.
    for (let i = 0; i < 2; i++) await call(source.handlers, 'exportLearnerProfile', { learnerId });
    for (let rep = 0; rep < env.sizes.transferRepetitions; rep++) {
      collectGarbage();
      let start = now();
      const file = await call<{ fileId: string }>(source.handlers, 'exportLearnerProfile', { learnerId });
      exportMs.push(now() - start);

      const target = await openApp(env.copy(env.classroomDir, 'import'));
      try {
        collectGarbage();
        start = now();
        // The file as the other machine would get it: chosen from disk (the path the exporter wrote).
        const chosen = target.handlers.context.transferFiles.registerIncoming(source.handlers.context.transferFiles.resolve(file.fileId).path);
        const preview = await call<{ importId: string }>(target.handlers, 'previewProfileImport', { fileId: chosen.fileId });
        const report = await call<{ totals: { added: number } }>(target.handlers, 'applyProfileImport', { importId: preview.importId, policy: 'merge' });
        importMs.push(now() - start);
        if (report.totals.added !== rows - 1) throw new Error(`the import added ${report.totals.added} rows, expected ${rows - 1}`);
      } finally {
        await target.close();
      }

      const rawTarget = openRaw(env.copy(env.classroomDir, 'raw-import'));
      try {
        collectGarbage();
        start = now();
        rawBulkInsert(rawTarget, plan);
        rawMs.push(now() - start);
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
  const roundTrip = exportMs.map((ms, i) => ms + (importMs[i] as number));
  return [
    result(`profile export (${rows} rows)`, perSecond(median(exportMs)), raw, 'rows/s', budget, paired(exportMs)),
    result(`profile import: preview + apply (${rows} rows)`, perSecond(median(importMs)), raw, 'rows/s', budget, paired(importMs)),
    result(`  export + import back to back (${rows} rows; the budget is per operation)`, perSecond(median(roundTrip)), raw, 'rows/s', { kind: 'reported-ratio' }, paired(roundTrip)),
  ];
}
