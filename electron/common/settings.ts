import { z } from 'zod';

/**
 * The machine's settings an admin can change, with their defaults. Stored one key per row
 * (database/settings/settings.ts); an unknown or damaged value falls back to the default.
 */
export const settingsSchema = z.strictObject({
  /** Learners may make their own profile from the picker (Kolibri's sign-up setting). */
  learnerSelfSignUp: z.boolean(),
  /** An unlocked educator session locks itself after this many minutes without use. */
  educatorIdleMinutes: z.number().int().min(1).max(240),
  /** A learner's session returns to the picker after this many minutes without use. */
  learnerIdleMinutes: z.number().int().min(1).max(240),
  /** A checked copy of the database while the app runs (and at quit), kept by the retention rules. */
  automaticBackups: z.boolean(),
  backupIntervalMinutes: z.number().int().min(5).max(1440),
  /** Where the copies go: an absolute folder (a network share is fine), or null for `backups/` beside the database. */
  backupFolder: z
    .string()
    .max(1000)
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be a full folder path, like /srv/dala-backups or D:\\DALA backups')
    .refine((s) => !/[\u0000-\u001f]/.test(s), 'must not contain control characters')
    .nullable(),
});
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  learnerSelfSignUp: true,
  educatorIdleMinutes: 10,
  learnerIdleMinutes: 20,
  automaticBackups: true,
  backupIntervalMinutes: 30,
  backupFolder: null,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

/** A change of some settings; the others keep their values. */
export const settingsUpdate = settingsSchema.partial().refine((s) => Object.keys(s).length > 0, 'name at least one setting to change');
