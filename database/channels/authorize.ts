import type { AccessLevel } from '../../electron/common/contract';
import { forbidden } from '../../electron/common/errors';
import { findEducatorById, type EducatorRecord } from '../accounts/educator-records';
import { touchSession, type WindowSession } from '../accounts/window-session';
import { readSettings } from '../administration/settings-store';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';

/**
 * Who is calling: the command line (the machine owner's rights: it can read the file anyway) or a
 * window (Electron's, or a browser host's tab) whose session lives in this process.
 */
export type Caller = { kind: 'cli' } | { kind: 'window'; session: WindowSession };

/** The caller as the handlers see it, resolved once per call. */
export interface CallContext {
  caller: Caller;
  /** The unlocked educator at a window (re-read per call: a disabled account stops at once). */
  educator: EducatorRecord | undefined;
  /** The learner signed in at a window. */
  learnerId: string | undefined;
}

export const MESSAGES = {
  unlock: 'Ask an educator to unlock Educator tools.',
  adminOnly: 'Only an admin can do this. Ask an admin to unlock Educator tools.',
  chooseName: 'Choose your name in the learner picker first.',
  otherLearner: "This is another learner's profile. Go back to the picker and choose your own name.",
  notYourClass: 'This learner is not in a class you look after. Ask an admin.',
  notYourClassroom: 'You do not look after this class. Ask an admin.',
  signUpOff: 'Ask an educator to make your profile.',
} as const;

/** Ends idle sessions, then reads who is calling. */
export function resolveCall(ctx: ManagerContext, caller: Caller): CallContext {
  if (caller.kind === 'cli') return { caller, educator: undefined, learnerId: undefined };
  const { session } = caller;
  touchSession(session, Date.parse(ctx.now()), readSettings(ctx));
  let educator: EducatorRecord | undefined;
  if (session.educator) {
    educator = findEducatorById(ctx, session.educator.id);
    if (!educator || educator.disabledAt !== null) {
      delete session.educator;
      educator = undefined;
    }
  }
  if (session.learner && !cachedStatement(ctx.sqlite, 'SELECT 1 FROM learner_profiles WHERE id = ?').get(session.learner.id)) delete session.learner;
  return { caller, educator, learnerId: session.learner?.id };
}

/** Whether the call has every right: the command line, or an unlocked admin. */
export const isAdmin = (call: CallContext): boolean => call.caller.kind === 'cli' || call.educator?.role === 'admin';

/** Whether a coach looks after `learnerId` through one of their (not archived) classes. */
export function coachesLearner(ctx: ManagerContext, educatorId: string, learnerId: string): boolean {
  return Boolean(
    cachedStatement(
      ctx.sqlite,
      `SELECT 1 FROM class_members m JOIN class_coaches c ON c.class_id = m.class_id JOIN classes k ON k.id = m.class_id
       WHERE m.learner_id = ? AND c.educator_id = ? AND k.archived_at IS NULL LIMIT 1`,
    ).get(learnerId, educatorId),
  );
}

export function coachesClass(ctx: ManagerContext, educatorId: string, classId: string): boolean {
  return Boolean(cachedStatement(ctx.sqlite, 'SELECT 1 FROM class_coaches WHERE class_id = ? AND educator_id = ?').get(classId, educatorId));
}

/** Whether the caller may see and change `learnerId`'s records as an educator (not as the learner). */
export function educatorReaches(ctx: ManagerContext, call: CallContext, learnerId: string): boolean {
  return isAdmin(call) || (call.educator !== undefined && coachesLearner(ctx, call.educator.id, learnerId));
}

const field = (input: unknown, name: 'learnerId' | 'classId'): string | undefined => {
  const value = (input as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** Throws `forbidden` (nothing read or written yet) when the caller may not use this level with this input. */
export function authorize(ctx: ManagerContext, call: CallContext, level: AccessLevel, input: unknown): void {
  if (isAdmin(call) || level === 'anyone') return;
  const { educator } = call;
  switch (level) {
    case 'signUp':
      if (!educator && !readSettings(ctx).learnerSelfSignUp) throw forbidden(MESSAGES.signUpOff);
      return;
    case 'admin':
      throw forbidden(educator ? MESSAGES.adminOnly : MESSAGES.unlock);
    case 'educator':
      if (!educator) throw forbidden(MESSAGES.unlock);
      return;
    case 'classEducator': {
      const classId = field(input, 'classId');
      if (!educator) throw forbidden(MESSAGES.unlock);
      if (!classId || !coachesClass(ctx, educator.id, classId)) throw forbidden(MESSAGES.notYourClassroom);
      return;
    }
    case 'ownRecords':
    case 'learnersEducator': {
      const learnerId = field(input, 'learnerId');
      if (!learnerId) throw forbidden(MESSAGES.unlock);
      if (level === 'ownRecords' && call.learnerId === learnerId) return;
      if (educator) {
        if (coachesLearner(ctx, educator.id, learnerId)) return;
        throw forbidden(MESSAGES.notYourClass);
      }
      if (level === 'learnersEducator') throw forbidden(MESSAGES.unlock);
      throw forbidden(call.learnerId ? MESSAGES.otherLearner : MESSAGES.chooseName);
    }
  }
}
