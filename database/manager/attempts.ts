import { randomUUID } from 'node:crypto';
import { masteryThresholdOf } from '../../electron/common/content';
import type { ParsedChannelInput } from '../../electron/common/contract';
import { DalaError } from '../../electron/common/errors';
import { statusFromAttempt } from '../../electron/common/lo-progress-rules';
import type { ActivityAttempt, ActivityAttemptResult } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { cachedStatement } from '../statement-cache';
import { attemptRows, placeholdersOf } from '../table-rows';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { findAttempt, findProgress, listAttempts } from './profile-reads';
import { applyLoProgress } from './progress';

const INSERT_ATTEMPT = `INSERT INTO activity_attempts (${attemptRows.insertColumns}) VALUES (${placeholdersOf(attemptRows)})`;

/**
 * Records one attempt and, in the same transaction, moves the objective's progress (started on
 * the first attempt, completed when a finished attempt reaches the mastery threshold, never
 * backwards) and awards the badges that now hold. A retry with the same attemptUid is a no-op.
 */
export function addActivityAttempt(ctx: ManagerContext, parsed: ParsedChannelInput<'addActivityAttempt'>): ActivityAttemptResult {
  const { learnerId, loId } = parsed;
  const attemptUid = parsed.attemptUid ?? randomUUID();
  return writeTransaction(ctx, () => {
    // A retried save finds its attempt already stored and writes nothing at all.
    const stored = findAttempt(ctx, attemptUid);
    if (stored) {
      assertLearnerExists(ctx, learnerId);
      if (stored.learnerId !== learnerId || stored.attempt.loId !== loId) {
        throw new DalaError('conflict', `The attempt ${attemptUid} is already stored for another activity.`, 'attemptUid');
      }
      const progress = findProgress(ctx, learnerId, loId);
      if (!progress) throw new DalaError('storage', 'The stored attempt has no objective progress. Run "dala verify".');
      return { attempt: stored.attempt, loProgress: progress, loProgressChange: 'unchanged', badgesAwarded: [], recorded: false };
    }
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    const attempt: ActivityAttempt = {
      attemptUid,
      loId,
      activityId: parsed.activityId,
      activityType: parsed.activityType,
      attemptTimestamp: now,
      score: parsed.score ?? null,
      completed: parsed.completed,
      attemptDetails: parsed.attemptDetails ?? null,
    };
    cachedStatement(ctx.sqlite, INSERT_ATTEMPT).run(...attemptRows.params(learnerId, attempt));
    const status = statusFromAttempt(attempt.completed, attempt.score, masteryThresholdOf(loId));
    const { progress, change } = applyLoProgress(ctx, learnerId, loId, { status, score: attempt.score }, now);
    return { attempt, loProgress: progress, loProgressChange: change, badgesAwarded: awardEarnedBadges(ctx, learnerId, now), recorded: true };
  });
}

/** Newest first. */
export function getActivityAttempts(ctx: ManagerContext, { learnerId, limit, loId }: ParsedChannelInput<'getActivityAttempts'>): ActivityAttempt[] {
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listAttempts(ctx, learnerId, { limit, loId });
  });
}

export const attemptHandlers = channelHandlers({ addActivityAttempt, getActivityAttempts });
