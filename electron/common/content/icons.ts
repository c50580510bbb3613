import type { PreferenceMode } from './schemas';

/**
 * Icons that belong to no single content item. Each names resources/content/icons/<id>.svg, like
 * the `icon` field of interests, badges and game pieces; the content test checks that every file
 * exists. The screens draw them with ContentIcon instead of emoji, which need a font that lab
 * machines often lack.
 */

/** The preference tasks' four ways to learn share one picture each, whatever the task. */
export const PREFERENCE_MODE_ICONS: Readonly<Record<PreferenceMode, string>> = {
  visual: 'mode_visual',
  auditory: 'mode_auditory',
  reading: 'mode_reading',
  kinesthetic: 'mode_kinesthetic',
};

/** For a badge this version does not know (earned in a newer app, then imported). */
export const UNKNOWN_BADGE_ICON = 'badge';

/** Shown when badges are celebrated, a finished assessment and a completed objective. */
export const CELEBRATION_ICON = 'celebration';

/** A learning objective's state on the pathway, always beside its name in words. */
export const OBJECTIVE_STATE_ICONS: Readonly<Record<'completed' | 'in_progress' | 'available' | 'locked', string>> = {
  completed: 'state_completed',
  in_progress: 'state_in_progress',
  available: 'state_available',
  locked: 'state_locked',
};

/** A game result and the pathway's "Next up", and a right quiz answer. */
export const STAR_ICON = 'shining_star';
/** A quiz answer that was not right: the right one is shown as a tip. */
export const HINT_ICON = 'light_bulb';
/** A save that failed. */
export const WARNING_ICON = 'warning';
/** A profile file dragged over the window. */
export const DROP_FILE_ICON = 'drop_file';
/** The matching game's picked clue, waiting for its match. */
export const SELECTED_ICON = 'point_right';

export const FIXED_ICONS: readonly string[] = [
  ...Object.values(PREFERENCE_MODE_ICONS),
  UNKNOWN_BADGE_ICON,
  CELEBRATION_ICON,
  ...Object.values(OBJECTIVE_STATE_ICONS),
  STAR_ICON,
  HINT_ICON,
  WARNING_ICON,
  DROP_FILE_ICON,
  SELECTED_ICON,
];
