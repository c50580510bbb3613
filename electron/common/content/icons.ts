import type { PreferenceMode } from './schemas';

/**
 * Icons that belong to no single content item. Each names resources/content/icons/<id>.svg, like
 * the `icon` field of interests and badges; the content test checks that every file exists.
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

/** Shown when badges are celebrated. */
export const CELEBRATION_ICON = 'celebration';

export const FIXED_ICONS: readonly string[] = [...Object.values(PREFERENCE_MODE_ICONS), UNKNOWN_BADGE_ICON, CELEBRATION_ICON];
