import { and, asc, eq } from 'drizzle-orm';
import { addOrUpdateLoProgressInput, learnerRefInput, type AddOrUpdateLoProgressInput, type LearnerRefInput } from '../../electron/common/dto';
import { parseInput } from '../../electron/common/errors';
import { advanceLoProgress, type LoProgressUpdate } from '../../electron/common/lo-progress-rules';
import type { BadgesAwarded, LoProgress, LoProgressChange } from '../../electron/common/profile';
import { learningObjectiveProgress } from '../schema';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { jsonText, toLoProgress } from './rows';

export function findLoProgress(ctx: ManagerContext, learnerId: string, loId: string): LoProgress | undefined {
  const row = ctx.db
    .select()
    .from(learningObjectiveProgress)
    .where(and(eq(learningObjectiveProgress.learnerId, learnerId), eq(learningObjectiveProgress.loId, loId)))
    .get();
  return row ? toLoProgress(row) : undefined;
}

/** Applies an update under the never-regress rules inside the caller's transaction. */
export function applyLoProgress(ctx: ManagerContext, learnerId: string, loId: string, update: LoProgressUpdate, now: string): { progress: LoProgress; change: LoProgressChange } {
  const { next, change } = advanceLoProgress(loId, findLoProgress(ctx, learnerId, loId), update, now);
  if (change !== 'unchanged') {
    const values = { status: next.status, startedAt: next.startedAt, completedAt: next.completedAt, score: next.score, details: jsonText(next.details) };
    ctx.db
      .insert(learningObjectiveProgress)
      .values({ learnerId, loId, ...values })
      .onConflictDoUpdate({ target: [learningObjectiveProgress.learnerId, learningObjectiveProgress.loId], set: values })
      .run();
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
    return ctx.db
      .select()
      .from(learningObjectiveProgress)
      .where(eq(learningObjectiveProgress.learnerId, learnerId))
      .orderBy(asc(learningObjectiveProgress.loId))
      .all()
      .map(toLoProgress);
  });
}
