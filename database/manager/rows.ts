import type { JsonObject, LoStatus } from '../../electron/common/dto';
import type {
  ActivityAttempt,
  BadgeRecord,
  CognitiveMetric,
  Interest,
  LearnerProfile,
  LoProgress,
  Preference,
  Struggle,
} from '../../electron/common/profile';
import type * as schema from '../schema';

/** Row → domain-shape mappers; JSON columns are parsed here and nowhere else. */

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const parseJson = (text: string | null): JsonObject | null => (text === null ? null : (JSON.parse(text) as JsonObject));
export const jsonText = (value: JsonObject | null | undefined): string | null => (value == null ? null : JSON.stringify(value));

export const toLearnerProfile = (r: Row<typeof schema.learnerProfiles>): LearnerProfile => ({
  id: r.id,
  displayName: r.displayName,
  createdAt: r.createdAt,
  lastUpdatedAt: r.lastUpdatedAt,
});

export const toPreference = (r: Pick<Row<typeof schema.preferences>, 'category' | 'value' | 'timestamp'>): Preference => ({
  category: r.category,
  value: r.value,
  timestamp: r.timestamp,
});

export const toInterest = (r: Pick<Row<typeof schema.interests>, 'interestName' | 'timestamp'>): Interest => ({
  interestName: r.interestName,
  timestamp: r.timestamp,
});

export const toStruggle = (r: Pick<Row<typeof schema.struggles>, 'struggleDescription' | 'timestamp'>): Struggle => ({
  struggleDescription: r.struggleDescription,
  timestamp: r.timestamp,
});

export const toCognitiveMetric = (r: Pick<Row<typeof schema.cognitiveMetrics>, 'taskName' | 'metricDetails' | 'timestamp'>): CognitiveMetric => ({
  taskName: r.taskName,
  metricDetails: parseJson(r.metricDetails) ?? {},
  timestamp: r.timestamp,
});

export const toLoProgress = (r: Row<typeof schema.learningObjectiveProgress>): LoProgress => ({
  loId: r.loId,
  status: r.status as LoStatus,
  startedAt: r.startedAt,
  completedAt: r.completedAt,
  score: r.score,
  details: parseJson(r.details),
});

export const toBadgeRecord = (r: Row<typeof schema.badges>): BadgeRecord => ({
  badgeId: r.badgeId,
  badgeName: r.badgeName,
  earnedDate: r.earnedDate,
  details: parseJson(r.details),
});

export const toActivityAttempt = (r: Row<typeof schema.activityAttempts>): ActivityAttempt => ({
  attemptUid: r.attemptUid,
  loId: r.loId,
  activityId: r.activityId,
  activityType: r.activityType,
  attemptTimestamp: r.attemptTimestamp,
  score: r.score,
  completed: r.completed,
  attemptDetails: parseJson(r.attemptDetails),
});
