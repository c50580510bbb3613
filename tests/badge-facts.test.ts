import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newlyEarnedBadges, type BadgeFacts } from '../electron/common/badge-rules';
import { badgeDefinitions, diagnosticTasks, preferenceTasks, subjectIdOf, subjects } from '../electron/common/content';
import { assessmentFinished, awardEarnedBadges } from '../database/manager/badge-awards';
import type { ManagerContext } from '../database/manager/context';
import { openDatabase, type OpenedDatabase } from '../database/open';

/**
 * awardEarnedBadges reads only the facts that the badges not yet earned look at, and counts only
 * up to the thresholds they ask for. It must award exactly what the full facts (every count over
 * the whole history, as first written) award, whatever the history and the badges already held.
 */

/** The full facts, as the first version of badge-awards.ts computed them. */
function fullFacts(ctx: ManagerContext, learnerId: string): BadgeFacts {
  const s = ctx.sqlite;
  const completed = s.prepare("SELECT lo_id AS loId FROM learning_objective_progress WHERE learner_id = ? AND status = 'completed'").all(learnerId) as Array<{ loId: string }>;
  const totals = s.prepare('SELECT count(*) AS attempts, coalesce(sum(score = 1), 0) AS perfect FROM activity_attempts WHERE learner_id = ?').get(learnerId) as { attempts: number; perfect: number };
  const byType = s.prepare('SELECT activity_type AS type, count(*) AS n FROM activity_attempts WHERE learner_id = ? AND completed = 1 GROUP BY activity_type').all(learnerId) as Array<{ type: string; n: number }>;
  const days = s.prepare('SELECT DISTINCT substr(attempt_timestamp, 1, 10) AS day FROM activity_attempts WHERE learner_id = ? ORDER BY day').all(learnerId) as Array<{ day: string }>;
  const persistence = s
    .prepare(
      `SELECT coalesce(max(n), 0) AS n FROM (SELECT count(*) AS n FROM activity_attempts a
         JOIN learning_objective_progress p ON p.learner_id = a.learner_id AND p.lo_id = a.lo_id AND p.status = 'completed'
         WHERE a.learner_id = ? GROUP BY a.lo_id)`,
    )
    .get(learnerId) as { n: number };
  return {
    completedObjectiveIds: completed.map((r) => r.loId),
    subjectOf: subjectIdOf,
    assessmentFinished: assessmentFinished(ctx, learnerId),
    attemptsRecorded: totals.attempts,
    perfectScores: totals.perfect,
    mostAttemptsOnACompletedObjective: persistence.n,
    attemptDays: days.map((d) => d.day),
    completedAttemptsByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
  };
}

const objectives = subjects.flatMap((s) => s.objectives.slice(0, 4).map((o) => o.id));
const history = fc.record({
  attempts: fc.array(
    fc.record({
      lo: fc.constantFrom(...objectives),
      type: fc.constantFrom('quiz', 'game', 'practice'),
      score: fc.constantFrom(null, 0, 0.5, 0.99, 1),
      completed: fc.boolean(),
      day: fc.integer({ min: 0, max: 12 }),
    }),
    { maxLength: 40 },
  ),
  completedObjectives: fc.subarray(objectives),
  earned: fc.subarray(badgeDefinitions.map((d) => d.id)),
  assessment: fc.boolean(),
});

let database: OpenedDatabase;
let dir = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-badges-'));
  database = await openDatabase({ dataDir: dir });
  database.sqlite.pragma('synchronous = OFF');
});
afterAll(() => {
  database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('badge facts read only as far as the pending badges need', () => {
  it('award exactly what the full facts award', () => {
    const s = database.sqlite;
    const ctx: ManagerContext = { sqlite: s, db: database.db, now: () => '2026-04-01T00:00:00.000Z' };
    let n = 0;
    fc.assert(
      fc.property(history, (h) => {
        const learnerId = `learner-${++n}`;
        const run = s.transaction(() => {
          s.prepare("INSERT INTO learner_profiles VALUES (?, 'L', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(learnerId);
          h.attempts.forEach((a, i) => {
            const time = new Date(Date.parse('2026-03-01T08:00:00.000Z') + a.day * 86_400_000 + i * 60_000).toISOString();
            s.prepare('INSERT INTO activity_attempts (learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
              learnerId,
              `00000000-0000-4000-8000-${String(n * 1000 + i).padStart(12, '0')}`,
              a.lo,
              'act',
              a.type,
              time,
              a.score,
              a.completed ? 1 : 0,
            );
          });
          for (const lo of h.completedObjectives) {
            s.prepare("INSERT INTO learning_objective_progress (learner_id, lo_id, status, started_at, completed_at) VALUES (?, ?, 'completed', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z')").run(learnerId, lo);
          }
          if (h.assessment) {
            s.prepare("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES (?, 'Space', '2026-03-01T00:00:00.000Z')").run(learnerId);
            for (const t of preferenceTasks) s.prepare("INSERT INTO preferences (learner_id, category, value, timestamp) VALUES (?, ?, 'visual', '2026-03-01T00:00:00.000Z')").run(learnerId, t.category);
            for (const t of diagnosticTasks) s.prepare("INSERT INTO cognitive_metrics (learner_id, task_name, metric_details, timestamp) VALUES (?, ?, '{}', '2026-03-01T00:00:00.000Z')").run(learnerId, t.taskName);
          }
          for (const id of h.earned) s.prepare("INSERT INTO badges (learner_id, badge_id, badge_name, earned_date) VALUES (?, ?, 'B', '2026-03-01T00:00:00.000Z')").run(learnerId, id);
          const expected = newlyEarnedBadges(badgeDefinitions, new Set(h.earned), fullFacts(ctx, learnerId)).map((d) => d.id);
          const awarded = awardEarnedBadges(ctx, learnerId).map((b) => b.badgeId);
          expect(awarded).toEqual(expected);
          throw new RollBack();
        });
        try {
          run();
        } catch (error) {
          if (!(error instanceof RollBack)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });
});

class RollBack extends Error {}
