import { assessmentProgress, type AssessmentStep } from '../../../../electron/common/assessment-progress';
import { diagnosticTasks, preferenceTasks } from '../../../../electron/common/content';
import type { FullLearnerProfile } from '../../../../electron/common/profile';
import { text } from '../../i18n';

/** One step of the wizard that the learner answers (the finished page is not counted). */
export type AnswerStep = Exclude<AssessmentStep, { kind: 'finished' }>;

/** The answerable steps in order: interests, struggle areas, each preference task, each diagnostic. */
export const STEPS: AnswerStep[] = [
  { kind: 'interests' },
  { kind: 'struggles' },
  ...preferenceTasks.map((_, index): AnswerStep => ({ kind: 'preference', index })),
  ...diagnosticTasks.map((_, index): AnswerStep => ({ kind: 'diagnostic', index })),
];

/** Position of the finished page: one past the last answerable step. */
export const FINISHED_POSITION = STEPS.length;

/** Position (0-based) of a step in the wizard; the finished page is STEPS.length. */
export function positionOf(step: AssessmentStep): number {
  switch (step.kind) {
    case 'interests':
      return 0;
    case 'struggles':
      return 1;
    case 'preference':
      return 2 + step.index;
    case 'diagnostic':
      return 2 + preferenceTasks.length + step.index;
    case 'finished':
      return FINISHED_POSITION;
  }
}

export function stepLabel(step: AnswerStep): string {
  switch (step.kind) {
    case 'interests':
      return text.assessment.stepLabels.interests;
    case 'struggles':
      return text.assessment.stepLabels.struggles;
    case 'preference':
      return text.assessment.stepLabels.preference(step.index + 1);
    case 'diagnostic':
      return diagnosticTasks[step.index]?.title ?? '';
  }
}

type ProfileParts = Pick<FullLearnerProfile, 'interests' | 'struggles' | 'preferences' | 'cognitiveMetrics'>;

/**
 * Which steps are done, from what the database has confirmed. Struggle areas may rightly be left
 * empty: that step counts as done once the learner has moved past it.
 */
export function doneSteps(profile: ProfileParts, furthestVisited: number): boolean[] {
  const categories = new Set(profile.preferences.map((p) => p.category));
  const tasks = new Set(profile.cognitiveMetrics.map((m) => m.taskName));
  const progress = assessmentProgress(profile);
  const pastStruggles = profile.struggles.length > 0 || positionOf(progress.resumeAt) > 1 || furthestVisited > 1;
  return STEPS.map((step) => {
    switch (step.kind) {
      case 'interests':
        return profile.interests.length > 0;
      case 'struggles':
        return pastStruggles;
      case 'preference':
        return categories.has(preferenceTasks[step.index]?.category ?? '');
      case 'diagnostic':
        return tasks.has(diagnosticTasks[step.index]?.taskName ?? '');
    }
  });
}

/** Why Next is not available yet on a step, or null when the learner may go on. */
export function blockedReason(step: AnswerStep, done: boolean): string | null {
  if (done) return null;
  switch (step.kind) {
    case 'interests':
      return text.assessment.hints.interests;
    case 'struggles':
      return null;
    case 'preference':
      return text.assessment.hints.preference;
    case 'diagnostic':
      return text.assessment.hints.diagnostic;
  }
}
