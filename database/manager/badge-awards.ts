import { longestDayStreak, newlyEarnedBadges, type BadgeFacts } from '../../electron/common/badge-rules';
import { badgeDefinitions, diagnosticTasks, preferenceTasks, subjectIdOf } from '../../electron/common/content';
import type { BadgeDefinition, BadgeRule } from '../../electron/common/content/schemas';
import { localDay, startOfNextLocalDay } from '../../electron/common/local-day';
import type { BadgeRecord } from '../../electron/common/profile';
import { cachedStatement } from '../statement-cache';
import type { ManagerContext } from './context';
import { jsonText } from '../table-rows';

function countLive(ctx: ManagerContext, table: 'preferences' | 'interests', learnerId: string, keyColumn?: string, keys?: readonly string[]): number {
  const filter = keyColumn && keys ? ` AND ${keyColumn} IN (${keys.map(() => '?').join(',')})` : '';
  const row = cachedStatement(ctx.sqlite, `SELECT count(*) AS n FROM ${table} WHERE learner_id = ? AND deleted_at IS NULL${filter}`)
    .get(learnerId, ...(keys ?? [])) as { n: number };
  return row.n;
}

/** The assessment is finished once there is an interest, every preference task and every diagnostic. */
export function assessmentFinished(ctx: ManagerContext, learnerId: string): boolean {
  if (countLive(ctx, 'interests', learnerId) === 0) return false;
  const categories = preferenceTasks.map((t) => t.category);
  if (countLive(ctx, 'preferences', learnerId, 'category', categories) < categories.length) return false;
  const taskNames = diagnosticTasks.map((t) => t.taskName);
  const metrics = cachedStatement(ctx.sqlite, `SELECT count(*) AS n FROM cognitive_metrics WHERE learner_id = ? AND task_name IN (${taskNames.map(() => '?').join(',')})`)
    .get(learnerId, ...taskNames) as { n: number };
  return metrics.n >= taskNames.length;
}

/** The largest threshold any of `pending`'s rules of one kind asks for (0 when none does). */
function largestThreshold(pending: readonly BadgeDefinition[], threshold: (rule: BadgeRule) => number | undefined): number {
  let largest = 0;
  for (const d of pending) largest = Math.max(largest, threshold(d.rule) ?? 0);
  return largest;
}

const ATTEMPTS_UP_TO = 'SELECT count(*) AS n FROM (SELECT 1 FROM activity_attempts WHERE learner_id = ? LIMIT ?)';
const PERFECT_UP_TO = 'SELECT count(*) AS n FROM (SELECT 1 FROM activity_attempts WHERE learner_id = ? AND score = 1 LIMIT ?)';
const COMPLETED_OF_TYPE_UP_TO = 'SELECT count(*) AS n FROM (SELECT 1 FROM activity_attempts WHERE learner_id = ? AND activity_type = ? AND completed = 1 LIMIT ?)';
const MOST_ATTEMPTS_ON_A_COMPLETED_OBJECTIVE_UP_TO = `SELECT coalesce(max(n), 0) AS n FROM (
  SELECT (SELECT count(*) FROM (SELECT 1 FROM activity_attempts a WHERE a.learner_id = p.learner_id AND a.lo_id = p.lo_id LIMIT ?)) AS n
  FROM learning_objective_progress p WHERE p.learner_id = ? AND p.status = 'completed')`;
const FIRST_ATTEMPT_FROM = 'SELECT min(attempt_timestamp) AS t FROM activity_attempts WHERE learner_id = ? AND attempt_timestamp >= ?';

/**
 * The facts the badges not yet earned (`pending`) look at, each read from the database only when a
 * rule reads it, and only as far as a rule can tell the difference: counts stop at the largest
 * threshold a pending rule has, and the list of days stops once the longest streak asked for is
 * there. Rule outcomes are exactly those of the full facts, but a save no longer reads the whole
 * history of a learner with thousands of attempts.
 */
