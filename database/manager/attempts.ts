import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { masteryThresholdOf } from '../../electron/common/content';
import { addActivityAttemptInput, listActivityAttemptsInput, type AddActivityAttemptInput, type ListActivityAttemptsInput } from '../../electron/common/dto';
import { DalaError, parseInput } from '../../electron/common/errors';
import { statusFromAttempt } from '../../electron/common/lo-progress-rules';
import type { ActivityAttempt, ActivityAttemptResult } from '../../electron/common/profile';
import { activityAttempts } from '../schema';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { applyLoProgress, findLoProgress } from './progress';
import { jsonText, toActivityAttempt } from './rows';

/**
 * Records one attempt and, in the same transaction, moves the objective's progress (started on
 * the first attempt, completed when a finished attempt reaches the mastery threshold, never
 * backwards) and awards the badges that now hold. A retry with the same attemptUid is a no-op.
 */
export function addActivityAttempt(ctx: ManagerContext, input: AddActivityAttemptInput): ActivityAttemptResult {
  const parsed = parseInput(addActivityAttemptInput, input);
  const { learnerId, loId } = parsed;
  const attemptUid = parsed.attemptUid ?? randomUUID();
  return writeTransaction(ctx, () => {
    // A retried save finds its attempt already stored and writes nothing at all.
    const stored = ctx.db.select().from(activityAttempts).where(eq(activityAttempts.attemptUid, attemptUid)).get();
    if (stored) {
      assertLearnerExists(ctx, learnerId);
      if (stored.learnerId !== learnerId || stored.loId !== loId) {
        throw new DalaError('conflict', `The attempt ${attemptUid} is already stored for another activity.`, 'attemptUid');
      }
      const progress = findLoProgress(ctx, learnerId, loId);
      if (!progress) throw new DalaError('storage', 'The stored attempt has no objective progress. Run "dala verify".');
      return { attempt: toActivityAttempt(stored), loProgress: progress, loProgressChange: 'unchanged', badgesAwarded: [], recorded: false };
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
    ctx.db
      .insert(activityAttempts)
      .values({ ...attempt, learnerId, attemptDetails: jsonText(attempt.attemptDetails) })
      .run();
    const status = statusFromAttempt(attempt.completed, attempt.score, masteryThresholdOf(loId));
    const { progress, change } = applyLoProgress(ctx, learnerId, loId, { status, score: attempt.score }, now);
    return { attempt, loProgress: progress, loProgressChange: change, badgesAwarded: awardEarnedBadges(ctx, learnerId, now), recorded: true };
  });
}

/** Newest first. */
export function getActivityAttempts(ctx: ManagerContext, input: ListActivityAttemptsInput): ActivityAttempt[] {
  const { learnerId, limit, loId } = parseInput(listActivityAttemptsInput, input);
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    const where = loId ? and(eq(activityAttempts.learnerId, learnerId), eq(activityAttempts.loId, loId)) : eq(activityAttempts.learnerId, learnerId);
    const query = ctx.db.select().from(activityAttempts).where(where).orderBy(desc(activityAttempts.attemptTimestamp), desc(activityAttempts.attemptUid));
    return (limit ? query.limit(limit) : query).all().map(toActivityAttempt);
  });
}
