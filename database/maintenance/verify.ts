import type { VerifyFindingView } from '../../electron/common/maintenance-views';
import type Database from 'better-sqlite3';
import { diagnosticTasks, preferenceTasks } from '../../electron/common/content';
import { CHILD_TABLE_NAMES, type TableName } from './statistics';
import { ATTEMPTS_WITHOUT_PROGRESS, rebuildMissingProgress, removeOrphans } from './verify-repairs';

export const VERIFY_CHECKS = {
  integrity: 'SQLite integrity check',
  foreign_keys: 'every row points to rows that exist',
  orphan: 'every row belongs to a learner',
  progress: 'every attempt has its objective\'s progress',
  score_range: 'scores are between 0 and 1',
  status: 'objective statuses are known ones',
  timestamp: 'times are UTC, in order, and not in the future',
  json: 'details are valid JSON',
  coverage: 'started assessments are finished',
  assessment: 'every learner has started the assessment',
} as const;
export type VerifyCheck = keyof typeof VERIFY_CHECKS;

export interface VerifyFinding {
  check: VerifyCheck;
  table?: TableName;
  rowId?: number;
  learnerId?: string;
  message: string;
}

export interface VerifyReport {
  healthy: boolean;
  problems: VerifyFinding[];
  /** Not damage: e.g. a learner who left the assessment half-way. */
  warnings: VerifyFinding[];
  /** Every check that ran, with what it found (the verbose report). */
  checks: Array<{ check: VerifyCheck; label: string; problems: number; warnings: number }>;
  orphansRemoved: number;
  /** Progress rows rebuilt from attempts that had none. */
  progressRebuilt: number;
}

const ISO_GLOB = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'";
/** Clocks on lab machines drift; a minute of grace keeps honest rows from being reported. */
const FUTURE_GRACE_MS = 60_000;

const TIMESTAMP_COLUMNS: Array<[TableName, string[]]> = [
  ['learner_profiles', ['created_at', 'last_updated_at']],
  ['preferences', ['timestamp', 'deleted_at']],
  ['interests', ['timestamp', 'deleted_at']],
  ['struggles', ['timestamp', 'deleted_at']],
  ['cognitive_metrics', ['timestamp']],
  ['learning_objective_progress', ['started_at', 'completed_at']],
  ['badges', ['earned_date']],
  ['activity_attempts', ['attempt_timestamp']],
];
const SCORE_COLUMNS: Array<[TableName, string]> = [
  ['learning_objective_progress', 'score'],
  ['activity_attempts', 'score'],
];
const JSON_COLUMNS: Array<[TableName, string, boolean]> = [
  ['cognitive_metrics', 'metric_details', false],
  ['learning_objective_progress', 'details', true],
  ['badges', 'details', true],
  ['activity_attempts', 'attempt_details', true],
];

type Row = { rowId: number; learnerId?: string; value?: unknown };

function rowsWhere(sqlite: Database.Database, table: TableName, select: string, where: string, ...args: unknown[]): Row[] {
  const learner = table === 'learner_profiles' ? 'id' : 'learner_id';
  return sqlite.prepare(`SELECT rowid AS rowId, ${learner} AS learnerId, ${select} AS value FROM ${table} WHERE ${where}`).all(...args) as Row[];
}

