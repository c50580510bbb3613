import type { ParsedChannelInput } from '../../electron/common/contract';
import type { Struggle } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { struggleRows } from '../table-rows';
import type { StruggleRow } from '../../electron/common/merge/records-schema';
import { writeTransaction, type ManagerContext } from './context';
import { removableOperations, upsertRemovable, type RemovableTable } from './removable-rows';

const STRUGGLES: RemovableTable<StruggleRow> = {
  rows: struggleRows,
  keyColumn: 'struggle_description',
  keyField: 'struggleDescription',
  describe: (d) => `The struggle area "${d}"`,
};
const live = ({ struggleDescription, timestamp }: StruggleRow): Struggle => ({ struggleDescription, timestamp });
const operations = removableOperations(STRUGGLES, live);

/** Adding a struggle area the learner already has changes nothing (a double click is not an error). */
export const addStruggle = (ctx: ManagerContext, { learnerId, struggleDescription }: ParsedChannelInput<'addStruggle'>): Struggle =>
  writeTransaction(ctx, () => live(upsertRemovable(ctx, STRUGGLES, learnerId, struggleDescription)));
export const removeStruggle = (ctx: ManagerContext, { learnerId, struggleDescription }: ParsedChannelInput<'removeStruggle'>) => operations.remove(ctx, learnerId, struggleDescription);
export const getStruggles = (ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getStruggles'>): Struggle[] => operations.list(ctx, learnerId);

export const struggleHandlers = channelHandlers({ addStruggle, removeStruggle, getStruggles });
