import type Database from 'better-sqlite3';

export const TABLE_NAMES = [
  'learner_profiles',
  'preferences',
  'interests',
  'struggles',
  'cognitive_metrics',
  'learning_objective_progress',
  'badges',
  'activity_attempts',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
/** The tables of a learner's rows (all but the learners themselves). */
export const CHILD_TABLE_NAMES = TABLE_NAMES.filter((t) => t !== 'learner_profiles');
const REMOVABLE: readonly TableName[] = ['preferences', 'interests', 'struggles'];

export interface DatabaseStatistics {
  tables: Record<TableName, { rows: number; removed: number }>;
  learners: number;
  attemptsPerLearner: { min: number; max: number; mean: number; median: number };
  loStatus: { not_started: number; in_progress: number; completed: number };
  badges: Array<{ badgeId: string; badgeName: string; learners: number }>;
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** What an educator sees in "Statistics" and `dala stats`: all read in one consistent transaction. */
export function collectStatistics(sqlite: Database.Database): DatabaseStatistics {
  return sqlite.transaction(() => {
    const tables = {} as DatabaseStatistics['tables'];
    for (const table of TABLE_NAMES) {
      const removedExpr = REMOVABLE.includes(table) ? 'coalesce(sum(deleted_at IS NOT NULL), 0)' : '0';
      tables[table] = sqlite.prepare(`SELECT count(*) AS rows, ${removedExpr} AS removed FROM ${table}`).get() as { rows: number; removed: number };
    }
    const perLearner = (
      sqlite
        .prepare('SELECT (SELECT count(*) FROM activity_attempts a WHERE a.learner_id = l.id) AS n FROM learner_profiles l ORDER BY n')
        .all() as Array<{ n: number }>
    ).map((r) => r.n);
    const total = perLearner.reduce((a, b) => a + b, 0);
    const loStatus = { not_started: 0, in_progress: 0, completed: 0 };
    for (const r of sqlite.prepare('SELECT status, count(*) AS n FROM learning_objective_progress GROUP BY status').all() as Array<{ status: keyof typeof loStatus; n: number }>) {
      if (r.status in loStatus) loStatus[r.status] = r.n;
    }
    const badges = sqlite
      .prepare('SELECT badge_id AS badgeId, max(badge_name) AS badgeName, count(*) AS learners FROM badges GROUP BY badge_id ORDER BY learners DESC, badge_id')
      .all() as DatabaseStatistics['badges'];
    return {
      tables,
      learners: tables.learner_profiles.rows,
      attemptsPerLearner: {
        min: perLearner[0] ?? 0,
        max: perLearner[perLearner.length - 1] ?? 0,
        mean: perLearner.length ? Math.round((total / perLearner.length) * 100) / 100 : 0,
        median: median(perLearner),
      },
      loStatus,
      badges,
    };
  })();
}
