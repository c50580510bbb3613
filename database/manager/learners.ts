import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedChannelInput } from '../../electron/common/contract';
import { DalaError } from '../../electron/common/errors';
import type { LearnerProfile, LearnerSummary } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { learnerProfiles } from '../schema';
import { learnerNotFound, readQuery, writeTransaction, type ManagerContext } from './context';
import { findLearnerRow } from './profile-reads';

function insertLearner(ctx: ManagerContext, id: string, displayName: string): LearnerProfile {
  const now = ctx.now();
  const row = { id, displayName, createdAt: now, lastUpdatedAt: now };
  ctx.db.insert(learnerProfiles).values(row).run();
  return row;
}

export function createLearnerProfile(ctx: ManagerContext, { displayName, id }: ParsedChannelInput<'createLearnerProfile'>): LearnerProfile {
  return writeTransaction(ctx, () => {
    const learnerId = id ?? randomUUID();
    if (findLearnerRow(ctx, learnerId)) throw new DalaError('conflict', `A learner with id "${learnerId}" already exists.`, 'id');
    return insertLearner(ctx, learnerId, displayName);
  });
}

export function getLearnerProfile(ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getLearnerProfile'>): LearnerProfile {
  const found = readQuery(() => findLearnerRow(ctx, learnerId));
  if (!found) throw learnerNotFound(learnerId);
  return found;
}

export function getOrCreateLearnerProfile(ctx: ManagerContext, { learnerId, displayName }: ParsedChannelInput<'getOrCreateLearnerProfile'>): { profile: LearnerProfile; created: boolean } {
  return writeTransaction(ctx, () => {
    const existing = findLearnerRow(ctx, learnerId);
    if (existing) return { profile: existing, created: false };
    return { profile: insertLearner(ctx, learnerId, displayName), created: true };
  });
}

const count = (table: string) =>
  sql<number>`(SELECT count(*) FROM ${sql.raw(table)} c WHERE c.learner_id = "learner_profiles"."id"${sql.raw(
    table === 'learning_objective_progress' ? " AND c.status = 'completed'" : '',
  )})`;

/** Every learner on this machine with the counts the picker shows, by name. */
export function listLearners(ctx: ManagerContext): LearnerSummary[] {
  return readQuery(() =>
    ctx.db
      .select({
        id: learnerProfiles.id,
        displayName: learnerProfiles.displayName,
        createdAt: learnerProfiles.createdAt,
        lastUpdatedAt: learnerProfiles.lastUpdatedAt,
        completedObjectives: count('learning_objective_progress'),
        attemptCount: count('activity_attempts'),
        badgeCount: count('badges'),
      })
      .from(learnerProfiles)
      .orderBy(sql`${learnerProfiles.displayName} COLLATE NOCASE`, asc(learnerProfiles.id))
      .all(),
  );
}

/** Removes the learner and, through ON DELETE CASCADE, every row of theirs. */
export function deleteLearnerProfile(ctx: ManagerContext, { learnerId }: ParsedChannelInput<'deleteLearnerProfile'>): { learnerId: string; deleted: true } {
  return writeTransaction(ctx, () => {
    const result = ctx.db.delete(learnerProfiles).where(eq(learnerProfiles.id, learnerId)).run();
    if (result.changes === 0) throw learnerNotFound(learnerId);
    return { learnerId, deleted: true as const };
  });
}

export const learnerHandlers = channelHandlers({
  createLearnerProfile,
  getOrCreateLearnerProfile,
  getLearnerProfile,
  listLearners,
  deleteLearnerProfile,
});
