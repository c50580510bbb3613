import { DalaError } from '../../electron/common/errors';
import { cachedStatement } from '../statement-cache';
import type { ManagerContext } from '../manager/context';

/**
 * Wrong tries at one sign-in (an educator's username, a learner): five, then a lockout of 30 s
 * that doubles with each further wrong try (1 min, 2 min, …, at most an hour) until a right one.
 */
export const FREE_TRIES = 5;
const FIRST_LOCK_SECONDS = 30;
const LONGEST_LOCK_SECONDS = 3600;

interface ThrottleRow {
  failures: number;
  lockouts: number;
  lockedUntil: string | null;
}

function read(ctx: ManagerContext, key: string): ThrottleRow | undefined {
  return cachedStatement(ctx.sqlite, 'SELECT failures, lockouts, locked_until AS lockedUntil FROM sign_in_throttle WHERE key = ?').get(key) as ThrottleRow | undefined;
}

export function rateLimited(seconds: number): DalaError {
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new DalaError('rate_limited', `Too many wrong tries. Wait ${wait}, then try again.`, undefined, seconds);
}

/** Throws `rate_limited` with the wait while `key` is locked out; nothing is checked then, not even a right answer. */
export function assertNotLockedOut(ctx: ManagerContext, key: string): void {
  const row = read(ctx, key);
  if (!row?.lockedUntil) return;
  const left = Math.ceil((Date.parse(row.lockedUntil) - Date.parse(ctx.now())) / 1000);
  if (left > 0) throw rateLimited(left);
}

/** Counts a wrong try; returns the lockout it starts, in seconds, if it starts one. */
export function recordWrongTry(ctx: ManagerContext, key: string): number | undefined {
  const now = ctx.now();
  const row = read(ctx, key) ?? { failures: 0, lockouts: 0, lockedUntil: null };
  let { failures, lockouts } = row;
  failures++;
  let lockedUntil: string | null = null;
  let seconds: number | undefined;
  if (failures >= FREE_TRIES) {
    seconds = Math.min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** lockouts);
    lockouts++;
    lockedUntil = new Date(Date.parse(now) + seconds * 1000).toISOString();
    // After the wait one more wrong try locks again, for twice as long.
    failures = FREE_TRIES - 1;
  }
  cachedStatement(
    ctx.sqlite,
    `INSERT INTO sign_in_throttle (key, failures, lockouts, locked_until, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
  ).run(key, failures, lockouts, lockedUntil, now);
  return seconds;
}

export function recordRightTry(ctx: ManagerContext, key: string): void {
  cachedStatement(ctx.sqlite, 'DELETE FROM sign_in_throttle WHERE key = ?').run(key);
}
