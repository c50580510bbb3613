import { randomUUID } from 'node:crypto';
import { DalaError } from '../../electron/common/errors';
import { channelHandlers } from '../channels/define';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';
import { requireEducator, toEducatorView, findEducatorByUsername } from './educator-records';
import { hashSecret } from './secret-hash';
import { queueClassCoachRemoval } from '../sync/school-records-outbox';

const immediate = <T>(ctx: ManagerContext, work: () => T): T => ctx.sqlite.transaction(work).immediate();

/** A machine must keep one admin who can still sign in, or nobody could ever manage it again. */
function assertAnotherActiveAdmin(ctx: ManagerContext, educatorId: string): void {
  const others = cachedStatement(ctx.sqlite, "SELECT count(*) AS n FROM educators WHERE role = 'admin' AND disabled_at IS NULL AND id <> ?").get(educatorId) as { n: number };
  if (others.n === 0) throw new DalaError('conflict', 'This is the last admin who can sign in. Make another admin first.', 'educatorId');
}

function requireClass(ctx: ManagerContext, classId: string): void {
  if (!cachedStatement(ctx.sqlite, 'SELECT 1 FROM classes WHERE id = ?').get(classId)) throw new DalaError('not_found', `There is no class with id "${classId}".`, 'classId');
}

/** Creates an account (the CLI's `educators create` and Educator tools). Hashing runs before the write. */
export async function createEducatorAccount(ctx: ManagerContext, input: { username: string; displayName: string; role: 'admin' | 'coach'; password: string }) {
  const passwordHash = await hashSecret(input.password);
  const id = randomUUID();
  const now = ctx.now();
  immediate(ctx, () => {
    if (findEducatorByUsername(ctx, input.username)) throw new DalaError('conflict', `There is already an educator called "${input.username}".`, 'username');
    cachedStatement(ctx.sqlite, 'INSERT INTO educators (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      input.username,
      input.displayName,
      input.role,
      passwordHash,
      now,
      now,
    );
  });
  return toEducatorView(ctx, requireEducator(ctx, id));
}

export const educatorHandlers = channelHandlers({
  listEducators: (ctx) => {
    const ids = (cachedStatement(ctx.sqlite, 'SELECT id FROM educators ORDER BY username COLLATE NOCASE').all() as Array<{ id: string }>).map((r) => r.id);
    return ids.map((id) => toEducatorView(ctx, requireEducator(ctx, id)));
  },

  createEducator: (ctx, input) => createEducatorAccount(ctx, input),

  updateEducator: (ctx, { educatorId, displayName, role }) =>
    immediate(ctx, () => {
      const educator = requireEducator(ctx, educatorId);
      if (role === 'coach' && educator.role === 'admin') assertAnotherActiveAdmin(ctx, educatorId);
      cachedStatement(ctx.sqlite, 'UPDATE educators SET display_name = coalesce(?, display_name), role = coalesce(?, role), updated_at = max(updated_at, ?) WHERE id = ?').run(
        displayName ?? null,
        role ?? null,
        ctx.now(),
        educatorId,
      );
      return toEducatorView(ctx, requireEducator(ctx, educatorId));
    }),

  resetEducatorPassword: async (ctx, { educatorId, password }) => {
    requireEducator(ctx, educatorId);
    const passwordHash = await hashSecret(password);
    immediate(ctx, () => {
      const educator = requireEducator(ctx, educatorId);
      cachedStatement(ctx.sqlite, 'UPDATE educators SET password_hash = ?, updated_at = max(updated_at, ?) WHERE id = ?').run(passwordHash, ctx.now(), educatorId);
      // The new password works at once, even if the old one was locked out by wrong tries.
      cachedStatement(ctx.sqlite, 'DELETE FROM sign_in_throttle WHERE key = ?').run(`educator:${educator.username.toLowerCase()}`);
    });
    return { reset: true as const };
  },

  setEducatorDisabled: (ctx, { educatorId, disabled }) =>
    immediate(ctx, () => {
      const educator = requireEducator(ctx, educatorId);
      if (disabled && educator.role === 'admin') assertAnotherActiveAdmin(ctx, educatorId);
      const now = ctx.now();
      cachedStatement(ctx.sqlite, 'UPDATE educators SET disabled_at = ?, updated_at = max(updated_at, ?) WHERE id = ?').run(disabled ? (educator.disabledAt ?? now) : null, now, educatorId);
      return toEducatorView(ctx, requireEducator(ctx, educatorId));
    }),

  assignCoach: (ctx, { educatorId, classId }) =>
    immediate(ctx, () => {
      requireEducator(ctx, educatorId);
      requireClass(ctx, classId);
      cachedStatement(ctx.sqlite, 'INSERT INTO class_coaches (class_id, educator_id, assigned_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(classId, educatorId, ctx.now());
      return toEducatorView(ctx, requireEducator(ctx, educatorId));
    }),

  unassignCoach: (ctx, { educatorId, classId }) =>
    immediate(ctx, () => {
      requireEducator(ctx, educatorId);
      queueClassCoachRemoval(ctx.sqlite, classId, educatorId, ctx.now());
      cachedStatement(ctx.sqlite, 'DELETE FROM class_coaches WHERE class_id = ? AND educator_id = ?').run(classId, educatorId);
      return toEducatorView(ctx, requireEducator(ctx, educatorId));
    }),
});
