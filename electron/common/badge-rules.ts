import type { BadgeDefinition, BadgeRule } from './content/schemas';
import { calendarDayNumber } from './local-day';

/** What the badge rules can look at, computed by the database layer for one learner. */
export interface BadgeFacts {
  completedObjectiveIds: readonly string[];
  subjectOf: (loId: string) => string;
  assessmentFinished: boolean;
  attemptsRecorded: number;
  perfectScores: number;
  /** Most attempts the learner made on one objective they went on to complete. */
  mostAttemptsOnACompletedObjective: number;
  /**
   * Distinct local calendar days (the machine's time zone, see local-day.ts) with at least one
   * attempt, ascending `YYYY-MM-DD`: a streak is counted in the school's days, not UTC's.
   */
  attemptDays: readonly string[];
  completedAttemptsByType: Readonly<Record<string, number>>;
}

/** The longest run of consecutive calendar dates in `days` (ascending `YYYY-MM-DD`, any time zone's). */
export function longestDayStreak(days: readonly string[]): number {
  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const day of days) {
    // Calendar dates, not instants: a 23- or 25-hour DST day between two dates does not break the run.
    const n = calendarDayNumber(day);
    run = previous !== undefined && n - previous === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = n;
  }
  return longest;
}

export function ruleIsMet(rule: BadgeRule, facts: BadgeFacts): boolean {
  switch (rule.kind) {
    case 'objectives_completed': {
      const ids = rule.subjectId === undefined ? facts.completedObjectiveIds : facts.completedObjectiveIds.filter((id) => facts.subjectOf(id) === rule.subjectId);
      return ids.length >= rule.count;
    }
    case 'assessment_finished':
      return facts.assessmentFinished;
    case 'attempts_recorded':
      return facts.attemptsRecorded >= rule.count;
    case 'perfect_scores':
      return facts.perfectScores >= rule.count;
    case 'persistence':
      return facts.mostAttemptsOnACompletedObjective >= rule.attemptsOnOneObjective;
    case 'streak_days':
      return longestDayStreak(facts.attemptDays) >= rule.days;
    case 'activity_type_completed':
      return (facts.completedAttemptsByType[rule.activityType] ?? 0) >= rule.count;
  }
}

/** Badges whose rule now holds and that the learner does not have yet, in definition order. */
export function newlyEarnedBadges(definitions: readonly BadgeDefinition[], earned: ReadonlySet<string>, facts: BadgeFacts): BadgeDefinition[] {
  return definitions.filter((d) => !earned.has(d.id) && ruleIsMet(d.rule, facts));
}
