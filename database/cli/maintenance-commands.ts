import fs from 'node:fs';
import { databasePath } from '../data-dir';
import { describeFinding } from '../maintenance/verify';
import { appSchemaVersion } from '../migrations-folder';
import { expectPositionals, parseCommandArguments } from './arguments';
import type { CliCommand } from './command';
import { formatTable, printJson, printLines } from './output';

const STATS_USAGE = 'dala stats [--json]';
const VERIFY_USAGE = 'dala verify [--json] [--fix-orphans]';
const STATUS_USAGE = 'dala db status [--json]';
const MIGRATE_USAGE = 'dala db migrate';

const statsCommand: CliCommand = {
  path: ['stats'],
  usage: STATS_USAGE,
  summary: 'counts per table, attempts per learner, objective status, badges',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, STATS_USAGE);
    expectPositionals(positionals, 0, STATS_USAGE, '');
    const stats = await context.call('getStatistics', {});
    if (values.json) {
      printJson(context.io, stats);
      return 0;
    }
    const a = stats.attemptsPerLearner;
    printLines(context.io, [
      `Learners: ${stats.learners}`,
      ...formatTable([['TABLE', 'ROWS', 'REMOVED'], ...Object.entries(stats.tables).map(([t, c]) => [t, c.rows, c.removed])]),
      `Attempts per learner: min ${a.min}, median ${a.median}, mean ${a.mean}, max ${a.max}`,
      `Objectives: ${stats.loStatus.completed} completed, ${stats.loStatus.in_progress} in progress, ${stats.loStatus.not_started} not started`,
      stats.badges.length === 0 ? 'Badges: none awarded yet' : `Badges: ${stats.badges.map((b) => `${b.badgeName} ×${b.learners}`).join(', ')}`,
    ]);
    return 0;
  },
};

const verifyCommand: CliCommand = {
  path: ['verify'],
  usage: VERIFY_USAGE,
  summary: 'check the database; exit 1 when problems are found',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' }, 'fix-orphans': { type: 'boolean' } }, VERIFY_USAGE);
    expectPositionals(positionals, 0, VERIFY_USAGE, '');
    const report = await context.call('verifyDatabase', { fixOrphans: values['fix-orphans'] === true });
    if (values.json) printJson(context.io, report);
    else {
      const lines = report.problems.map(describeFinding);
      if (report.orphansRemoved > 0) lines.unshift(`Removed ${report.orphansRemoved} orphaned row(s).`);
      lines.push(...report.warnings.map((w) => `warning: ${describeFinding(w)}`));
      lines.push(report.healthy ? 'The database is healthy.' : `Found ${report.problems.length} problem(s).`);
      printLines(context.io, lines);
    }
    return report.healthy ? 0 : 1;
  },
};

const statusCommand: CliCommand = {
  path: ['db', 'status'],
  usage: STATUS_USAGE,
  summary: 'where the database is, its size, schema version, journal mode and integrity',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, STATUS_USAGE);
    expectPositionals(positionals, 0, STATUS_USAGE, '');
    const file = databasePath(context.dataDir);
    if (!fs.existsSync(file)) {
      const status = { path: file, exists: false, appSchemaVersion: appSchemaVersion() };
      if (values.json) printJson(context.io, status);
      else printLines(context.io, [`No database yet at ${file}.`, 'It is created the first time the app or a dala command uses it.']);
      return 0;
    }
    const database = await context.open({ migrate: false });
    const size = (suffix: string) => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0);
    const quick = database.sqlite.pragma('quick_check', { simple: true }) as string;
    const status = {
      path: file,
      exists: true,
      sizeBytes: size('') + size('-wal'),
      schemaVersion: database.schemaVersion,
      appSchemaVersion: appSchemaVersion(),
      journalMode: database.sqlite.pragma('journal_mode', { simple: true }) as string,
      integrity: quick,
      learners: (database.sqlite.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get('learner_profiles') as { n: number }).n
        ? (database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n
        : 0,
    };
    if (values.json) printJson(context.io, status);
    else
      printLines(context.io, [
        `Database: ${status.path}`,
        `Size: ${(status.sizeBytes / 1024).toFixed(1)} KiB`,
        `Schema version: ${status.schemaVersion} (this app: ${status.appSchemaVersion})${status.schemaVersion < status.appSchemaVersion ? ' — run "dala db migrate"' : ''}`,
        `Journal mode: ${status.journalMode}`,
        `Integrity: ${status.integrity}`,
        `Learners: ${status.learners}`,
      ]);
    return quick === 'ok' ? 0 : 1;
  },
};

const migrateCommand: CliCommand = {
  path: ['db', 'migrate'],
  usage: MIGRATE_USAGE,
  summary: 'upgrade the database to this app\'s schema (a snapshot is taken first)',
  async run(args, context) {
    const { positionals } = parseCommandArguments(args, {}, MIGRATE_USAGE);
    expectPositionals(positionals, 0, MIGRATE_USAGE, '');
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

export const maintenanceCommands: CliCommand[] = [statsCommand, verifyCommand, statusCommand, migrateCommand];
