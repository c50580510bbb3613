import { interestInput } from '../../electron/common/dto';
import type { Interest } from '../../electron/common/profile';
import { keyedRemovableOperations } from './removable-rows';

const interestOperations = keyedRemovableOperations(
  { table: 'interests', keyColumn: 'interest_name', keyField: 'interestName', describe: (name) => `The interest "${name}"` },
  interestInput,
  (input) => input.interestName,
  (row): Interest => ({ interestName: row.key, timestamp: row.timestamp }),
);

export const addInterest = interestOperations.add;
export const removeInterest = interestOperations.remove;
export const getInterests = interestOperations.list;
