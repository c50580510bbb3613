import { addOrUpdatePreferenceInput, learnerRefInput, removePreferenceInput, type AddOrUpdatePreferenceInput, type LearnerRefInput, type RemovePreferenceInput } from '../../electron/common/dto';
import { parseInput } from '../../electron/common/errors';
import type { BadgesAwarded, Preference } from '../../electron/common/profile';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, writeTransaction, type ManagerContext } from './context';
import { listRemovable, removeRemovable, upsertRemovable, type RemovableRow, type RemovableTable } from './removable-rows';

const PREFERENCES: RemovableTable = {
  table: 'preferences',
  keyColumn: 'category',
  valueColumn: 'value',
  keyField: 'category',
  describe: (category) => `The preference "${category}"`,
};

const toPreference = (r: RemovableRow): Preference => ({ category: r.key, value: r.value ?? '', timestamp: r.timestamp });

/** Saving the last preference task can finish the assessment, so badges are evaluated here too. */
export function addOrUpdatePreference(ctx: ManagerContext, input: AddOrUpdatePreferenceInput): { preference: Preference } & BadgesAwarded {
  const { learnerId, category, value } = parseInput(addOrUpdatePreferenceInput, input);
  return writeTransaction(ctx, () => {
    const preference = toPreference(upsertRemovable(ctx, PREFERENCES, learnerId, category, value));
    return { preference, badgesAwarded: awardEarnedBadges(ctx, learnerId) };
  });
}

export function removePreference(ctx: ManagerContext, input: RemovePreferenceInput): { removed: true } {
  const { learnerId, category } = parseInput(removePreferenceInput, input);
  return writeTransaction(ctx, () => removeRemovable(ctx, PREFERENCES, learnerId, category));
}

export function getPreferences(ctx: ManagerContext, input: LearnerRefInput): Preference[] {
  const { learnerId } = parseInput(learnerRefInput, input);
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listRemovable(ctx, PREFERENCES, learnerId).map(toPreference);
  });
}
