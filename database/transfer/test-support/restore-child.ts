import fs from 'node:fs';
import { openDatabase } from '../../open';
import { restoreBackup } from '../restore';

/**
 * The child process of the kill drill (kill-drill.test.ts): restores a backup into a data folder
 * and says where it is on stdout, so the parent can SIGKILL it at chosen moments.
 *   DRILL_DATA_DIR  the target data folder
 *   DRILL_BACKUP    the backup file
 *   DRILL_REPLACE   "1" for --replace
 * Prints "ready" once the database is open, "learner N" after each learner is written (inside the
 * transaction), "done" after the restore returned and the database was closed.
 */
async function main(): Promise<void> {
  const dataDir = process.env.DRILL_DATA_DIR;
  const backupFile = process.env.DRILL_BACKUP;
  if (!dataDir || !backupFile) throw new Error('DRILL_DATA_DIR and DRILL_BACKUP are required');
  const bytes = fs.readFileSync(backupFile);
  const database = await openDatabase({ dataDir });
  process.stdout.write('ready\n');
  await restoreBackup(database, bytes, {
    replace: process.env.DRILL_REPLACE === '1',
    dryRun: false,
    source: 'drill.dalabackup',
    // Called inside the write transaction after each learner is written; pipes are synchronous on Linux.
    onProgress: (done) => process.stdout.write(`learner ${done}\n`),
  });
  database.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`restore-child: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
