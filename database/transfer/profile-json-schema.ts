import { z } from 'zod';
import { backupV1Schema } from './backup-file';
import { profileFileV1Schema } from './profile-file';

/**
 * JSON Schemas of the file formats, generated from the same zod schemas that validate imports, so
 * the published documents cannot drift from what the app accepts (a test compares them with
 * docs/*.schema.json; `npm run docs:schemas` rewrites them).
 */
export function fileFormatJsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  return {
    'profile-file.schema.json': {
      ...z.toJSONSchema(profileFileV1Schema, options),
      title: 'DALA learner profile file (.dalaprofile), format version 1',
    },
    'backup-file.schema.json': {
      ...z.toJSONSchema(backupV1Schema, options),
      title: 'DALA full backup file, format version 1',
    },
  };
}
