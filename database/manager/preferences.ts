import type { ParsedChannelInput } from '../../electron/common/contract';
import type { BadgesAwarded, Preference } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { preferenceRows } from '../table-rows';
import type { PreferenceRow } from '../../electron/common/merge/records-schema';
import { awardEarnedBadges } from './badge-awards';
import { writeTransaction, type ManagerContext } from './context';
import { removableOperations, upsertRemovable, type RemovableTable } from './removable-rows';

const PREFERENCES: RemovableTable<PreferenceRow> = {
  rows: preferenceRows,
  keyColumn: 'category',
  valueColumn: 'value',
  keyField: 'category',
  describe: (category) => `The preference "${category}"`,
};
const live = ({ category, value, timestamp }: PreferenceRow): Preference => ({ category, value, timestamp });
const operations = removableOperations(PREFERENCES, live);

/** Saving the last preference task can finish the assessment, so badges are evaluated here too. */
export function addOrUpdatePreference(ctx: ManagerContext, { learnerId, category, value }: ParsedChannelInput<'addOrUpdatePreference'>): { preference: Preference } & BadgesAwarded {
  return writeTransaction(ctx, () => {
    const preference = live(upsertRemovable(ctx, PREFERENCES, learnerId, category, value));
    return { preference, badgesAwarded: awardEarnedBadges(ctx, learnerId) };
  });
}

export const removePreference = (ctx: ManagerContext, { learnerId, category }: ParsedChannelInput<'removePreference'>) => operations.remove(ctx, learnerId, category);
export const getPreferences = (ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getPreferences'>): Preference[] => operations.list(ctx, learnerId);

export const preferenceHandlers = channelHandlers({ addOrUpdatePreference, removePreference, getPreferences });
