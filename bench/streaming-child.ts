import fs from 'node:fs';
import { callOverIpc, newTransport, runJob } from './jobs';
import { openApp } from './db';
import { startStallMonitor } from './monitor';
import { now } from './timing';

/**
 * One streamed-file scenario in a process of its own, so that its peak RSS is the app's alone
 * (not the benchmark's generated data): what the app process would hold while it runs.
 * Prints one JSON line: time, peak RSS, longest main-thread stall, largest IPC message.
 */
export interface StreamingScenario {
  kind: 'backup' | 'restore' | 'export' | 'import';
  dataDir: string;
  /** restore, import: the file to read. */
  file?: string;
  learnerId?: string;
  /** backup, export: where to keep the written file (the app removes its own when it closes). */
  keepAs?: string;
}

export interface StreamingMeasurement {
  ms: number;
  peakRssBytes: number;
  longestStallMs: number;
  largestMessageBytes: number;
  /** backup, export: where the file was written; restore, import: rows added. */
  file?: string;
  added?: number;
}

async function run(scenario: StreamingScenario): Promise<StreamingMeasurement> {
  const app = await openApp(scenario.dataDir);
  const files = app.handlers.context.transferFiles;
  try {
    const transport = newTransport();
    // Warm-up, as the app is after its first job: the dispatch path, and a worker that has loaded
    // its code (from source through tsx here, which compiles it: a second the bundled app never pays).
    await callOverIpc(transport, app.handlers, 'getAppInfo', {});
    await runJob(transport, app.handlers, 'startBackup', { learnerIds: [] }, 20);
    transport.largestBytes = 0;
    const monitor = startStallMonitor();
    transport.monitor = monitor;
    const start = now();
    const out: Partial<StreamingMeasurement> = {};
    if (scenario.kind === 'backup') {
      const done = await runJob(transport, app.handlers, 'startBackup', {}, 20);
      if (done.result?.kind !== 'backup') throw new Error('no backup');
      out.file = files.resolve(done.result.file.fileId).path;
    } else if (scenario.kind === 'restore') {
      const { fileId } = files.registerIncoming(scenario.file as string);
      const done = await runJob(transport, app.handlers, 'startRestore', { fileId, replace: false, dryRun: false }, 20);
      if (done.result?.kind !== 'restore') throw new Error('no restore');
      out.added = done.result.report.totals.added;
    } else if (scenario.kind === 'export') {
      const file = await callOverIpc<{ fileId: string }>(transport, app.handlers, 'exportLearnerProfile', { learnerId: scenario.learnerId });
      out.file = files.resolve(file.fileId).path;
    } else {
      const { fileId } = files.registerIncoming(scenario.file as string);
      const preview = await callOverIpc<{ importId: string }>(transport, app.handlers, 'previewProfileImport', { fileId });
      const report = await callOverIpc<{ totals: { added: number } }>(transport, app.handlers, 'applyProfileImport', { importId: preview.importId, policy: 'merge' });
      out.added = report.totals.added;
    }
    const ms = now() - start;
    const seen = monitor.stop();
    // The written file outlives this process: the parent hands it to the next scenario.
    if (out.file && scenario.keepAs) {
      fs.renameSync(out.file, scenario.keepAs);
      out.file = scenario.keepAs;
    }
    return { ms, peakRssBytes: seen.peakRssBytes, longestStallMs: seen.longestStallMs, largestMessageBytes: transport.largestBytes, ...out };
  } finally {
    await app.close();
  }
}

export function main(): void {
  const scenario = JSON.parse(process.argv[process.argv.length - 1] as string) as StreamingScenario;
  run(scenario).then(
    (measured) => {
      process.stdout.write(`${JSON.stringify(measured)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