function checkTimestamps(sqlite: Database.Database, now: Date, out: VerifyFinding[]): void {
  const limit = new Date(now.getTime() + FUTURE_GRACE_MS).toISOString();
  for (const [table, columns] of TIMESTAMP_COLUMNS) {
    for (const column of columns) {
      for (const r of rowsWhere(sqlite, table, column, `${column} IS NOT NULL AND NOT (${column} GLOB ${ISO_GLOB})`)) {
        out.push({ check: 'timestamp', table, rowId: r.rowId, learnerId: r.learnerId, message: `${column} "${String(r.value)}" is not a UTC timestamp` });
      }
      for (const r of rowsWhere(sqlite, table, column, `${column} > ?`, limit)) {
        out.push({ check: 'timestamp', table, rowId: r.rowId, learnerId: r.learnerId, message: `${column} ${String(r.value)} is in the future` });
      }
    }
  }
  for (const r of rowsWhere(sqlite, 'learner_profiles', 'last_updated_at', 'last_updated_at < created_at')) {
    out.push({ check: 'timestamp', table: 'learner_profiles', rowId: r.rowId, learnerId: r.learnerId, message: 'last_updated_at is before created_at' });
  }
  for (const r of rowsWhere(sqlite, 'learning_objective_progress', 'completed_at', 'completed_at < started_at')) {
    out.push({ check: 'timestamp', table: 'learning_objective_progress', rowId: r.rowId, learnerId: r.learnerId, message: 'completed_at is before started_at' });
  }
}

function checkValues(sqlite: Database.Database, out: VerifyFinding[]): void {
  for (const [table, column] of SCORE_COLUMNS) {
    for (const r of rowsWhere(sqlite, table, column, `${column} IS NOT NULL AND (typeof(${column}) NOT IN ('real', 'integer') OR ${column} < 0 OR ${column} > 1)`)) {
      out.push({ check: 'score_range', table, rowId: r.rowId, learnerId: r.learnerId, message: `${column} ${String(r.value)} is outside 0..1` });
    }
  }
  for (const r of rowsWhere(sqlite, 'learning_objective_progress', 'status', "status NOT IN ('not_started', 'in_progress', 'completed')")) {
    out.push({ check: 'status', table: 'learning_objective_progress', rowId: r.rowId, learnerId: r.learnerId, message: `status "${String(r.value)}" is not a known status` });
  }
  for (const [table, column, nullable] of JSON_COLUMNS) {
    for (const r of rowsWhere(sqlite, table, column, `${nullable ? `${column} IS NOT NULL AND ` : ''}NOT json_valid(${column})`)) {
      out.push({ check: 'json', table, rowId: r.rowId, learnerId: r.learnerId, message: `${column} is not valid JSON` });
    }
  }
}

function checkCoverage(sqlite: Database.Database, out: VerifyFinding[]): void {
  const parts: Array<[string, string, string, readonly string[]]> = [
    ['preference tasks', 'preferences', 'category', preferenceTasks.map((t) => t.category)],
    ['diagnostic tasks', 'cognitive_metrics', 'task_name', diagnosticTasks.map((t) => t.taskName)],
  ];
  for (const [label, table, column, keys] of parts) {
    const live = table === 'preferences' ? ' AND deleted_at IS NULL' : '';
    const rows = sqlite
      .prepare(`SELECT learner_id AS learnerId, count(DISTINCT ${column}) AS n FROM ${table} WHERE ${column} IN (${keys.map(() => '?').join(',')})${live} GROUP BY learner_id`)
      .all(...keys) as Array<{ learnerId: string; n: number }>;
    for (const r of rows.filter((row) => row.n < keys.length)) {
      out.push({ check: 'coverage', learnerId: r.learnerId, message: `started the ${label} but finished ${r.n} of ${keys.length}` });
    }
  }
}

function findOrphans(sqlite: Database.Database): VerifyFinding[] {
  return CHILD_TABLE_NAMES.flatMap((table) =>
    rowsWhere(sqlite, table, 'NULL', 'learner_id NOT IN (SELECT id FROM learner_profiles)').map((r) => ({
      check: 'orphan' as const,
      table,
      rowId: r.rowId,
      learnerId: r.learnerId,
      message: `belongs to learner "${r.learnerId ?? ''}", who does not exist`,
    })),
  );
}

