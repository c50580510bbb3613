import type { ActivityAttemptResult, CognitiveMetric, FullLearnerProfile, Interest, Preference, Struggle, BadgeRecord } from '../../../electron/common/profile';

/** Pure updates of the loaded profile with rows the database has just confirmed. */

const upsertBy = <T, K extends keyof T>(rows: T[], row: T, key: K): T[] => {
  const i = rows.findIndex((r) => r[key] === row[key]);
  return i < 0 ? [...rows, row] : rows.map((r, j) => (j === i ? row : r));
};

export const withInterest = (p: FullLearnerProfile, row: Interest): FullLearnerProfile => ({ ...p, interests: upsertBy(p.interests, row, 'interestName') });
export const withoutInterest = (p: FullLearnerProfile, name: string): FullLearnerProfile => ({ ...p, interests: p.interests.filter((i) => i.interestName !== name) });
export const withStruggle = (p: FullLearnerProfile, row: Struggle): FullLearnerProfile => ({ ...p, struggles: upsertBy(p.struggles, row, 'struggleDescription') });
export const withoutStruggle = (p: FullLearnerProfile, d: string): FullLearnerProfile => ({ ...p, struggles: p.struggles.filter((s) => s.struggleDescription !== d) });
export const withPreference = (p: FullLearnerProfile, row: Preference): FullLearnerProfile => ({ ...p, preferences: upsertBy(p.preferences, row, 'category') });
export const withMetric = (p: FullLearnerProfile, row: CognitiveMetric): FullLearnerProfile => ({ ...p, cognitiveMetrics: upsertBy(p.cognitiveMetrics, row, 'taskName') });
export const withBadges = (p: FullLearnerProfile, rows: BadgeRecord[]): FullLearnerProfile =>
  rows.length === 0 ? p : { ...p, badges: rows.reduce((all, b) => upsertBy(all, b, 'badgeId'), p.badges) };

export function withAttemptResult(p: FullLearnerProfile, result: ActivityAttemptResult): FullLearnerProfile {
  if (!result.recorded) return p;
  return withBadges(
    {
      ...p,
      activityAttempts: [result.attempt, ...p.activityAttempts],
      loProgress: upsertBy(p.loProgress, result.loProgress, 'loId'),
    },
    result.badgesAwarded,
  );
}
