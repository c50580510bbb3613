import path from 'node:path';
import { learnerId } from '../../electron/common/dto';
import { IMPORT_POLICIES, type ImportPolicy } from '../../electron/common/transfer-views';
import { describeChanges } from '../transfer/import-plan';
import { readProfileFileOnDisk, writeProfileFile } from '../transfer/file-transfers';
import { importTransfers, type ImportReport } from '../transfer/profile-import';
import { undoLastImport } from '../transfer/snapshot-restore';
import { APP_VERSION } from '../app-version';
import { expectPositionals, parseCommandArguments, UsageError, validArgument } from './arguments';
import type { CliCommand, CommandContext } from './command';
import { printJson, printLines } from './output';
import { protectionArguments, READ_PROTECTION_OPTIONS, refusePassphraseOnArgv, unlockArguments, withPassphraseHint, WRITE_PROTECTION_OPTIONS } from './transfer-protection';

const EXPORT_USAGE = 'dala export ID --out FILE [--gzip] [--passphrase-stdin]';
const IMPORT_USAGE = 'dala import FILE [--on-conflict merge|skip|replace|error] [--dry-run] [--passphrase-stdin] [--json]';
const UNDO_USAGE = 'dala undo-import';

/** `--on-conflict`: what happens to a learner who is here already (merge unless told). */
export function importPolicyArgument(value: string | undefined, usage: string): ImportPolicy {
  const policy = (value ?? 'merge') as ImportPolicy;
  if (!IMPORT_POLICIES.includes(policy)) throw new UsageError(`--on-conflict must be one of ${IMPORT_POLICIES.join(', ')}. Usage: ${usage}`);
  return policy;
}

/** "2 new, 1 merged, 3 skipped": the outcomes that happened, in a fixed order. */
function outcomeCounts(report: ImportReport): string {
  const names = { created: 'new', merged: 'merged', replaced: 'replaced', skipped: 'skipped', unchanged: 'unchanged' } as const;
  const counts = (Object.keys(names) as Array<keyof typeof names>)
    .map((outcome) => [names[outcome], report.learners.filter((l) => l.outcome === outcome).length] as const)
    .filter(([, n]) => n > 0);
  return counts.length === 0 ? 'no learners' : counts.map(([name, n]) => `${n} ${name}`).join(', ');
}

export function printImportReport(context: CommandContext, report: ImportReport, json: boolean): void {
  if (json) {
    printJson(context.io, report);
    return;
  }
  const lines = report.learners.map((l) => `${l.displayName} (${l.learnerId}): ${l.outcome}; ${describeChanges(l.totals)}`);
  if (report.learnersRemoved > 0) lines.push(`${report.learnersRemoved} learner(s) not in the backup were removed.`);
  lines.push(`Learners: ${outcomeCounts(report)}.`);
  lines.push(`${report.dryRun ? 'Dry run, nothing written: would be ' : ''}${report.summary}.`);
  if (report.snapshotId) lines.push(`To undo: dala undo-import (snapshot ${report.snapshotId}).`);
  printLines(context.io, lines);
}

const exportCommand: CliCommand = {
  path: ['export'],
  usage: EXPORT_USAGE,
  summary: 'write one learner\'s whole profile to a .dalaprofile file',
  async run(args, context) {
    refusePassphraseOnArgv(args, EXPORT_USAGE);
    const { values, positionals } = parseCommandArguments(args, { out: { type: 'string' }, ...WRITE_PROTECTION_OPTIONS }, EXPORT_USAGE);
    const [rawId] = expectPositionals(positionals, 1, EXPORT_USAGE, 'the learner ID');
    const id = validArgument(learnerId, rawId, 'ID', EXPORT_USAGE);
    if (!values.out) throw new UsageError(`missing --out FILE. Usage: ${EXPORT_USAGE}`);
    const protection = await protectionArguments(values, context, EXPORT_USAGE);
    const database = await context.open();
    await writeProfileFile(database.sqlite, id, APP_VERSION, new Date().toISOString(), values.out, protection);
    printLines(context.io, [`Exported learner ${id} to ${values.out}${protection.passphrase ? ' (protected with the passphrase)' : ''}.`]);
    return 0;
  },
};

const importCommand: CliCommand = {
  path: ['import'],
  usage: IMPORT_USAGE,
  summary: 'merge a .dalaprofile file into this database (nothing is duplicated or lost)',
  async run(args, context) {
    refusePassphraseOnArgv(args, IMPORT_USAGE);
    const { values, positionals } = parseCommandArguments(
      args,
      { 'on-conflict': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, ...READ_PROTECTION_OPTIONS },
      IMPORT_USAGE,
    );
    const [file] = expectPositionals(positionals, 1, IMPORT_USAGE, 'the profile FILE') as [string];
    const policy = importPolicyArgument(values['on-conflict'], IMPORT_USAGE);
    // Validate the whole file before the database is even opened.
    const unlock = await unlockArguments(values, context, IMPORT_USAGE);
    const profile = await withPassphraseHint(readProfileFileOnDisk(file, unlock));
    const database = await context.open();
    const report = await importTransfers(database, [profile], { policy, dryRun: values['dry-run'] === true, source: path.basename(file) });
    printImportReport(context, report, values.json === true);
    return 0;
  },
};

const undoCommand: CliCommand = {
  path: ['undo-import'],
  usage: UNDO_USAGE,
  summary: 'put the database back as it was before the last import or restore',
  async run(args, context) {
    const { positionals } = parseCommandArguments(args, {}, UNDO_USAGE);
    expectPositionals(positionals, 0, UNDO_USAGE, '');
    const database = await context.open();
    const undone = await undoLastImport(database.sqlite, database.dataDir);
    printLines(context.io, [
      `Undid the import of ${undone.source} from ${undone.importedAt}.`,
      `The state before the undo was kept as snapshot ${undone.safetySnapshotId}.`,
    ]);
    return 0;
  },
};

export const transferCommands: CliCommand[] = [exportCommand, importCommand, undoCommand];