function checkAttemptsHaveProgress(sqlite: Database.Database, out: VerifyFinding[]): void {
  for (const r of sqlite.prepare(ATTEMPTS_WITHOUT_PROGRESS).all() as Array<{ learnerId: string; loId: string; attempts: number }>) {
    out.push({ check: 'progress', table: 'activity_attempts', learnerId: r.learnerId, message: `${r.attempts} attempt(s) at ${r.loId} but no progress for it (dala verify --fix rebuilds it)` });
  }
}

/** A learner with no interest, preference or diagnostic at all has not begun the assessment. */
function checkAssessmentStarted(sqlite: Database.Database, out: VerifyFinding[]): void {
  const rows = sqlite
    .prepare(
      `SELECT id AS learnerId FROM learner_profiles l WHERE NOT EXISTS (SELECT 1 FROM interests i WHERE i.learner_id = l.id AND i.deleted_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM preferences p WHERE p.learner_id = l.id AND p.deleted_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM cognitive_metrics m WHERE m.learner_id = l.id) ORDER BY id`,
    )
    .all() as Array<{ learnerId: string }>;
  for (const r of rows) out.push({ check: 'assessment', learnerId: r.learnerId, message: 'has not started the getting-to-know-you assessment yet' });
}

/**
 * Checks what SQLite checks (integrity, foreign keys) and what it cannot: values that bypassed
 * CHECK constraints, clocks in the future, half-finished assessments. With `fixOrphans`,
 * rows whose learner is gone are deleted first (in one transaction) and the rest is re-checked.
 */
export function verifyDatabase(sqlite: Database.Database, options: { fixOrphans?: boolean; fix?: boolean; now?: Date } = {}): VerifyReport {
  const orphansRemoved = options.fixOrphans || options.fix ? removeOrphans(sqlite) : 0;
  const progressRebuilt = options.fix ? rebuildMissingProgress(sqlite) : 0;
  const problems: VerifyFinding[] = [];
  for (const r of sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>) {
    if (r.integrity_check !== 'ok') problems.push({ check: 'integrity', message: r.integrity_check });
  }
  const orphans = findOrphans(sqlite);
  problems.push(...orphans);
  const fk = sqlite.pragma('foreign_key_check') as Array<{ table: TableName; rowid: number; parent: string }>;
  for (const r of fk) {
    if (!orphans.some((o) => o.table === r.table && o.rowId === r.rowid)) {
      problems.push({ check: 'foreign_keys', table: r.table, rowId: r.rowid, message: `points to a missing ${r.parent} row` });
    }
  }
  checkAttemptsHaveProgress(sqlite, problems);
  checkValues(sqlite, problems);
  checkTimestamps(sqlite, options.now ?? new Date(), problems);
  // integrity_check also names tables whose rows break a CHECK; those rows are reported above
  // with their row number, so the table-level line would only count them twice.
  const rowLevelTables = new Set(problems.filter((p) => p.rowId !== undefined).map((p) => p.table));
  const deduplicated = problems.filter((p) => {
    const table = p.check === 'integrity' ? /^CHECK constraint failed in (\w+)$/.exec(p.message)?.[1] : undefined;
    return !(table && rowLevelTables.has(table as TableName));
  });
  problems.length = 0;
  problems.push(...deduplicated);
  const warnings: VerifyFinding[] = [];
  checkCoverage(sqlite, warnings);
  checkAssessmentStarted(sqlite, warnings);
  const checks = (Object.keys(VERIFY_CHECKS) as VerifyCheck[]).map((check) => ({
    check,
    label: VERIFY_CHECKS[check],
    problems: problems.filter((p) => p.check === check).length,
    warnings: warnings.filter((w) => w.check === check).length,
  }));
  return { healthy: problems.length === 0, problems, warnings, checks, orphansRemoved, progressRebuilt };
}

export function describeFinding(f: VerifyFindingView): string {
  const where = f.table ? `${f.table}${f.rowId !== undefined ? ` row ${f.rowId}` : ''}` : f.learnerId ? `learner ${f.learnerId}` : 'database';
  return `${f.check}: ${where}: ${f.message}`;
}
