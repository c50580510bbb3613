import { interestInput, type InterestInput } from '../../electron/common/dto';
import { parseInput } from '../../electron/common/errors';
import type { BadgesAwarded, Interest } from '../../electron/common/profile';
import { awardEarnedBadges } from './badge-awards';
import { writeTransaction, type ManagerContext } from './context';
import { keyedRemovableOperations, upsertRemovable, type RemovableRow, type RemovableTable } from './removable-rows';

const INTERESTS: RemovableTable = { table: 'interests', keyColumn: 'interest_name', keyField: 'interestName', describe: (name) => `The interest "${name}"` };
const toInterest = (row: RemovableRow): Interest => ({ interestName: row.key, timestamp: row.timestamp });
const interestOperations = keyedRemovableOperations(INTERESTS, interestInput, (input) => input.interestName, toInterest);

/**
 * Adding an interest the learner already has changes nothing. The first interest can be the last
 * piece of the assessment, so badges are evaluated here too.
 */
export function addInterest(ctx: ManagerContext, input: InterestInput): Interest & BadgesAwarded {
  const { learnerId, interestName } = parseInput(interestInput, input);
  return writeTransaction(ctx, () => ({ ...toInterest(upsertRemovable(ctx, INTERESTS, learnerId, interestName)), badgesAwarded: awardEarnedBadges(ctx, learnerId) }));
}

export const removeInterest = interestOperations.remove;
export const getInterests = interestOperations.list;
