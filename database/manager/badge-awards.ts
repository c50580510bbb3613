import { newlyEarnedBadges, type BadgeFacts } from '../../electron/common/badge-rules';
import { badgeDefinitions, diagnosticTasks, preferenceTasks, subjectIdOf } from '../../electron/common/content';
import type { BadgeRecord } from '../../electron/common/profile';
import type { ManagerContext } from './context';
import { jsonText } from './rows';

function countLive(ctx: ManagerContext, table: 'preferences' | 'interests', learnerId: string, keyColumn?: string, keys?: readonly string[]): number {
  const filter = keyColumn && keys ? ` AND ${keyColumn} IN (${keys.map(() => '?').join(',')})` : '';
  const row = ctx.sqlite
    .prepare(`SELECT count(*) AS n FROM ${table} WHERE learner_id = ? AND deleted_at IS NULL${filter}`)
    .get(learnerId, ...(keys ?? [])) as { n: number };
  return row.n;
}

/** The assessment is finished once there is an interest, every preference task and every diagnostic. */
export function assessmentFinished(ctx: ManagerContext, learnerId: string): boolean {
  if (countLive(ctx, 'interests', learnerId) === 0) return false;
  const categories = preferenceTasks.map((t) => t.category);
  if (countLive(ctx, 'preferences', learnerId, 'category', categories) < categories.length) return false;
  const taskNames = diagnosticTasks.map((t) => t.taskName);
  const metrics = ctx.sqlite
    .prepare(`SELECT count(*) AS n FROM cognitive_metrics WHERE learner_id = ? AND task_name IN (${taskNames.map(() => '?').join(',')})`)
    .get(learnerId, ...taskNames) as { n: number };
  return metrics.n >= taskNames.length;
}

function badgeFacts(ctx: ManagerContext, learnerId: string): BadgeFacts {
  const completed = ctx.sqlite
    .prepare("SELECT lo_id AS loId FROM learning_objective_progress WHERE learner_id = ? AND status = 'completed'")
    .all(learnerId) as Array<{ loId: string }>;
  const totals = ctx.sqlite
    .prepare('SELECT count(*) AS attempts, coalesce(sum(score = 1), 0) AS perfect FROM activity_attempts WHERE learner_id = ?')
    .get(learnerId) as { attempts: number; perfect: number };
  const byType = ctx.sqlite
    .prepare('SELECT activity_type AS type, count(*) AS n FROM activity_attempts WHERE learner_id = ? AND completed = 1 GROUP BY activity_type')
    .all(learnerId) as Array<{ type: string; n: number }>;
  const days = ctx.sqlite
    .prepare('SELECT DISTINCT substr(attempt_timestamp, 1, 10) AS day FROM activity_attempts WHERE learner_id = ? ORDER BY day')
    .all(learnerId) as Array<{ day: string }>;
  const persistence = ctx.sqlite
    .prepare(
      `SELECT coalesce(max(n), 0) AS n FROM (SELECT count(*) AS n FROM activity_attempts a
         JOIN learning_objective_progress p ON p.learner_id = a.learner_id AND p.lo_id = a.lo_id AND p.status = 'completed'
         WHERE a.learner_id = ? GROUP BY a.lo_id)`,
    )
    .get(learnerId) as { n: number };
  return {
    completedObjectiveIds: completed.map((r) => r.loId),
    subjectOf: subjectIdOf,
    assessmentFinished: assessmentFinished(ctx, learnerId),
    attemptsRecorded: totals.attempts,
    perfectScores: totals.perfect,
    mostAttemptsOnACompletedObjective: persistence.n,
    attemptDays: days.map((d) => d.day),
    completedAttemptsByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
  };
}

/**
 * Awards every badge whose rule now holds, inside the caller's transaction, and returns the new
 * ones so the UI can celebrate. Facts are only computed when some badge is still unearned.
 */
export function awardEarnedBadges(ctx: ManagerContext, learnerId: string, now: string = ctx.now()): BadgeRecord[] {
  const earned = new Set(
    (ctx.sqlite.prepare('SELECT badge_id AS id FROM badges WHERE learner_id = ?').all(learnerId) as Array<{ id: string }>).map((r) => r.id),
  );
  if (badgeDefinitions.every((d) => earned.has(d.id))) return [];
  const insert = ctx.sqlite.prepare('INSERT INTO badges (learner_id, badge_id, badge_name, earned_date, details) VALUES (?, ?, ?, ?, ?)');
  return newlyEarnedBadges(badgeDefinitions, earned, badgeFacts(ctx, learnerId)).map((d) => {
    const details = { rule: d.rule.kind, awardedBy: 'app' };
    insert.run(learnerId, d.id, d.name, now, jsonText(details));
    return { badgeId: d.id, badgeName: d.name, earnedDate: now, details };
  });
}
