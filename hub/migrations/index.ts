import { sql as hubSchema } from './0001_hub_schema';
import { sql as schoolRecords } from './0002_school_records';

/**
 * Every hub migration, oldest first: `NNNN_name.ts` exporting its SQL. Embedded rather than read
 * from a folder, so the SQL that runs against a school's data is the SQL that shipped with this
 * hub, from the sources and from the bundle alike. Append only; versions are 1, 2, 3… in order.
 */
export const HUB_MIGRATION_SOURCES: ReadonlyArray<{ name: string; sql: string }> = [
  { name: 'hub_schema', sql: hubSchema },
  { name: 'school_records', sql: schoolRecords },
];
