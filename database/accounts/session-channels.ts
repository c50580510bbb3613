import { randomUUID } from 'node:crypto';
import type { SessionView } from '../../electron/common/accounts';
import { DalaError } from '../../electron/common/errors';
import { writeAudit } from '../administration/audit-log';
import { readSettings } from '../administration/settings-store';
import type { CallContext } from '../channels/authorize';
import { channelHandlers } from '../channels/define';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';
import { educatorCount, findEducatorById, findEducatorByUsername, toEducatorView } from './educator-records';
import { assertLearner, educatorThrottleKey, learnerThrottleKey, saveLearnerSecret, secretText, signInMethodOf, storedSecret } from './learner-secrets';
import { decoyHash, hashSecret, verifySecret } from './secret-hash';
import { assertNotLockedOut, rateLimited, recordRightTry, recordWrongTry } from './throttle';
import type { WindowSession } from './window-session';

/** Sessions exist only at a window; the command line has the owner's rights and no session. */
function windowSession(call: CallContext): WindowSession {
  if (call.caller.kind !== 'window') throw new DalaError('invalid_input', 'Signing in is for the app window; the command line needs no session.');
  return call.caller.session;
}

/** A wrong answer: counted, and when it starts a lockout the answer says so. */
function wrongTry(ctx: ManagerContext, key: string, message: string, field: string): DalaError {
  const lockedFor = ctx.sqlite.transaction(() => recordWrongTry(ctx, key)).immediate();
  return lockedFor === undefined ? new DalaError('invalid_input', message, field) : rateLimited(lockedFor);
}

export function sessionView(ctx: ManagerContext, call: CallContext): SessionView {
  const settings = readSettings(ctx);
  const learner = call.learnerId ? assertLearner(ctx, call.learnerId) : null;
  const e = call.educator;
  return {
    learner,
    educator: e ? { id: e.id, username: e.username, displayName: e.displayName, role: e.role } : null,
    setupNeeded: educatorCount(ctx) === 0,
    idle: { educatorMinutes: settings.educatorIdleMinutes, learnerMinutes: settings.learnerIdleMinutes },
    learnerSelfSignUp: settings.learnerSelfSignUp,
  };
}

export const sessionHandlers = channelHandlers({
  getSession: (ctx, _input, call) => sessionView(ctx, call),

  getLearnerSignIn: (ctx, { learnerId }) => {
    const learner = assertLearner(ctx, learnerId);
    const method = signInMethodOf(ctx, learnerId);
    return { learnerId, displayName: learner.displayName, method, secretSet: method === 'none' || storedSecret(ctx, learnerId) !== undefined };
  },

  signInLearner: async (ctx, { learnerId, secret }, call) => {
    const session = windowSession(call);
    const learner = assertLearner(ctx, learnerId);
    const key = learnerThrottleKey(learnerId);
    assertNotLockedOut(ctx, key);
    const method = signInMethodOf(ctx, learnerId);
    let secretCreated = false;
    if (method !== 'none') {
      const what = method === 'pin' ? 'PIN' : 'pictures';
      if (!secret || secret.kind !== method) throw new DalaError('invalid_input', `Enter your ${what} to sign in.`, 'secret');
      const stored = storedSecret(ctx, learnerId);
      if (stored) {
        if (!(await verifySecret(secretText(secret), stored.secretHash))) throw wrongTry(ctx, key, `That is not your ${what}. Try again, or ask your teacher.`, 'secret');
      } else {
        // The first sign-in in a class that asks for a secret chooses it.
        await saveLearnerSecret(ctx, learnerId, secret);
        secretCreated = true;
      }
    }
    recordRightTry(ctx, key);
    // A pupil signing in ends any educator session left open at this window.
    delete session.educator;
    session.learner = { id: learnerId, seenAt: Date.parse(ctx.now()) };
    return { learner, secretCreated };
  },

  signOutLearner: (_ctx, _input, call) => {
    delete windowSession(call).learner;
    return { signedOut: true as const };
  },

  unlockEducator: async (ctx, { username, password }, call) => {
    const session = windowSession(call);
    const key = educatorThrottleKey(username);
    try {
      assertNotLockedOut(ctx, key);
    } catch (error) {
      writeAudit(ctx, call, [{ action: 'educator_unlock_failed', detail: 'locked_out' }]);
      throw error;
    }
    const educator = findEducatorByUsername(ctx, username);
    // An unknown name costs as much time as a known one, and both answer the same.
    const matches = await verifySecret(password, educator?.passwordHash ?? (await decoyHash()));
    if (!educator || !matches || educator.disabledAt !== null) {
      const reason = !educator ? 'unknown_user' : !matches ? 'wrong_password' : 'disabled';
      writeAudit(ctx, call, [{ action: 'educator_unlock_failed', targetType: educator ? 'educator' : undefined, targetId: educator?.id, detail: reason }]);
      const message = educator && matches ? 'This account is switched off. Ask an admin.' : 'That username and password do not match. Try again.';
      throw wrongTry(ctx, key, message, 'password');
    }
    recordRightTry(ctx, key);
    session.educator = { id: educator.id, seenAt: Date.parse(ctx.now()) };
    writeAudit(ctx, { ...call, educator }, [{ action: 'educator_unlocked', targetType: 'educator', targetId: educator.id }]);
    return { username: educator.username, displayName: educator.displayName, role: educator.role };
  },

  lockEducator: (_ctx, _input, call) => {
    delete windowSession(call).educator;
    return { locked: true as const };
  },

  setUpFirstAdmin: async (ctx, { username, displayName, password }, call) => {
    const passwordHash = await hashSecret(password);
    const id = randomUUID();
    const now = ctx.now();
    ctx.sqlite
      .transaction(() => {
        if (educatorCount(ctx) > 0) throw new DalaError('conflict', 'This machine already has an educator account: unlock Educator tools with it.');
        cachedStatement(ctx.sqlite, "INSERT INTO educators (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'admin', ?, ?, ?)").run(
          id,
          username,
          displayName,
          passwordHash,
          now,
          now,
        );
      })
      .immediate();
    if (call.caller.kind === 'window') call.caller.session.educator = { id, seenAt: Date.parse(now) };
    const created = findEducatorById(ctx, id);
    if (!created) throw new DalaError('storage', 'The account was not saved. Try again.');
    return toEducatorView(ctx, created);
  },

  changeOwnPassword: async (ctx, { currentPassword, newPassword }, call) => {
    const educator = call.educator;
    if (!educator) throw new DalaError('forbidden', 'Unlock Educator tools first.');
    const key = educatorThrottleKey(educator.username);
    assertNotLockedOut(ctx, key);
    if (!(await verifySecret(currentPassword, educator.passwordHash))) throw wrongTry(ctx, key, 'Your current password is not right.', 'currentPassword');
    const passwordHash = await hashSecret(newPassword);
    cachedStatement(ctx.sqlite, 'UPDATE educators SET password_hash = ?, updated_at = max(updated_at, ?) WHERE id = ?').run(passwordHash, ctx.now(), educator.id);
    recordRightTry(ctx, key);
    return { changed: true as const };
  },
});
