import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import type { DalaDb } from '../open';
import { cachedStatement } from '../statement-cache';
import { toDalaError } from '../storage-errors';

/** What every persistence-manager function works with. `now` is injectable so tests control time. */
export interface ManagerContext {
  sqlite: Database.Database;
  db: DalaDb;
  now: () => string;
}

export const systemClock = (): string => new Date().toISOString();

/**
 * One write = one IMMEDIATE transaction (takes the write lock up front, so two hosts on one file
 * wait for each other instead of failing half-way). Any failure rolls back and becomes typed.
 */
export function writeTransaction<T>(ctx: ManagerContext, work: () => T): T {
  try {
    return ctx.sqlite.transaction(work).immediate();
  } catch (error) {
    throw toDalaError(error);
  }
}

export function readQuery<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toDalaError(error);
  }
}

export function learnerNotFound(learnerId: string): DalaError {
  return new DalaError('not_found', `There is no learner with id "${learnerId}".`, 'learnerId');
}

/**
 * Bumps `last_updated_at` (never backwards, should a lab clock be wrong) and proves the learner
 * exists before anything else is written.
 */
export function touchLearner(ctx: ManagerContext, learnerId: string, now: string): void {
  const result = cachedStatement(ctx.sqlite, 'UPDATE learner_profiles SET last_updated_at = max(last_updated_at, ?) WHERE id = ?').run(now, learnerId);
  if (result.changes === 0) throw learnerNotFound(learnerId);
}

export function assertLearnerExists(ctx: ManagerContext, learnerId: string): void {
  const row = cachedStatement(ctx.sqlite, 'SELECT 1 FROM learner_profiles WHERE id = ?').get(learnerId);
  if (!row) throw learnerNotFound(learnerId);
}
