import fs from 'node:fs';
import { databasePath } from '../data-dir';
import { pendingMigrationSql, rollBackLastUpgrade, schemaHistory } from '../maintenance/schema-maintenance';
import { expectPositionals, parseCommandArguments, UsageError } from './arguments';
import type { CliCommand, CommandContext } from './command';
import { formatTable, printJson, printLines } from './output';

/** `dala db history`, `db migrate [--dry-run]` and `db rollback --yes`: the schema's life, visible. */

const HISTORY_USAGE = 'dala db history [--json]';
const MIGRATE_USAGE = 'dala db migrate [--dry-run]';
const ROLLBACK_USAGE = 'dala db rollback --yes';

function requireDatabaseFile(context: CommandContext): void {
  const file = databasePath(context.dataDir);
  if (!fs.existsSync(file)) throw new UsageError(`there is no database at ${file} yet. It is created the first time the app or a dala command uses it.`);
}

const historyCommand: CliCommand = {
  path: ['db', 'history'],
  usage: HISTORY_USAGE,
  summary: 'the schema versions this app knows, which this database has, and when each was applied',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, HISTORY_USAGE);
    expectPositionals(positionals, 0, HISTORY_USAGE, '');
    requireDatabaseFile(context);
    const database = await context.open({ migrate: false });
    const history = schemaHistory(database.sqlite, database.schemaVersion);
    if (values.json) printJson(context.io, history);
    else
      printLines(context.io, [
        ...formatTable([
          ['VERSION', 'MIGRATION', 'APPLIED', 'WHEN', 'BY APP'],
          ...history.map((h) => [h.version, h.tag, h.applied ? 'yes' : 'no', h.appliedAt ?? (h.applied ? '(before history was kept)' : '-'), h.appVersion ?? '-']),
        ]),
      ]);
    return 0;
  },
};

const migrateCommand: CliCommand = {
  path: ['db', 'migrate'],
  usage: MIGRATE_USAGE,
  summary: "upgrade the database to this app's schema (a snapshot is taken first); --dry-run prints the SQL and changes nothing",
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { 'dry-run': { type: 'boolean' } }, MIGRATE_USAGE);
    expectPositionals(positionals, 0, MIGRATE_USAGE, '');
    if (values['dry-run']) {
      requireDatabaseFile(context);
      const database = await context.open({ migrate: false });
      const pending = pendingMigrationSql(database.schemaVersion);
      if (pending.length === 0) printLines(context.io, [`-- The database is at schema version ${database.schemaVersion}; nothing would run.`]);
      else
        printLines(context.io, [
          `-- Dry run: upgrading from schema version ${database.schemaVersion} would run this SQL (nothing was changed).`,
          ...pending.flatMap((m) => [`-- version ${m.version}: ${m.tag}`, ...m.statements.map((s) => (s.endsWith(';') ? s : `${s};`))]),
        ]);
      return 0;
    }
    const database = await context.open();
    const { migratedFromVersion: from, migrationSnapshot: snapshot, schemaVersion } = database;
    let message = `The database is at schema version ${schemaVersion}; nothing to upgrade.`;
    if (from !== undefined) {
      message = `Upgraded the database from schema version ${from} to ${schemaVersion}.`;
      if (snapshot) message += ` The previous database was kept as snapshot ${snapshot.id}.`;
    }
    printLines(context.io, [message]);
    return 0;
  },
};

const rollbackCommand: CliCommand = {
  path: ['db', 'rollback'],
  usage: ROLLBACK_USAGE,
  summary: 'put back the database from before the last upgrade (the newer one is kept as a snapshot first)',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { yes: { type: 'boolean' } }, ROLLBACK_USAGE);
    expectPositionals(positionals, 0, ROLLBACK_USAGE, '');
    if (!values.yes) throw new UsageError(`a rollback undoes everything done since the last upgrade; add --yes to confirm. Usage: ${ROLLBACK_USAGE}`);
    // Works on the files alone: the current database is never opened with this version's code.
    const { restored, safety, fromVersion, toVersion } = await rollBackLastUpgrade(context.dataDir);
    printLines(context.io, [
      `Rolled back from schema version ${fromVersion} to ${toVersion}: the database is snapshot ${restored.id} again.`,
      ...(safety ? [`The newer database was kept as snapshot ${safety.id} (dala snapshot restore ${safety.id} brings it back).`] : []),
      'Open it with the app version that made that snapshot, or upgrade it again with "dala db migrate".',
    ]);
    return 0;
  },
};

export const schemaCommands: CliCommand[] = [historyCommand, migrateCommand, rollbackCommand];
