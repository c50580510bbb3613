import type Database from 'better-sqlite3';
import { masteryThresholdOf } from '../../electron/common/content';
import { advanceLoProgress, statusFromAttempt } from '../../electron/common/lo-progress-rules';
import type { LoProgress } from '../../electron/common/profile';
import { placeholdersOf, progressRows } from '../table-rows';
import { CHILD_TABLE_NAMES } from './statistics';

/** The repairs `dala verify --fix` makes, each in one transaction, after a snapshot (see verify-channel). */

/** Rows whose learner is gone. */
export function removeOrphans(sqlite: Database.Database): number {
  return sqlite.transaction(() =>
    CHILD_TABLE_NAMES.reduce((n, table) => n + sqlite.prepare(`DELETE FROM ${table} WHERE learner_id NOT IN (SELECT id FROM learner_profiles)`).run().changes, 0),
  ).immediate();
}

/** (learner, objective) pairs that have attempts but no progress row: a save that half-failed in an older version, or a hand-edited file. */
export const ATTEMPTS_WITHOUT_PROGRESS = `SELECT a.learner_id AS learnerId, a.lo_id AS loId, count(*) AS attempts FROM activity_attempts a
  WHERE a.learner_id IN (SELECT id FROM learner_profiles)
    AND NOT EXISTS (SELECT 1 FROM learning_objective_progress p WHERE p.learner_id = a.learner_id AND p.lo_id = a.lo_id)
  GROUP BY a.learner_id, a.lo_id ORDER BY a.learner_id, a.lo_id`;

/**
 * Rebuilds the missing progress rows from the attempts, as saving them would have: the attempts
 * in time order through the same never-regress rules (started at the first, completed at the
 * first that reached mastery, the best score).
 */
export function rebuildMissingProgress(sqlite: Database.Database): number {
  return sqlite.transaction(() => {
    const missing = sqlite.prepare(ATTEMPTS_WITHOUT_PROGRESS).all() as Array<{ learnerId: string; loId: string }>;
    const attempts = sqlite.prepare('SELECT attempt_timestamp AS at, score, completed FROM activity_attempts WHERE learner_id = ? AND lo_id = ? ORDER BY attempt_timestamp, attempt_uid');
    const insert = sqlite.prepare(`INSERT INTO learning_objective_progress (${progressRows.insertColumns}) VALUES (${placeholdersOf(progressRows)})`);
    for (const { learnerId, loId } of missing) {
      let progress: LoProgress | undefined;
      for (const a of attempts.all(learnerId, loId) as Array<{ at: string; score: number | null; completed: number }>) {
        const status = statusFromAttempt(a.completed === 1, a.score, masteryThresholdOf(loId));
        progress = advanceLoProgress(loId, progress, { status, score: a.score }, a.at).next;
      }
      if (progress) insert.run(...progressRows.params(learnerId, progress));
    }
    return missing.length;
  }).immediate();
}