function badgeFacts(ctx: ManagerContext, learnerId: string, pending: readonly BadgeDefinition[]): BadgeFacts {
  const count = (sql: string, ...args: unknown[]) => (cachedStatement(ctx.sqlite, sql).get(...args) as { n: number }).n;
  const memo = <T>(compute: () => T): (() => T) => {
    let value: { v: T } | undefined;
    return () => (value ??= { v: compute() }).v;
  };
  const completedObjectiveIds = memo(() =>
    (cachedStatement(ctx.sqlite, "SELECT lo_id AS loId FROM learning_objective_progress WHERE learner_id = ? AND status = 'completed'").all(learnerId) as Array<{ loId: string }>).map((r) => r.loId),
  );
  const finished = memo(() => assessmentFinished(ctx, learnerId));
  const attempts = memo(() => count(ATTEMPTS_UP_TO, learnerId, largestThreshold(pending, (r) => (r.kind === 'attempts_recorded' ? r.count : undefined))));
  const perfect = memo(() => count(PERFECT_UP_TO, learnerId, largestThreshold(pending, (r) => (r.kind === 'perfect_scores' ? r.count : undefined))));
  const persistence = memo(() =>
    count(MOST_ATTEMPTS_ON_A_COMPLETED_OBJECTIVE_UP_TO, largestThreshold(pending, (r) => (r.kind === 'persistence' ? r.attemptsOnOneObjective : undefined)), learnerId),
  );
  const days = memo(() => {
    // Day by day through the (learner, time) index: one seek per distinct day, until the streak is long enough.
    // Days are the machine's local dates; the stored UTC times are compared as text, so the seek
    // goes to the UTC instant at which the next local day begins.
    const wanted = largestThreshold(pending, (r) => (r.kind === 'streak_days' ? r.days : undefined));
    const found: string[] = [];
    let from = '';
    while (wanted > 0) {
      const row = cachedStatement(ctx.sqlite, FIRST_ATTEMPT_FROM).get(learnerId, from) as { t: string | null };
      if (row.t === null) break;
      const time = new Date(row.t);
      found.push(localDay(time));
      if (longestDayStreak(found.slice(-wanted)) >= wanted) break;
      from = startOfNextLocalDay(time).toISOString();
    }
    return found;
  });
  const byType = memo(() => {
    const out: Record<string, number> = {};
    for (const d of pending) {
      if (d.rule.kind !== 'activity_type_completed') continue;
      const type = d.rule.activityType;
      const cap = largestThreshold(pending, (r) => (r.kind === 'activity_type_completed' && r.activityType === type ? r.count : undefined));
      out[type] ??= count(COMPLETED_OF_TYPE_UP_TO, learnerId, type, cap);
    }
    return out;
  });
  return {
    get completedObjectiveIds() {
      return completedObjectiveIds();
    },
    subjectOf: subjectIdOf,
    get assessmentFinished() {
      return finished();
    },
    get attemptsRecorded() {
      return attempts();
    },
    get perfectScores() {
      return perfect();
    },
    get mostAttemptsOnACompletedObjective() {
      return persistence();
    },
    get attemptDays() {
      return days();
    },
    get completedAttemptsByType() {
      return byType();
    },
  };
}

/**
 * Awards every badge whose rule now holds, inside the caller's transaction, and returns the new
 * ones so the UI can celebrate. Only the facts the unearned badges look at are read (see badgeFacts).
 */
export function awardEarnedBadges(ctx: ManagerContext, learnerId: string, now: string = ctx.now()): BadgeRecord[] {
  const earned = new Set(
    (cachedStatement(ctx.sqlite, 'SELECT badge_id AS id FROM badges WHERE learner_id = ?').all(learnerId) as Array<{ id: string }>).map((r) => r.id),
  );
  const pending = badgeDefinitions.filter((d) => !earned.has(d.id));
  if (pending.length === 0) return [];
  const insert = cachedStatement(ctx.sqlite, 'INSERT INTO badges (learner_id, badge_id, badge_name, earned_date, details) VALUES (?, ?, ?, ?, ?)');
  return newlyEarnedBadges(badgeDefinitions, earned, badgeFacts(ctx, learnerId, pending)).map((d) => {
    const details = { rule: d.rule.kind, awardedBy: 'app' };
    insert.run(learnerId, d.id, d.name, now, jsonText(details));
    return { badgeId: d.id, badgeName: d.name, earnedDate: now, details };
  });
}
