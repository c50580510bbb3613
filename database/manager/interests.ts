import type { ParsedChannelInput } from '../../electron/common/contract';
import type { BadgesAwarded, Interest } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { interestRows } from '../table-rows';
import type { InterestRow } from '../../electron/common/merge/records-schema';
import { awardEarnedBadges } from './badge-awards';
import { writeTransaction, type ManagerContext } from './context';
import { removableOperations, upsertRemovable, type RemovableTable } from './removable-rows';

const INTERESTS: RemovableTable<InterestRow> = { rows: interestRows, keyColumn: 'interest_name', keyField: 'interestName', describe: (name) => `The interest "${name}"` };
const live = ({ interestName, timestamp }: InterestRow): Interest => ({ interestName, timestamp });
const operations = removableOperations(INTERESTS, live);

/**
 * Adding an interest the learner already has changes nothing. The first interest can be the last
 * piece of the assessment, so badges are evaluated here too.
 */
export function addInterest(ctx: ManagerContext, { learnerId, interestName }: ParsedChannelInput<'addInterest'>): Interest & BadgesAwarded {
  return writeTransaction(ctx, () => ({ ...live(upsertRemovable(ctx, INTERESTS, learnerId, interestName)), badgesAwarded: awardEarnedBadges(ctx, learnerId) }));
}

export const removeInterest = (ctx: ManagerContext, { learnerId, interestName }: ParsedChannelInput<'removeInterest'>) => operations.remove(ctx, learnerId, interestName);
export const getInterests = (ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getInterests'>): Interest[] => operations.list(ctx, learnerId);

export const interestHandlers = channelHandlers({ addInterest, removeInterest, getInterests });
