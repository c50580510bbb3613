import { diagnosticTasks, preferenceTasks } from './content';
import type { FullLearnerProfile } from './profile';

/** The wizard's steps, in order. The position is derived from the profile, never stored. */
export type AssessmentStep =
  | { kind: 'interests' }
  | { kind: 'struggles' }
  | { kind: 'preference'; index: number }
  | { kind: 'diagnostic'; index: number }
  | { kind: 'finished' };

export interface AssessmentProgress {
  answeredPreferenceTasks: number;
  finishedDiagnostics: number;
  totalParts: number;
  doneParts: number;
  finished: boolean;
  /** Where a learner who comes back should continue. */
  resumeAt: AssessmentStep;
}

type ProfileParts = Pick<FullLearnerProfile, 'interests' | 'struggles' | 'preferences' | 'cognitiveMetrics'>;

export function assessmentProgress(profile: ProfileParts): AssessmentProgress {
  const categories = new Set(profile.preferences.map((p) => p.category));
  const tasks = new Set(profile.cognitiveMetrics.map((m) => m.taskName));
  const preferenceDone = preferenceTasks.map((t) => categories.has(t.category));
  const diagnosticDone = diagnosticTasks.map((t) => tasks.has(t.taskName));
  const answeredPreferenceTasks = preferenceDone.filter(Boolean).length;
  const finishedDiagnostics = diagnosticDone.filter(Boolean).length;
  const hasInterests = profile.interests.length > 0;
  // Struggle areas may rightly be empty: the step counts as seen once the learner moved past it.
  const pastStruggles = profile.struggles.length > 0 || answeredPreferenceTasks > 0 || finishedDiagnostics > 0;
  let resumeAt: AssessmentStep;
  const nextPreference = preferenceDone.indexOf(false);
  const nextDiagnostic = diagnosticDone.indexOf(false);
  if (!hasInterests) resumeAt = { kind: 'interests' };
  else if (!pastStruggles) resumeAt = { kind: 'struggles' };
  else if (nextPreference >= 0) resumeAt = { kind: 'preference', index: nextPreference };
  else if (nextDiagnostic >= 0) resumeAt = { kind: 'diagnostic', index: nextDiagnostic };
  else resumeAt = { kind: 'finished' };
  const totalParts = 2 + preferenceTasks.length + diagnosticTasks.length;
  const doneParts = (hasInterests ? 1 : 0) + (pastStruggles ? 1 : 0) + answeredPreferenceTasks + finishedDiagnostics;
  return { answeredPreferenceTasks, finishedDiagnostics, totalParts, doneParts, finished: resumeAt.kind === 'finished', resumeAt };
}
