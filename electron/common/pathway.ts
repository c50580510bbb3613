import { interests as interestCatalog, struggleAreas, subjects as curriculum } from './content';
import type { Activity, LearningObjective, Subject } from './content/schemas';
import type { FullLearnerProfile } from './profile';

/**
 * The learning pathway is derived from the profile and the curriculum, never stored: objectives
 * in prerequisite order, those that address the learner's struggle areas as early as their
 * prerequisites allow, activities themed by the learner's interests, difficulty from diagnostics.
 */

export type ObjectiveState = 'completed' | 'in_progress' | 'available' | 'locked';
export type Difficulty = 1 | 2 | 3;

export interface ThemedActivity {
  activity: Activity;
  /** The themed variant chosen for this learner's interests, if the activity has one. */
  theme: { interestId: string; title: string; intro: string } | null;
}

export interface PathwayObjective {
  objective: LearningObjective;
  subjectId: string;
  state: ObjectiveState;
  bestScore: number | null;
  /** Labels of the learner's struggle areas this objective helps with. */
  addressesStruggles: string[];
  /** Titles of prerequisites not yet completed (why it is locked). */
  waitingFor: string[];
  activities: ThemedActivity[];
}

export interface Pathway {
  targetDifficulty: Difficulty;
  subjects: Array<{ subject: Subject; objectives: PathwayObjective[] }>;
  /** Open objectives across subjects, struggle areas first: what to do next. */
  suggestions: PathwayObjective[];
}

type PathwayProfile = Pick<FullLearnerProfile, 'interests' | 'struggles' | 'cognitiveMetrics' | 'loProgress'>;

const normalise = (s: string) => s.trim().toLocaleLowerCase();

/** Stored names are the catalogue labels (or the learner's own words); map them back to ids. */
export function catalogIds<T extends { id: string; label: string }>(catalog: readonly T[], stored: readonly string[]): string[] {
  const wanted = new Set(stored.map(normalise));
  return catalog.filter((c) => wanted.has(normalise(c.label)) || wanted.has(c.id)).map((c) => c.id);
}

/** Mean diagnostic accuracy → the difficulty to start at: gentle below 50 %, stretching from 80 %. */
export function targetDifficulty(metrics: PathwayProfile['cognitiveMetrics']): Difficulty {
  const accuracies = metrics.map((m) => m.metricDetails.accuracy).filter((a): a is number => typeof a === 'number');
  if (accuracies.length === 0) return 2;
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  return mean < 0.5 ? 1 : mean < 0.8 ? 2 : 3;
}

/**
 * Kahn's topological order, choosing among ready objectives those that address struggles first.
 * Prerequisites outside the list are ignored here (they still lock the objective); a repeated
 * prerequisite counts once; objectives caught in a cycle (which the content test forbids) are
 * appended in their original order rather than dropped from the pathway.
 */
export function orderObjectives(objectives: readonly LearningObjective[], struggleIds: ReadonlySet<string>): LearningObjective[] {
  const ids = new Set(objectives.map((o) => o.id));
  const prereqs = new Map(objectives.map((o) => [o.id, new Set(o.prerequisites.filter((p) => ids.has(p) && p !== o.id))]));
  const addresses = (o: LearningObjective) => o.struggleTags.some((t) => struggleIds.has(t));
  const done = new Set<string>();
  const ordered: LearningObjective[] = [];
  while (ordered.length < objectives.length) {
    const ready = objectives.filter((o) => !done.has(o.id) && [...(prereqs.get(o.id) ?? [])].every((p) => done.has(p)));
    if (ready.length === 0) break;
    // Stable sort: among equals, the curriculum's own order wins.
    const next = [...ready].sort((a, b) => Number(addresses(b)) - Number(addresses(a)))[0] as LearningObjective;
    ordered.push(next);
    done.add(next.id);
  }
  return ordered.length === objectives.length ? ordered : [...ordered, ...objectives.filter((o) => !done.has(o.id))];
}

function themedActivities(objective: LearningObjective, interestIds: readonly string[], difficulty: Difficulty): ThemedActivity[] {
  return objective.activities
    .map((activity, index) => {
      const theme = interestIds.map((id) => activity.themes.find((t) => t.interestId === id)).find((t) => t !== undefined) ?? null;
      return { activity, theme, index };
    })
    .sort((a, b) => Math.abs(a.activity.difficulty - difficulty) - Math.abs(b.activity.difficulty - difficulty) || a.index - b.index)
    .map(({ activity, theme }) => ({ activity, theme }));
}

export function buildPathway(profile: PathwayProfile, subjects: readonly Subject[] = curriculum): Pathway {
  const struggleIds = new Set(catalogIds(struggleAreas, profile.struggles.map((s) => s.struggleDescription)));
  const interestIds = catalogIds(interestCatalog, profile.interests.map((i) => i.interestName));
  const difficulty = targetDifficulty(profile.cognitiveMetrics);
  const progress = new Map(profile.loProgress.map((p) => [p.loId, p]));
  const completed = (id: string) => progress.get(id)?.status === 'completed';
  const titles = new Map(subjects.flatMap((s) => s.objectives.map((o) => [o.id, o.title] as const)));
  const result = subjects.map((subject) => ({
    subject,
    objectives: orderObjectives(subject.objectives, struggleIds).map((objective): PathwayObjective => {
      const p = progress.get(objective.id);
      const waitingFor = objective.prerequisites.filter((id) => !completed(id)).map((id) => titles.get(id) ?? id);
      const state: ObjectiveState = p?.status === 'completed' ? 'completed' : p && p.status === 'in_progress' ? 'in_progress' : waitingFor.length > 0 ? 'locked' : 'available';
      return {
        objective,
        subjectId: subject.id,
        state,
        bestScore: p?.score ?? null,
        addressesStruggles: struggleAreas.filter((s) => struggleIds.has(s.id) && objective.struggleTags.includes(s.id)).map((s) => s.label),
        waitingFor,
        activities: themedActivities(objective, interestIds, difficulty),
      };
    }),
  }));
  const open = result.flatMap((s) => s.objectives).filter((o) => o.state === 'available' || o.state === 'in_progress');
  const suggestions = [...open].sort(
    (a, b) => Number(b.addressesStruggles.length > 0) - Number(a.addressesStruggles.length > 0) || Number(b.state === 'in_progress') - Number(a.state === 'in_progress'),
  );
  return { targetDifficulty: difficulty, subjects: result, suggestions };
}
