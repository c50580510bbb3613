import type { ParsedChannelInput } from '../../electron/common/contract';
import { advanceLoProgress, type LoProgressUpdate } from '../../electron/common/lo-progress-rules';
import type { BadgesAwarded, LoProgress, LoProgressChange } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { cachedStatement } from '../statement-cache';
import { placeholdersOf, progressRows } from '../table-rows';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { findProgress, listProgress } from './profile-reads';

const UPSERT_PROGRESS = `INSERT INTO learning_objective_progress (${progressRows.insertColumns}) VALUES (${placeholdersOf(progressRows)})
  ON CONFLICT (learner_id, lo_id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at, completed_at = excluded.completed_at,
    score = excluded.score, details = excluded.details`;

/** Applies an update under the never-regress rules inside the caller's transaction. */
export function applyLoProgress(ctx: ManagerContext, learnerId: string, loId: string, update: LoProgressUpdate, now: string): { progress: LoProgress; change: LoProgressChange } {
  const { next, change } = advanceLoProgress(loId, findProgress(ctx, learnerId, loId), update, now);
  if (change !== 'unchanged') cachedStatement(ctx.sqlite, UPSERT_PROGRESS).run(...progressRows.params(learnerId, next));
  return { progress: next, change };
}

export function addOrUpdateLoProgress(
  ctx: ManagerContext,
  { learnerId, loId, status, score, details }: ParsedChannelInput<'addOrUpdateLoProgress'>,
): { progress: LoProgress; change: LoProgressChange } & BadgesAwarded {
  return writeTransaction(ctx, () => {
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    const result = applyLoProgress(ctx, learnerId, loId, { status, score, details }, now);
    return { ...result, badgesAwarded: awardEarnedBadges(ctx, learnerId) };
  });
}

export function getLoProgress(ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getLoProgress'>): LoProgress[] {
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listProgress(ctx, learnerId);
  });
}

export const progressHandlers = channelHandlers({ addOrUpdateLoProgress, getLoProgress });
