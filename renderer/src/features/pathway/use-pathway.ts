import { useMemo } from 'react';
import { interests } from '../../../../electron/common/content';
import type { Interest } from '../../../../electron/common/content/schemas';
import { buildPathway, type Pathway, type PathwayObjective, type ThemedActivity } from '../../../../electron/common/pathway';
import { useAppStore } from '../../store/store-context';

/** The pathway, derived from the profile exactly as the database last confirmed it. */
export function usePathway(): Pathway | null {
  const profile = useAppStore((s) => s.profile);
  return useMemo(() => (profile ? buildPathway(profile) : null), [profile]);
}

/** Ids of activities this learner has finished at least once (from stored attempts). */
export function useFinishedActivityIds(): ReadonlySet<string> {
  const attempts = useAppStore((s) => s.profile?.activityAttempts);
  return useMemo(() => new Set((attempts ?? []).filter((a) => a.completed).map((a) => `${a.loId}/${a.activityId}`)), [attempts]);
}

export const percent = (score: number): number => Math.round(score * 100);

/** The interest a themed activity is dressed in (Space, Football…), or null. */
export function themeInterest(item: ThemedActivity): Interest | null {
  if (!item.theme) return null;
  return interests.find((i) => i.id === item.theme?.interestId) ?? null;
}

export const activityTitle = (item: ThemedActivity): string => item.theme?.title ?? item.activity.title;
export const activityIntro = (item: ThemedActivity): string => item.theme?.intro ?? item.activity.intro;

export function findInPathway(pathway: Pathway, loId: string, activityId: string): { objective: PathwayObjective; item: ThemedActivity; subjectTitle: string } | null {
  for (const s of pathway.subjects) {
    const objective = s.objectives.find((o) => o.objective.id === loId);
    const item = objective?.activities.find((a) => a.activity.id === activityId);
    if (objective && item) return { objective, item, subjectTitle: s.subject.title };
  }
  return null;
}
