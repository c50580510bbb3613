import type { Activity } from '../../../../electron/common/content/schemas';

export type QuizContent = Extract<Activity, { type: 'quiz' }>;
export type GameContent = Extract<Activity, { type: 'game' }>;

/** What every activity needs to know about the objective it belongs to. */
export interface ActivityContext {
  loId: string;
  objectiveTitle: string;
  masteryThreshold: number;
  /** Starts a fresh run of the same activity (a new attempt). */
  onTryAgain: () => void;
}
