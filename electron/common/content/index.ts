import interestsJson from '../../../resources/content/interests.json';
import strugglesJson from '../../../resources/content/struggles.json';
import preferenceTasksJson from '../../../resources/content/preference-tasks.json';
import diagnosticsJson from '../../../resources/content/diagnostics.json';
import curriculumJson from '../../../resources/content/curriculum.json';
import badgesJson from '../../../resources/content/badges.json';
import {
  badgesFileSchema,
  curriculumFileSchema,
  diagnosticsFileSchema,
  interestsFileSchema,
  preferenceTasksFileSchema,
  strugglesFileSchema,
  type LearningObjective,
  type Subject,
} from './schemas';

/**
 * The bundled content, parsed once. Content ships with the app, so a parse failure is a build
 * defect: the content test catches it before release.
 */
export const interests = interestsFileSchema.parse(interestsJson).interests;
export const struggleAreas = strugglesFileSchema.parse(strugglesJson).struggles;
export const preferenceTasks = preferenceTasksFileSchema.parse(preferenceTasksJson).tasks;
export const diagnosticTasks = diagnosticsFileSchema.parse(diagnosticsJson).tasks;
export const subjects: Subject[] = curriculumFileSchema.parse(curriculumJson).subjects;
export const badgeDefinitions = badgesFileSchema.parse(badgesJson).badges;

export const DEFAULT_MASTERY_THRESHOLD = 0.8;

const objectivesById = new Map<string, { objective: LearningObjective; subjectId: string }>(
  subjects.flatMap((s) => s.objectives.map((o) => [o.id, { objective: o, subjectId: s.id }] as const)),
);

export function findObjective(loId: string): { objective: LearningObjective; subjectId: string } | undefined {
  return objectivesById.get(loId);
}

/** Objectives imported from other app versions may be unknown here: they use the default. */
export function masteryThresholdOf(loId: string): number {
  return objectivesById.get(loId)?.objective.masteryThreshold ?? DEFAULT_MASTERY_THRESHOLD;
}

/** Subject of an objective: from the curriculum, else the id's prefix (`MATH_LO_001` → `MATH`). */
export function subjectIdOf(loId: string): string {
  return objectivesById.get(loId)?.subjectId ?? loId.split('_')[0] ?? loId;
}
