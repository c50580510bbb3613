import { struggleInput } from '../../electron/common/dto';
import type { Struggle } from '../../electron/common/profile';
import { keyedRemovableOperations } from './removable-rows';

const struggleOperations = keyedRemovableOperations(
  { table: 'struggles', keyColumn: 'struggle_description', keyField: 'struggleDescription', describe: (d) => `The struggle area "${d}"` },
  struggleInput,
  (input) => input.struggleDescription,
  (row): Struggle => ({ struggleDescription: row.key, timestamp: row.timestamp }),
);

export const addStruggle = struggleOperations.add;
export const removeStruggle = struggleOperations.remove;
export const getStruggles = struggleOperations.list;
