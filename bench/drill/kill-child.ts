import fs from 'node:fs';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { invokeChannel } from '../dispatch';
import { openDatabase } from '../../database/open';
import type { JobStatusView } from '../../electron/common/transfer-views';

/**
 * The child process of the kill drill: imports a profile file (previewProfileImport then
 * applyProfileImport) or restores a backup (startRestore, polled with getJobStatus) through the
 * real handlers, saying on stdout where it is so that the parent can SIGKILL it:
 *   "ready" once the database is open, "learner N" while a restore writes (inside its
 *   transaction), "done" after it finished and closed the database.
 * Environment: DRILL_KIND (import | restore), DRILL_DATA_DIR, DRILL_FILE, DRILL_REPLACE ("1").
 */
const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const dataDir = process.env.DRILL_DATA_DIR;
  const file = process.env.DRILL_FILE;
  if (!dataDir || !file) throw new Error('DRILL_DATA_DIR and DRILL_FILE are required');
  const database = await openDatabase({ dataDir });
  const handlers = createChannelDispatcher(database, { appVersion: 'drill', shell: 'browser', resolveProfileFile: () => file });
  say('ready');
  if (process.env.DRILL_KIND === 'import') {
    const preview = await invokeChannel(handlers, 'previewProfileImport', { fileId: 'drill' });
    if (!preview.ok) throw new Error(`preview failed: ${preview.error.message}`);
    say('previewed');
    const applied = await invokeChannel(handlers, 'applyProfileImport', { importId: (preview.value as { importId: string }).importId, policy: 'merge' });
    if (!applied.ok) throw new Error(`import failed: ${applied.error.message}`);
  } else {
    const { fileId } = handlers.context.transferFiles.registerIncoming(file);
    const started = await invokeChannel(handlers, 'startRestore', { fileId, replace: process.env.DRILL_REPLACE === '1', dryRun: false });
    if (!started.ok) throw new Error(`restore did not start: ${started.error.message}`);
    const jobId = (started.value as { jobId: string }).jobId;
    let reported = 0;
    for (;;) {
      const status = await invokeChannel(handlers, 'getJobStatus', { jobId });
      if (!status.ok) throw new Error(status.error.message);
      const view = status.value as JobStatusView;
      if (view.progress.done > reported && view.state === 'running') say(`learner ${(reported = view.progress.done)}`);
      if (view.state === 'failed') throw new Error(`restore failed: ${view.error?.message}`);
      if (view.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  await handlers.close();
  database.close();
  say('done');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`kill-child: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
