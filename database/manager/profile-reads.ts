import type { LoStatus } from '../../electron/common/dto';
import type { ActivityAttempt, BadgeRecord, CognitiveMetric, LearnerProfile, LoProgress } from '../../electron/common/profile';
import { cachedRowsStatement } from '../statement-cache';
import type { ManagerContext } from './context';
import { parseJson } from './rows';

/**
 * The read side of a learner's profile: one cached statement per query, rows taken out of SQLite
 * as arrays and turned into the domain shape in one pass (JSON columns parsed here). A full
 * profile is the hottest read of the app (every learner screen), so no query is built or compiled
 * per call and no intermediate row objects are made.
 */

type Cell = string | number | null;
type Row = Cell[];

const LEARNER = 'SELECT id, display_name, created_at, last_updated_at FROM learner_profiles WHERE id = ?';
const METRICS = 'SELECT task_name, metric_details, timestamp FROM cognitive_metrics WHERE learner_id = ? ORDER BY timestamp, id';
const PROGRESS = 'SELECT lo_id, status, started_at, completed_at, score, details FROM learning_objective_progress WHERE learner_id = ? ORDER BY lo_id';
const ONE_PROGRESS = 'SELECT lo_id, status, started_at, completed_at, score, details FROM learning_objective_progress WHERE learner_id = ? AND lo_id = ?';
const BADGES = 'SELECT badge_id, badge_name, earned_date, details FROM badges WHERE learner_id = ? ORDER BY earned_date, badge_id';
const ATTEMPT_COLUMNS = 'attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details';
const NEWEST_FIRST = 'ORDER BY attempt_timestamp DESC, attempt_uid DESC';
const ATTEMPTS = {
  all: `SELECT ${ATTEMPT_COLUMNS} FROM activity_attempts WHERE learner_id = ? ${NEWEST_FIRST}`,
  limited: `SELECT ${ATTEMPT_COLUMNS} FROM activity_attempts WHERE learner_id = ? ${NEWEST_FIRST} LIMIT ?`,
  byObjective: `SELECT ${ATTEMPT_COLUMNS} FROM activity_attempts WHERE learner_id = ? AND lo_id = ? ${NEWEST_FIRST}`,
  byObjectiveLimited: `SELECT ${ATTEMPT_COLUMNS} FROM activity_attempts WHERE learner_id = ? AND lo_id = ? ${NEWEST_FIRST} LIMIT ?`,
};
const ONE_ATTEMPT = `SELECT ${ATTEMPT_COLUMNS}, learner_id FROM activity_attempts WHERE attempt_uid = ?`;

const text = (c: Cell | undefined) => c as string;
const textOrNull = (c: Cell | undefined) => (c ?? null) as string | null;
const numberOrNull = (c: Cell | undefined) => (c ?? null) as number | null;

const toLearner = (r: Row): LearnerProfile => ({ id: text(r[0]), displayName: text(r[1]), createdAt: text(r[2]), lastUpdatedAt: text(r[3]) });
const toMetric = (r: Row): CognitiveMetric => ({ taskName: text(r[0]), metricDetails: parseJson(textOrNull(r[1])) ?? {}, timestamp: text(r[2]) });
const toProgress = (r: Row): LoProgress => ({
  loId: text(r[0]),
  status: r[1] as LoStatus,
  startedAt: text(r[2]),
  completedAt: textOrNull(r[3]),
  score: numberOrNull(r[4]),
  details: parseJson(textOrNull(r[5])),
});
const toBadge = (r: Row): BadgeRecord => ({ badgeId: text(r[0]), badgeName: text(r[1]), earnedDate: text(r[2]), details: parseJson(textOrNull(r[3])) });
const toAttempt = (r: Row): ActivityAttempt => ({
  attemptUid: text(r[0]),
  loId: text(r[1]),
  activityId: text(r[2]),
  activityType: text(r[3]),
  attemptTimestamp: text(r[4]),
  score: numberOrNull(r[5]),
  completed: r[6] === 1,
  attemptDetails: parseJson(textOrNull(r[7])),
});

function mapRows<T>(rows: unknown[], map: (r: Row) => T): T[] {
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = map(rows[i] as Row);
  return out;
}

export function findLearnerRow(ctx: ManagerContext, learnerId: string): LearnerProfile | undefined {
  const row = cachedRowsStatement(ctx.sqlite, LEARNER).get(learnerId) as Row | undefined;
  return row ? toLearner(row) : undefined;
}

export function listMetrics(ctx: ManagerContext, learnerId: string): CognitiveMetric[] {
  return mapRows(cachedRowsStatement(ctx.sqlite, METRICS).all(learnerId), toMetric);
}

export function listProgress(ctx: ManagerContext, learnerId: string): LoProgress[] {
  return mapRows(cachedRowsStatement(ctx.sqlite, PROGRESS).all(learnerId), toProgress);
}

export function findProgress(ctx: ManagerContext, learnerId: string, loId: string): LoProgress | undefined {
  const row = cachedRowsStatement(ctx.sqlite, ONE_PROGRESS).get(learnerId, loId) as Row | undefined;
  return row ? toProgress(row) : undefined;
}

export function listBadges(ctx: ManagerContext, learnerId: string): BadgeRecord[] {
  return mapRows(cachedRowsStatement(ctx.sqlite, BADGES).all(learnerId), toBadge);
}

/** Newest first; optionally one objective's, optionally the newest `limit`. */
export function listAttempts(ctx: ManagerContext, learnerId: string, options: { limit?: number; loId?: string } = {}): ActivityAttempt[] {
  const { limit, loId } = options;
  const rows = loId
    ? limit
      ? cachedRowsStatement(ctx.sqlite, ATTEMPTS.byObjectiveLimited).all(learnerId, loId, limit)
      : cachedRowsStatement(ctx.sqlite, ATTEMPTS.byObjective).all(learnerId, loId)
    : limit
      ? cachedRowsStatement(ctx.sqlite, ATTEMPTS.limited).all(learnerId, limit)
      : cachedRowsStatement(ctx.sqlite, ATTEMPTS.all).all(learnerId);
  return mapRows(rows, toAttempt);
}

/** An attempt by its global uid, with the learner it belongs to. */
export function findAttempt(ctx: ManagerContext, attemptUid: string): { attempt: ActivityAttempt; learnerId: string } | undefined {
  const row = cachedRowsStatement(ctx.sqlite, ONE_ATTEMPT).get(attemptUid) as Row | undefined;
  return row ? { attempt: toAttempt(row), learnerId: text(row[8]) } : undefined;
}
