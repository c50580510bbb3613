import type { EducatorRole, EducatorView } from '../../electron/common/accounts';
import { DalaError } from '../../electron/common/errors';
import { cachedStatement } from '../statement-cache';
import type { ManagerContext } from '../manager/context';

/** An educator's row; the password hash never leaves the database layer. */
export interface EducatorRecord {
  id: string;
  username: string;
  displayName: string;
  role: EducatorRole;
  passwordHash: string;
  disabledAt: string | null;
}

const COLUMNS = 'id, username, display_name AS displayName, role, password_hash AS passwordHash, disabled_at AS disabledAt';

export function findEducatorById(ctx: Pick<ManagerContext, 'sqlite'>, id: string): EducatorRecord | undefined {
  return cachedStatement(ctx.sqlite, `SELECT ${COLUMNS} FROM educators WHERE id = ?`).get(id) as EducatorRecord | undefined;
}

/** Usernames are one account whatever their case. */
export function findEducatorByUsername(ctx: Pick<ManagerContext, 'sqlite'>, username: string): EducatorRecord | undefined {
  return cachedStatement(ctx.sqlite, `SELECT ${COLUMNS} FROM educators WHERE lower(username) = lower(?)`).get(username) as EducatorRecord | undefined;
}

export function requireEducator(ctx: Pick<ManagerContext, 'sqlite'>, id: string): EducatorRecord {
  const found = findEducatorById(ctx, id);
  if (!found) throw new DalaError('not_found', 'There is no such educator account.', 'educatorId');
  return found;
}

export function educatorCount(ctx: Pick<ManagerContext, 'sqlite'>): number {
  return (cachedStatement(ctx.sqlite, 'SELECT count(*) AS n FROM educators').get() as { n: number }).n;
}

/** The classes a coach looks after. */
export function coachClassIds(ctx: Pick<ManagerContext, 'sqlite'>, educatorId: string): string[] {
  return (cachedStatement(ctx.sqlite, 'SELECT class_id AS id FROM class_coaches WHERE educator_id = ? ORDER BY class_id').all(educatorId) as Array<{ id: string }>).map((r) => r.id);
}

export function toEducatorView(ctx: Pick<ManagerContext, 'sqlite'>, e: EducatorRecord): EducatorView {
  return { id: e.id, username: e.username, displayName: e.displayName, role: e.role, disabled: e.disabledAt !== null, classIds: coachClassIds(ctx, e.id) };
}
