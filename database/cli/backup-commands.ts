import path from 'node:path';
import { learnerId } from '../../electron/common/dto';
import { APP_VERSION } from '../app-version';
import { collectBackupFile, isFilteredBackup, parseBackupFile, type BackupFilters } from '../transfer/backup-file';
import { readUserFile, writeFileAtomically } from '../transfer/file-io';
import { restoreBackup } from '../transfer/restore';
import { dateArgument, expectPositionals, parseCommandArguments, UsageError, validArgument } from './arguments';
import type { CliCommand } from './command';
import { printJson, printLines } from './output';
import { importPolicyArgument, printImportReport } from './transfer-commands';

const BACKUP_USAGE = 'dala backup --out FILE [--learner ID]... [--since DATE] [--until DATE]';
const VERIFY_USAGE = 'dala backup verify FILE [--json]';
const RESTORE_USAGE = 'dala restore FILE [--on-conflict merge|skip|replace|error] [--replace [--allow-partial]] [--dry-run] [--json]';

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
  summary: 'write a JSON backup of every (or the chosen) learner',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(
      args,
      { out: { type: 'string' }, learner: { type: 'string', multiple: true }, since: { type: 'string' }, until: { type: 'string' } },
      BACKUP_USAGE,
    );
    expectPositionals(positionals, 0, BACKUP_USAGE, '');
    if (!values.out) throw new UsageError(`missing --out FILE. Usage: ${BACKUP_USAGE}`);
    const filters: BackupFilters = {};
    if (values.learner) filters.learnerIds = values.learner.map((id) => validArgument(learnerId, id, '--learner', BACKUP_USAGE));
    if (values.since) filters.since = dateArgument(values.since, 'start', '--since', BACKUP_USAGE);
    if (values.until) filters.until = dateArgument(values.until, 'end', '--until', BACKUP_USAGE);
    if (filters.since && filters.until && filters.since > filters.until) throw new UsageError(`--since must not be after --until. Usage: ${BACKUP_USAGE}`);
    const database = await context.open();
    const { backup, content } = collectBackupFile(database.sqlite, filters, APP_VERSION, new Date().toISOString(), progressPrinter((s) => context.io.stderr.write(s), 'backing up'));
    writeFileAtomically(values.out, `${content}\n`);
    const rows = Object.values(backup.metadata.counts).reduce((a, b) => a + b, 0);
    printLines(context.io, [`Backed up ${backup.metadata.learners} learner(s) and ${rows} record(s) to ${values.out}.`]);
    return 0;
  },
};

const verifyBackupCommand: CliCommand = {
  path: ['backup', 'verify'],
  usage: VERIFY_USAGE,
  summary: 'check a backup file (format, counts, checksum) without restoring it',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, VERIFY_USAGE);
    const [file] = expectPositionals(positionals, 1, VERIFY_USAGE, 'the backup FILE') as [string];
    const backup = parseBackupFile(readUserFile(file));
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
    const { values, positionals } = parseCommandArguments(
      args,
      { 'on-conflict': { type: 'string' }, replace: { type: 'boolean' }, 'allow-partial': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      RESTORE_USAGE,
    );
    const [file] = expectPositionals(positionals, 1, RESTORE_USAGE, 'the backup FILE') as [string];
    const onConflict = importPolicyArgument(values['on-conflict'], RESTORE_USAGE);
    if (values.replace && values['on-conflict'] !== undefined) throw new UsageError(`--replace makes the database the backup; it takes no --on-conflict. Usage: ${RESTORE_USAGE}`);
    if (values['allow-partial'] && !values.replace) throw new UsageError(`--allow-partial goes with --replace. Usage: ${RESTORE_USAGE}`);
    const bytes = readUserFile(file);
    const database = await context.open();
    const report = await restoreBackup(database, bytes, {
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
