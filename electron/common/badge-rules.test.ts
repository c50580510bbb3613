import { describe, expect, it } from 'vitest';
import { longestDayStreak, newlyEarnedBadges, ruleIsMet, type BadgeFacts } from './badge-rules';
import { badgeDefinitions } from './content';
import type { BadgeDefinition, BadgeRule } from './content/schemas';

const noFacts: BadgeFacts = {
  completedObjectiveIds: [],
  subjectOf: (loId) => loId.split('_')[0] ?? loId,
  assessmentFinished: false,
  attemptsRecorded: 0,
  perfectScores: 0,
  mostAttemptsOnACompletedObjective: 0,
  attemptDays: [],
  completedAttemptsByType: {},
};
const facts = (fields: Partial<BadgeFacts>): BadgeFacts => ({ ...noFacts, ...fields });

describe('longestDayStreak', () => {
  it.each([
    [[], 0],
    [['2026-03-02'], 1],
    [['2026-03-02', '2026-03-03', '2026-03-04'], 3],
    [['2026-03-02', '2026-03-04', '2026-03-05'], 2],
    [['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'], 4],
    [['2024-02-28', '2024-02-29', '2024-03-01'], 3],
    [['2025-12-31', '2026-01-01'], 2],
    [['2026-03-01', '2026-03-02', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-09'], 3],
    // Calendar dates around DST changes (25- and 23-hour local days in Sydney and Santiago) are still consecutive.
    [['2026-04-04', '2026-04-05', '2026-04-06'], 3],
    [['2026-10-03', '2026-10-04', '2026-10-05'], 3],
    [['2026-09-05', '2026-09-06', '2026-09-07'], 3],
    [['2026-03-02', '2026-03-02', '2026-03-03'], 2],
  ] as Array<[string[], number]>)('%j → %i', (days, expected) => {
    expect(longestDayStreak(days)).toBe(expected);
  });
});

describe('ruleIsMet, one rule kind at a time', () => {
  const cases: Array<[BadgeRule, BadgeFacts, BadgeFacts]> = [
    [{ kind: 'objectives_completed', count: 2 }, facts({ completedObjectiveIds: ['MATH_LO_001', 'READ_LO_001'] }), facts({ completedObjectiveIds: ['MATH_LO_001'] })],
    [
      { kind: 'objectives_completed', count: 2, subjectId: 'MATH' },
      facts({ completedObjectiveIds: ['MATH_LO_001', 'MATH_LO_004', 'READ_LO_001'] }),
      facts({ completedObjectiveIds: ['MATH_LO_001', 'READ_LO_001', 'SCI_LO_001'] }),
    ],
    [{ kind: 'assessment_finished' }, facts({ assessmentFinished: true }), noFacts],
    [{ kind: 'attempts_recorded', count: 10 }, facts({ attemptsRecorded: 10 }), facts({ attemptsRecorded: 9 })],
    [{ kind: 'perfect_scores', count: 2 }, facts({ perfectScores: 2 }), facts({ perfectScores: 1 })],
    [{ kind: 'persistence', attemptsOnOneObjective: 3 }, facts({ mostAttemptsOnACompletedObjective: 3 }), facts({ mostAttemptsOnACompletedObjective: 2 })],
    [{ kind: 'streak_days', days: 3 }, facts({ attemptDays: ['2026-03-02', '2026-03-03', '2026-03-04'] }), facts({ attemptDays: ['2026-03-02', '2026-03-03', '2026-03-05'] })],
    [
      { kind: 'activity_type_completed', activityType: 'game', count: 3 },
      facts({ completedAttemptsByType: { game: 3 } }),
      facts({ completedAttemptsByType: { game: 2, quiz: 10 } }),
    ],
  ];

  it.each(cases)('%j holds exactly at its threshold and not below', (rule, met, notMet) => {
    expect(ruleIsMet(rule, met)).toBe(true);
    expect(ruleIsMet(rule, notMet)).toBe(false);
  });

  it('covers every rule kind used by the bundled badges', () => {
    const tested = new Set(cases.map(([rule]) => rule.kind));
    for (const badge of badgeDefinitions) expect(tested.has(badge.rule.kind), badge.id).toBe(true);
  });

  it('uses subjectOf for the subject of an objective', () => {
    const rule: BadgeRule = { kind: 'objectives_completed', count: 1, subjectId: 'ART' };
    expect(ruleIsMet(rule, facts({ completedObjectiveIds: ['X_1'], subjectOf: () => 'ART' }))).toBe(true);
    expect(ruleIsMet(rule, facts({ completedObjectiveIds: ['X_1'], subjectOf: () => 'MATH' }))).toBe(false);
  });
});

describe('newlyEarnedBadges', () => {
  const defs: BadgeDefinition[] = [
    { id: 'one', name: 'One', description: 'd', icon: 'badge', rule: { kind: 'attempts_recorded', count: 1 } },
    { id: 'two', name: 'Two', description: 'd', icon: 'badge', rule: { kind: 'attempts_recorded', count: 2 } },
    { id: 'done', name: 'Done', description: 'd', icon: 'badge', rule: { kind: 'assessment_finished' } },
  ];

  it('returns the badges whose rule holds and that are not earned yet, in definition order', () => {
    const all = facts({ attemptsRecorded: 5, assessmentFinished: true });
    expect(newlyEarnedBadges(defs, new Set(), all).map((d) => d.id)).toEqual(['one', 'two', 'done']);
    expect(newlyEarnedBadges(defs, new Set(['two']), all).map((d) => d.id)).toEqual(['one', 'done']);
    expect(newlyEarnedBadges(defs, new Set(), facts({ attemptsRecorded: 1 })).map((d) => d.id)).toEqual(['one']);
    expect(newlyEarnedBadges(defs, new Set(['one', 'two', 'done']), all)).toEqual([]);
  });

  it('awards nothing to a learner with no activity from the bundled badges', () => {
    expect(newlyEarnedBadges(badgeDefinitions, new Set(), noFacts)).toEqual([]);
  });
});
