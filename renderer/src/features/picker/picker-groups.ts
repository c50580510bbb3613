import type { ClassView, LearnerNameView } from '../../../../electron/common/classes';
import { NO_CLASS } from '../../store/sign-in-slice';

/** The classes a learner is listed under, of those the picker shows (not archived). */
const shownClassIds = (learner: LearnerNameView, classIds: ReadonlySet<string>): string[] => learner.classIds.filter((id) => classIds.has(id));

/** Whether some learners are in none of the classes on show: they get a tile of their own. */
export function hasLearnersInNoClass(classes: readonly ClassView[], learners: readonly LearnerNameView[]): boolean {
  const ids = new Set(classes.map((c) => c.id));
  return learners.some((l) => shownClassIds(l, ids).length === 0);
}

/** The names behind one tile: a class's learners, or (NO_CLASS) those in no class on show. */
export function learnersOf(groupId: string, classes: readonly ClassView[], learners: readonly LearnerNameView[]): LearnerNameView[] {
  const ids = new Set(classes.map((c) => c.id));
  return learners.filter((l) => (groupId === NO_CLASS ? shownClassIds(l, ids).length === 0 : l.classIds.includes(groupId)));
}

/** The tile the picker opens on, if it is still there: a remembered class may have gone since. */
export function openGroup(remembered: string | null, classes: readonly ClassView[], learners: readonly LearnerNameView[]): string | null {
  if (remembered === null) return null;
  if (remembered === NO_CLASS) return hasLearnersInNoClass(classes, learners) ? NO_CLASS : null;
  return classes.some((c) => c.id === remembered) ? remembered : null;
}

export const classTileId = (groupId: string): string => `class-tile-${groupId}`;
export const learnerTileId = (learnerId: string): string => `learner-tile-${learnerId}`;
export const NAMES_TITLE_ID = 'picker-names-title';
