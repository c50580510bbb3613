import { useMemo } from 'react';
import { interests } from '../../../../electron/common/content';
import { buildPathway, type Pathway, type PathwayObjective, type ThemedActivity } from '../../../../electron/common/pathway';
import { text } from '../../i18n';
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

/** "🚀 Space theme" for a themed activity, or null. */
export function themeLabel(item: ThemedActivity): string | null {
  if (!item.theme) return null;
  const interest = interests.find((i) => i.id === item.theme?.interestId);
  return interest ? text.pathway.themeTag(interest.emoji, interest.label) : null;
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
