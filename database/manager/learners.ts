import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedChannelInput } from '../../electron/common/contract';
import { DalaError, forbidden } from '../../electron/common/errors';
import type { LearnerProfile, LearnerSummary } from '../../electron/common/profile';
import { coachesClass, isAdmin, type CallContext } from '../channels/authorize';
import { channelHandlers } from '../channels/define';
import { cachedStatement } from '../statement-cache';
import { queueLearnerDeletion } from '../sync/outbox';
import { learnerProfiles } from '../schema';
import { learnerNotFound, readQuery, writeTransaction, type ManagerContext } from './context';
import { findLearnerRow } from './profile-reads';

function insertLearner(ctx: ManagerContext, id: string, displayName: string): LearnerProfile {
  const now = ctx.now();
  const row = { id, displayName, createdAt: now, lastUpdatedAt: now };
  ctx.db.insert(learnerProfiles).values(row).run();
  return row;
}

export function createLearnerProfile(ctx: ManagerContext, { displayName, id, classId }: ParsedChannelInput<'createLearnerProfile'>): LearnerProfile {
  return writeTransaction(ctx, () => {
    const learnerId = id ?? randomUUID();
    if (findLearnerRow(ctx, learnerId)) throw new DalaError('conflict', `A learner with id "${learnerId}" already exists.`, 'id');
    const learner = insertLearner(ctx, learnerId, displayName);
    if (classId !== undefined) {
      const klass = cachedStatement(ctx.sqlite, 'SELECT archived_at AS archivedAt FROM classes WHERE id = ?').get(classId) as { archivedAt: string | null } | undefined;
      if (!klass || klass.archivedAt !== null) throw new DalaError('not_found', 'That class is not on this machine any more. Pick another.', 'classId');
      cachedStatement(ctx.sqlite, 'INSERT INTO class_members (class_id, learner_id, added_at) VALUES (?, ?, ?)').run(classId, learnerId, learner.createdAt);
    }
    return learner;
  });
}

/**
 * A learner made at a window: a coach only in a class they look after (else they could not see
 * it); a pupil who made their own profile is signed in as it at once.
 */
function createLearnerFromWindow(ctx: ManagerContext, input: ParsedChannelInput<'createLearnerProfile'>, call: CallContext): LearnerProfile {
  if (call.educator && !isAdmin(call) && (input.classId === undefined || !coachesClass(ctx, call.educator.id, input.classId))) {
    throw forbidden('Choose one of your classes for the new learner.');
  }
  const learner = createLearnerProfile(ctx, input);
  if (call.caller.kind === 'window' && !call.educator) call.caller.session.learner = { id: learner.id, seenAt: Date.parse(ctx.now()) };
  return learner;
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

/**
 * Learners with their progress counts, by name: every learner of the machine, or (for a coach)
 * those of the classes they look after.
 */
export function listLearnerSummaries(ctx: ManagerContext, { coachId }: { coachId?: string | undefined } = {}): LearnerSummary[] {
  const ofCoach = coachId
    ? sql`${learnerProfiles.id} IN (SELECT m.learner_id FROM class_members m JOIN class_coaches c ON c.class_id = m.class_id JOIN classes k ON k.id = m.class_id
        WHERE c.educator_id = ${coachId} AND k.archived_at IS NULL)`
    : undefined;
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
      .where(ofCoach)
      .orderBy(sql`${learnerProfiles.displayName} COLLATE NOCASE`, asc(learnerProfiles.id))
      .all(),
  );
}

/** Removes the learner and, through ON DELETE CASCADE, every row of theirs. */
export function deleteLearnerProfile(ctx: ManagerContext, { learnerId }: ParsedChannelInput<'deleteLearnerProfile'>): { learnerId: string; deleted: true } {
  return writeTransaction(ctx, () => {
    const result = ctx.db.delete(learnerProfiles).where(eq(learnerProfiles.id, learnerId)).run();
    if (result.changes === 0) throw learnerNotFound(learnerId);
    // Enrolled in a school hub: the deletion goes to every machine of the school (not a trigger, see sync/triggers.ts).
    queueLearnerDeletion(ctx.sqlite, learnerId, ctx.now());
    return { learnerId, deleted: true as const };
  });
}

export const learnerHandlers = channelHandlers({
  createLearnerProfile: (ctx, input, call) => createLearnerFromWindow(ctx, input, call),
  getOrCreateLearnerProfile,
  getLearnerProfile,
  listLearnerSummaries: (ctx, _input, call) => listLearnerSummaries(ctx, { coachId: isAdmin(call) ? undefined : call.educator?.id }),
  deleteLearnerProfile,
});
