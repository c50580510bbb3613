import type { JsonObject, LoStatus } from './dto';

/** Shapes the persistence manager returns (camelCase; tombstoned rows are never included). */

export interface LearnerProfile {
  id: string;
  displayName: string;
  createdAt: string;
  lastUpdatedAt: string;
}

export interface LearnerSummary extends LearnerProfile {
  completedObjectives: number;
  attemptCount: number;
  badgeCount: number;
}

export interface Preference {
  category: string;
  value: string;
  timestamp: string;
}

export interface Interest {
  interestName: string;
  timestamp: string;
}

export interface Struggle {
  struggleDescription: string;
  timestamp: string;
}

export interface CognitiveMetric {
  taskName: string;
  metricDetails: JsonObject;
  timestamp: string;
}

export interface LoProgress {
  loId: string;
  status: LoStatus;
  startedAt: string;
  completedAt: string | null;
  score: number | null;
  details: JsonObject | null;
}

export interface BadgeRecord {
  badgeId: string;
  badgeName: string;
  earnedDate: string;
  details: JsonObject | null;
}

export interface ActivityAttempt {
  attemptUid: string;
  loId: string;
  activityId: string;
  activityType: string;
  attemptTimestamp: string;
  score: number | null;
  completed: boolean;
  attemptDetails: JsonObject | null;
}

export interface FullLearnerProfile {
  profile: LearnerProfile;
  preferences: Preference[];
  interests: Interest[];
  struggles: Struggle[];
  cognitiveMetrics: CognitiveMetric[];
  loProgress: LoProgress[];
  badges: BadgeRecord[];
  activityAttempts: ActivityAttempt[];
}

/** How an objective's progress moved because of a write. */
export type LoProgressChange = 'started' | 'improved' | 'completed' | 'unchanged';

export interface BadgesAwarded {
  badgesAwarded: BadgeRecord[];
}

export interface ActivityAttemptResult extends BadgesAwarded {
  attempt: ActivityAttempt;
  loProgress: LoProgress;
  loProgressChange: LoProgressChange;
  /** False when the same attemptUid was already stored: a retried save changes nothing. */
  recorded: boolean;
}
