import type { ActivityAttempt, BadgeRecord, CognitiveMetric, LearnerProfile, LoProgress } from '../../electron/common/profile';
import { cachedRowsStatement } from '../statement-cache';
import { attemptRows, badgeRows, learnerRows, mapRows, metricRows, progressRows, type Row } from '../table-rows';
import type { ManagerContext } from './context';

/**
 * The read side of a learner's profile: one cached statement per query, rows mapped by the row
 * layer (table-rows.ts). A full profile is the hottest read of the app (every learner screen), so
 * no query is built or compiled per call.
 */

const LEARNER = `SELECT ${learnerRows.columns} FROM learner_profiles WHERE id = ?`;
const METRICS = `SELECT ${metricRows.columns} FROM cognitive_metrics WHERE learner_id = ? ORDER BY timestamp, id`;
const PROGRESS = `SELECT ${progressRows.columns} FROM learning_objective_progress WHERE learner_id = ? ORDER BY lo_id`;
const ONE_PROGRESS = `SELECT ${progressRows.columns} FROM learning_objective_progress WHERE learner_id = ? AND lo_id = ?`;
const BADGES = `SELECT ${badgeRows.columns} FROM badges WHERE learner_id = ? ORDER BY earned_date, badge_id`;
const NEWEST_FIRST = 'ORDER BY attempt_timestamp DESC, attempt_uid DESC';
const ATTEMPTS = {
  all: `SELECT ${attemptRows.columns} FROM activity_attempts WHERE learner_id = ? ${NEWEST_FIRST}`,
  limited: `SELECT ${attemptRows.columns} FROM activity_attempts WHERE learner_id = ? ${NEWEST_FIRST} LIMIT ?`,
  byObjective: `SELECT ${attemptRows.columns} FROM activity_attempts WHERE learner_id = ? AND lo_id = ? ${NEWEST_FIRST}`,
  byObjectiveLimited: `SELECT ${attemptRows.columns} FROM activity_attempts WHERE learner_id = ? AND lo_id = ? ${NEWEST_FIRST} LIMIT ?`,
};
// The owner comes after the row's own columns, so attemptRows.from reads the row unchanged.
const ONE_ATTEMPT = `SELECT ${attemptRows.columns}, learner_id FROM activity_attempts WHERE attempt_uid = ?`;
const OWNER_COLUMN = attemptRows.columns.split(',').length;

export function findLearnerRow(ctx: ManagerContext, learnerId: string): LearnerProfile | undefined {
  const row = cachedRowsStatement(ctx.sqlite, LEARNER).get(learnerId) as Row | undefined;
  return row ? learnerRows.from(row) : undefined;
}

export function listMetrics(ctx: ManagerContext, learnerId: string): CognitiveMetric[] {
  return mapRows(cachedRowsStatement(ctx.sqlite, METRICS).all(learnerId), metricRows.from);
}

export function listProgress(ctx: ManagerContext, learnerId: string): LoProgress[] {
  return mapRows(cachedRowsStatement(ctx.sqlite, PROGRESS).all(learnerId), progressRows.from);
}

export function findProgress(ctx: ManagerContext, learnerId: string, loId: string): LoProgress | undefined {
  const row = cachedRowsStatement(ctx.sqlite, ONE_PROGRESS).get(learnerId, loId) as Row | undefined;
  return row ? progressRows.from(row) : undefined;
}

export function listBadges(ctx: ManagerContext, learnerId: string): BadgeRecord[] {
  return mapRows(cachedRowsStatement(ctx.sqlite, BADGES).all(learnerId), badgeRows.from);
}

/** Newest first; optionally one objective's, optionally the newest `limit`. */
export function listAttempts(ctx: ManagerContext, learnerId: string, options: { limit?: number | undefined; loId?: string | undefined } = {}): ActivityAttempt[] {
  const { limit, loId } = options;
  const rows = loId
    ? limit
      ? cachedRowsStatement(ctx.sqlite, ATTEMPTS.byObjectiveLimited).all(learnerId, loId, limit)
      : cachedRowsStatement(ctx.sqlite, ATTEMPTS.byObjective).all(learnerId, loId)
    : limit
      ? cachedRowsStatement(ctx.sqlite, ATTEMPTS.limited).all(learnerId, limit)
      : cachedRowsStatement(ctx.sqlite, ATTEMPTS.all).all(learnerId);
  return mapRows(rows, attemptRows.from);
}

/** An attempt by its global uid, with the learner it belongs to. */
export function findAttempt(ctx: ManagerContext, attemptUid: string): { attempt: ActivityAttempt; learnerId: string } | undefined {
  const row = cachedRowsStatement(ctx.sqlite, ONE_ATTEMPT).get(attemptUid) as Row | undefined;
  return row ? { attempt: attemptRows.from(row), learnerId: row[OWNER_COLUMN] as string } : undefined;
}
