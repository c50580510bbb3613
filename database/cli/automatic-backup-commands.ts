import { expectPositionals, parseCommandArguments, UsageError } from './arguments';
import type { CliCommand } from './command';
import { formatTable, printJson, printLines } from './output';

/** `dala backups list|run|restore`: the automatic copies, for cron and Task Scheduler too. */

const LIST_USAGE = 'dala backups list [--json]';
const RUN_USAGE = 'dala backups run';
const RESTORE_USAGE = 'dala backups restore ID --yes';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export const automaticBackupCommands: CliCommand[] = [
  {
    path: ['backups', 'list'],
    usage: LIST_USAGE,
    summary: 'list the automatic backup copies (newest first) and where they are kept',
    async run(args, context) {
      const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, LIST_USAGE);
      expectPositionals(positionals, 0, LIST_USAGE, '');
      const copies = await context.call('listAutomaticBackups', {});
      if (values.json) {
        printJson(context.io, copies);
        return 0;
      }
      const status = await context.call('getAutomaticBackupStatus', {});
      printLines(context.io, [
        `Automatic backups are ${status.enabled ? `on, every ${status.intervalMinutes} minutes while the app runs` : 'off'}; copies go to ${status.folder}.`,
        ...(copies.length === 0 ? ['There are no copies yet. "dala backups run" makes one.'] : formatTable([['ID', 'MADE', 'SIZE'], ...copies.map((c) => [c.id, c.createdAt, kib(c.sizeBytes)])])),
      ]);
      return 0;
    },
  },
  {
    path: ['backups', 'run'],
    usage: RUN_USAGE,
    summary: 'make a checked copy now and apply the retention rules (for cron or Task Scheduler)',
    async run(args, context) {
      const { positionals } = parseCommandArguments(args, {}, RUN_USAGE);
      expectPositionals(positionals, 0, RUN_USAGE, '');
      const copy = await context.call('runAutomaticBackup', {});
      printLines(context.io, [`Made backup copy ${copy.id} (${kib(copy.sizeBytes)}); it passed the integrity check. Older copies were thinned out by the retention rules.`]);
      return 0;
    },
  },
  {
    path: ['backups', 'restore'],
    usage: RESTORE_USAGE,
    summary: 'put the database back to an automatic copy (a snapshot of the current one is taken first)',
    async run(args, context) {
      const { values, positionals } = parseCommandArguments(args, { yes: { type: 'boolean' } }, RESTORE_USAGE);
      const [backupId] = expectPositionals(positionals, 1, RESTORE_USAGE, 'the backup ID (see "dala backups list")') as [string];
      if (!values.yes) throw new UsageError(`restoring undoes everything done since that copy; add --yes to confirm. Usage: ${RESTORE_USAGE}`);
      const { restoredId, safetySnapshotId } = await context.call('restoreAutomaticBackup', { backupId });
      printLines(context.io, [`Restored backup copy ${restoredId}. The database before it was kept as snapshot ${safetySnapshotId} (dala snapshot restore ${safetySnapshotId} brings it back).`]);
      return 0;
    },
  },
];
