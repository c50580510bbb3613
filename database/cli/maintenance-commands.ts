import fs from 'node:fs';
import { databasePath } from '../data-dir';
import { describeFinding } from '../maintenance/verify';
import { appSchemaVersion } from '../migrations-folder';
import { expectPositionals, parseCommandArguments } from './arguments';
import type { CliCommand, CommandContext } from './command';
import { formatTable, printJson, printLines } from './output';

const STATS_USAGE = 'dala stats [--json]';
const VERIFY_USAGE = 'dala verify [--json] [--verbose] [--fix | --fix-orphans]';
const STATUS_USAGE = 'dala db status [--json]';

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
    const { values, positionals } = parseCommandArguments(
      args,
      { json: { type: 'boolean' }, verbose: { type: 'boolean' }, fix: { type: 'boolean' }, 'fix-orphans': { type: 'boolean' } },
      VERIFY_USAGE,
    );
    expectPositionals(positionals, 0, VERIFY_USAGE, '');
    const report = await context.call('verifyDatabase', { fixOrphans: values['fix-orphans'] === true, fix: values.fix === true });
    if (values.json) printJson(context.io, report);
    else {
      // What is in the database first, so the findings below have their scale.
      const stats = await context.call('getStatistics', {});
      const rows = Object.values(stats.tables).reduce((n, t) => n + t.rows, 0);
      const lines = [`Checked ${stats.learners} learner(s) and ${rows} row(s).`];
      if (values.verbose) lines.push(...report.checks.map((c) => `  ${c.problems > 0 ? 'PROBLEM' : c.warnings > 0 ? 'warning' : 'ok     '}  ${c.label}${c.problems + c.warnings > 0 ? ` (${c.problems} problem(s), ${c.warnings} warning(s))` : ''}`));
      lines.push(...report.problems.map(describeFinding));
      if (report.snapshotId) lines.push(`A snapshot was taken before the repair: ${report.snapshotId}.`);
      if (report.orphansRemoved > 0) lines.push(`Removed ${report.orphansRemoved} orphaned row(s).`);
      if (report.progressRebuilt > 0) lines.push(`Rebuilt ${report.progressRebuilt} missing progress row(s) from their attempts.`);
      lines.push(...report.warnings.map((w) => `warning: ${describeFinding(w)}`));
      lines.push(report.healthy ? 'The database is healthy.' : `Found ${report.problems.length} problem(s).`);
      printLines(context.io, lines);
    }
    return report.healthy ? 0 : 1;
  },
};

/** The health check with timing: how long the learner with the most attempts takes to load. */
async function timeLargestProfileLoad(context: CommandContext): Promise<{ learnerId: string; attempts: number; loadMs: number } | null> {
  const database = await context.open({ migrate: false });
  const row = database.sqlite
    .prepare('SELECT p.id AS learnerId, count(a.id) AS attempts FROM learner_profiles p LEFT JOIN activity_attempts a ON a.learner_id = p.id GROUP BY p.id ORDER BY attempts DESC, p.id LIMIT 1')
    .get() as { learnerId: string; attempts: number } | undefined;
  if (!row) return null;
  const started = performance.now();
  await context.call('getFullLearnerProfileData', { learnerId: row.learnerId });
  return { ...row, loadMs: performance.now() - started };
}

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
    const largest = status.learners > 0 && status.schemaVersion === status.appSchemaVersion ? await timeLargestProfileLoad(context) : null;
    if (values.json) printJson(context.io, { ...status, largestProfile: largest });
    else
      printLines(context.io, [
        `Database: ${status.path}`,
        `Size: ${(status.sizeBytes / 1024).toFixed(1)} KiB`,
        `Schema version: ${status.schemaVersion} (this app: ${status.appSchemaVersion})${status.schemaVersion < status.appSchemaVersion ? ' — run "dala db migrate"' : ''}`,
        `Journal mode: ${status.journalMode}`,
        `Integrity: ${status.integrity}`,
        `Learners: ${status.learners}`,
        ...(largest ? [`Largest profile: ${largest.learnerId} (${largest.attempts} attempts) loads in ${largest.loadMs.toFixed(1)} ms`] : []),
      ]);
    return quick === 'ok' ? 0 : 1;
  },
};

export const maintenanceCommands: CliCommand[] = [statsCommand, verifyCommand, statusCommand];
