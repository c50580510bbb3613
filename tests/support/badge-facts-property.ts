import fc from 'fast-check';
import { expect } from 'vitest';
import { newlyEarnedBadges, type BadgeFacts } from '../../electron/common/badge-rules';
import { badgeDefinitions, diagnosticTasks, preferenceTasks, subjectIdOf, subjects } from '../../electron/common/content';
import { assessmentFinished, awardEarnedBadges } from '../../database/manager/badge-awards';
import type { ManagerContext } from '../../database/manager/context';
import type { OpenedDatabase } from '../../database/open';

/**
 * awardEarnedBadges reads only the facts that the badges not yet earned look at, and counts only
 * up to the thresholds they ask for. It must award exactly what the full facts (every count over
 * the whole history, as first written) award, whatever the history and the badges already held.
 */

/** The local calendar date of a stored time, by Intl (independent of local-day.ts): days are the machine's. */
function localDates(): (iso: string) => string {
  // Made per call, so that it reads the time zone the calling test file put the process in.
  const format = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return (iso) => {
    const p = Object.fromEntries(format.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}`;
  };
}

/** The full facts, as the first version of badge-awards.ts computed them (but with local days). */
function fullFacts(ctx: ManagerContext, learnerId: string): BadgeFacts {
  const s = ctx.sqlite;
  const completed = s.prepare("SELECT lo_id AS loId FROM learning_objective_progress WHERE learner_id = ? AND status = 'completed'").all(learnerId) as Array<{ loId: string }>;
  const totals = s.prepare('SELECT count(*) AS attempts, coalesce(sum(score = 1), 0) AS perfect FROM activity_attempts WHERE learner_id = ?').get(learnerId) as { attempts: number; perfect: number };
  const byType = s.prepare('SELECT activity_type AS type, count(*) AS n FROM activity_attempts WHERE learner_id = ? AND completed = 1 GROUP BY activity_type').all(learnerId) as Array<{ type: string; n: number }>;
  const times = s.prepare('SELECT attempt_timestamp AS t FROM activity_attempts WHERE learner_id = ?').all(learnerId) as Array<{ t: string }>;
  const localDate = localDates();
  const days = [...new Set(times.map((r) => localDate(r.t)))].sort();
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
    attemptDays: days,
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
      // Any minute of the day, so that histories cross local and UTC midnights.
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    }),
    { maxLength: 40 },
  ),
  completedObjectives: fc.subarray(objectives),
  earned: fc.subarray(badgeDefinitions.map((d) => d.id)),
  assessment: fc.boolean(),
});

/**
 * Checks the property on `database` for `numRuns` random histories of up to 13 days from `start`
 * (a UTC time), in whatever time zone the process is in.
 */
export function checkAwardsMatchFullFacts(database: OpenedDatabase, options: { numRuns: number; start: string }): void {
  const startMs = Date.parse(options.start);
  const s = database.sqlite;
  const ctx: ManagerContext = { sqlite: s, db: database.db, now: () => '2026-04-01T00:00:00.000Z' };
  let n = 0;
  fc.assert(
    fc.property(history, (h) => {
      const learnerId = `learner-${++n}`;
      const run = s.transaction(() => {
        s.prepare("INSERT INTO learner_profiles VALUES (?, 'L', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(learnerId);
        h.attempts.forEach((a, i) => {
          const time = new Date(startMs + a.day * 86_400_000 + a.minute * 60_000).toISOString();
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
    { numRuns: options.numRuns },
  );
}

class RollBack extends Error {}
