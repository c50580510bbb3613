import { addOrUpdateLoProgressInput, learnerRefInput, type AddOrUpdateLoProgressInput, type LearnerRefInput } from '../../electron/common/dto';
import { parseInput } from '../../electron/common/errors';
import { advanceLoProgress, type LoProgressUpdate } from '../../electron/common/lo-progress-rules';
import type { BadgesAwarded, LoProgress, LoProgressChange } from '../../electron/common/profile';
import { cachedStatement } from '../statement-cache';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { findProgress, listProgress } from './profile-reads';
import { jsonText } from './rows';

const UPSERT_PROGRESS = `INSERT INTO learning_objective_progress (learner_id, lo_id, status, started_at, completed_at, score, details) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (learner_id, lo_id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at, completed_at = excluded.completed_at,
    score = excluded.score, details = excluded.details`;

export function findLoProgress(ctx: ManagerContext, learnerId: string, loId: string): LoProgress | undefined {
  return findProgress(ctx, learnerId, loId);
}

/** Applies an update under the never-regress rules inside the caller's transaction. */
export function applyLoProgress(ctx: ManagerContext, learnerId: string, loId: string, update: LoProgressUpdate, now: string): { progress: LoProgress; change: LoProgressChange } {
  const { next, change } = advanceLoProgress(loId, findLoProgress(ctx, learnerId, loId), update, now);
  if (change !== 'unchanged') {
    cachedStatement(ctx.sqlite, UPSERT_PROGRESS).run(learnerId, loId, next.status, next.startedAt, next.completedAt, next.score, jsonText(next.details));
  }
  return { progress: next, change };
}

export function addOrUpdateLoProgress(ctx: ManagerContext, input: AddOrUpdateLoProgressInput): { progress: LoProgress; change: LoProgressChange } & BadgesAwarded {
  const { learnerId, loId, status, score, details } = parseInput(addOrUpdateLoProgressInput, input);
  return writeTransaction(ctx, () => {
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    const result = applyLoProgress(ctx, learnerId, loId, { status, score, details }, now);
    return { ...result, badgesAwarded: awardEarnedBadges(ctx, learnerId) };
  });
}

export function getLoProgress(ctx: ManagerContext, input: LearnerRefInput): LoProgress[] {
  const { learnerId } = parseInput(learnerRefInput, input);
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listProgress(ctx, learnerId);
  });
}
