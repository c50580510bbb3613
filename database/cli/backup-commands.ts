import path from 'node:path';
import { learnerId } from '../../electron/common/dto';
import { APP_VERSION } from '../app-version';
import { isFilteredBackup, type BackupFilters } from '../transfer/backup-file';
import { backupFileSource, checkBackupFileOnDisk, checkTransferFileOpens, writeBackupFile } from '../transfer/file-transfers';
import { restoreBackup } from '../transfer/restore';
import { dateArgument, expectPositionals, parseCommandArguments, UsageError, validArgument } from './arguments';
import type { CliCommand } from './command';
import { printJson, printLines } from './output';
import { importPolicyArgument, printImportReport } from './transfer-commands';
import { protectionArguments, READ_PROTECTION_OPTIONS, refusePassphraseOnArgv, unlockArguments, withPassphraseHint, WRITE_PROTECTION_OPTIONS } from './transfer-protection';

const BACKUP_USAGE = 'dala backup --out FILE [--learner ID]... [--since DATE] [--until DATE] [--gzip] [--passphrase-stdin]';
const VERIFY_USAGE = 'dala backup verify FILE [--passphrase-stdin] [--json]';
const RESTORE_USAGE = 'dala restore FILE [--on-conflict merge|skip|replace|error] [--replace [--allow-partial]] [--dry-run] [--passphrase-stdin] [--json]';

/** Progress on stderr, at most a few times a second, so stdout stays clean for scripts. */
function progressPrinter(write: (s: string) => unknown, label: string) {
  let last = 0;
  return (done: number, total: number, skipped?: number) => {
    if (Date.now() - last < 300 && done < total) return;
    last = Date.now();
    const skippedNote = skipped === undefined ? '' : ` (${skipped} skipped)`;
    write(`\r${label}: ${done}/${total} learners${skippedNote}${done === total ? '\n' : ''}`);
  };
}

function describeFilters(filters: BackupFilters | undefined): string {
  const parts: string[] = [];
  if (filters?.learnerIds) parts.push(`${filters.learnerIds.length} chosen learner(s)`);
  if (filters?.since) parts.push(`records from ${filters.since}`);
  if (filters?.until) parts.push(`records until ${filters.until}`);
  return parts.join(', ');
}

const backupCommand: CliCommand = {
  path: ['backup'],
  usage: BACKUP_USAGE,
  summary: 'write a JSON backup of every (or the chosen) learner, optionally gzipped and protected with a passphrase',
  async run(args, context) {
    refusePassphraseOnArgv(args, BACKUP_USAGE);
    const { values, positionals } = parseCommandArguments(
      args,
      { out: { type: 'string' }, learner: { type: 'string', multiple: true }, since: { type: 'string' }, until: { type: 'string' }, ...WRITE_PROTECTION_OPTIONS },
      BACKUP_USAGE,
    );
    expectPositionals(positionals, 0, BACKUP_USAGE, '');
    if (!values.out) throw new UsageError(`missing --out FILE. Usage: ${BACKUP_USAGE}`);
    const filters: BackupFilters = {};
    if (values.learner) filters.learnerIds = values.learner.map((id) => validArgument(learnerId, id, '--learner', BACKUP_USAGE));
    if (values.since) filters.since = dateArgument(values.since, 'start', '--since', BACKUP_USAGE);
    if (values.until) filters.until = dateArgument(values.until, 'end', '--until', BACKUP_USAGE);
    if (filters.since && filters.until && filters.since > filters.until) throw new UsageError(`--since must not be after --until. Usage: ${BACKUP_USAGE}`);
    const protection = await protectionArguments(values, context, BACKUP_USAGE);
    const database = await context.open();
    const written = await writeBackupFile(database.sqlite, filters, APP_VERSION, new Date().toISOString(), values.out, protection, progressPrinter((s) => context.io.stderr.write(s), 'backing up'));
    const wrapping = [protection.gzip ? 'gzipped' : '', protection.passphrase ? 'protected with the passphrase' : ''].filter(Boolean).join(', ');
    printLines(context.io, [`Backed up ${written.learners} learner(s) and ${written.records} record(s) to ${values.out}${wrapping ? ` (${wrapping})` : ''}.`]);
    return 0;
  },
};

const verifyBackupCommand: CliCommand = {
  path: ['backup', 'verify'],
  usage: VERIFY_USAGE,
  summary: 'check a backup file (format, counts, checksum) without restoring it',
  async run(args, context) {
    refusePassphraseOnArgv(args, VERIFY_USAGE);
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' }, ...READ_PROTECTION_OPTIONS }, VERIFY_USAGE);
    const [file] = expectPositionals(positionals, 1, VERIFY_USAGE, 'the backup FILE') as [string];
    const unlock = await unlockArguments(values, context, VERIFY_USAGE);
    const { header: backup } = await withPassphraseHint(checkBackupFileOnDisk(file, unlock));
    const summary = { valid: true, createdAt: backup.createdAt, appVersion: backup.appVersion, learners: backup.metadata.learners, counts: backup.metadata.counts, filters: backup.filters, filtered: isFilteredBackup(backup.filters) };
    if (values.json) printJson(context.io, summary);
    else
      printLines(context.io, [
        `${file} is a valid DALA backup made ${backup.createdAt} by version ${backup.appVersion}.`,
        `Learners: ${backup.metadata.learners}; ${Object.entries(backup.metadata.counts).map(([t, n]) => `${t} ${n}`).join(', ')}.`,
        ...(isFilteredBackup(backup.filters)
          ? [`Filtered backup (${describeFilters(backup.filters)}): it holds only part of the data; restoring it with --replace needs --allow-partial.`]
          : ['Complete backup: every learner, every date.']),
      ]);
    return 0;
  },
};

const restoreCommand: CliCommand = {
  path: ['restore'],
  usage: RESTORE_USAGE,
  summary: 'merge a backup into this database (or --replace everything with it)',
  async run(args, context) {
    refusePassphraseOnArgv(args, RESTORE_USAGE);
    const { values, positionals } = parseCommandArguments(
      args,
      { 'on-conflict': { type: 'string' }, replace: { type: 'boolean' }, 'allow-partial': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, ...READ_PROTECTION_OPTIONS },
      RESTORE_USAGE,
    );
    const [file] = expectPositionals(positionals, 1, RESTORE_USAGE, 'the backup FILE') as [string];
    const onConflict = importPolicyArgument(values['on-conflict'], RESTORE_USAGE);
    if (values.replace && values['on-conflict'] !== undefined) throw new UsageError(`--replace makes the database the backup; it takes no --on-conflict. Usage: ${RESTORE_USAGE}`);
    if (values['allow-partial'] && !values.replace) throw new UsageError(`--allow-partial goes with --replace. Usage: ${RESTORE_USAGE}`);
    const unlock = await unlockArguments(values, context, RESTORE_USAGE);
    // A missing file or passphrase is said before the database is opened (or created).
    await withPassphraseHint(checkTransferFileOpens(file, unlock));
    const database = await context.open();
    const report = await restoreBackup(database, backupFileSource(file, unlock), {
      replace: values.replace === true,
      onConflict,
      allowPartial: values['allow-partial'] === true,
      dryRun: values['dry-run'] === true,
      source: path.basename(file),
      onProgress: progressPrinter((s) => context.io.stderr.write(s), 'restoring'),
    });
    printImportReport(context, report, values.json === true);
    return 0;
  },
};

export const backupCommands: CliCommand[] = [backupCommand, verifyBackupCommand, restoreCommand];
