import { common } from './en/common';
import { picker } from './en/picker';

/**
 * Every word the app shows, in one place, so it can be translated later: one file per area in
 * en/, gathered here. Components read `text.<area>.<key>`; nothing is written inline.
 */
export const text = { common, picker };
export type AppText = typeof text;
