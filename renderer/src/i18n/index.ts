import { activity } from './en/activity';
import { assessment } from './en/assessment';
import { common } from './en/common';
import { educator } from './en/educator';
import { pathway } from './en/pathway';
import { picker } from './en/picker';
import { profile } from './en/profile';
import { signIn } from './en/sign-in';
import { transfer } from './en/transfer';

/**
 * Every word the app shows, in one place, so it can be translated later: one file per area in
 * en/, gathered here. Components read `text.<area>.<key>`; nothing is written inline.
 */
export const text = { common, picker, signIn, assessment, pathway, activity, profile, educator, transfer };
export type AppText = typeof text;
