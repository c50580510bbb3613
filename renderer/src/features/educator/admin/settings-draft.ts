import { settingsSchema, type Settings } from '../../../../../electron/common/settings';
import { text } from '../../../i18n';

const t = text.educator.admin.settings;

/** The settings as the form holds them: numbers and the folder as typed, until they are checked. */
export interface SettingsDraft {
  learnerSelfSignUp: boolean;
  educatorIdleMinutes: string;
  learnerIdleMinutes: string;
  automaticBackups: boolean;
  backupIntervalMinutes: string;
  backupFolder: string;
}

export type TypedField = 'educatorIdleMinutes' | 'learnerIdleMinutes' | 'backupIntervalMinutes' | 'backupFolder';
export const TYPED_FIELDS: readonly TypedField[] = ['educatorIdleMinutes', 'learnerIdleMinutes', 'backupIntervalMinutes', 'backupFolder'];
export type DraftProblems = Partial<Record<TypedField, string>>;

export function draftOf(s: Settings): SettingsDraft {
  return {
    learnerSelfSignUp: s.learnerSelfSignUp,
    educatorIdleMinutes: String(s.educatorIdleMinutes),
    learnerIdleMinutes: String(s.learnerIdleMinutes),
    automaticBackups: s.automaticBackups,
    backupIntervalMinutes: String(s.backupIntervalMinutes),
    backupFolder: s.backupFolder ?? '',
  };
}

/** A whole number the contract's own schema accepts for `field`, or undefined. */
function minutes(value: string, field: 'educatorIdleMinutes' | 'learnerIdleMinutes' | 'backupIntervalMinutes'): number | undefined {
  if (!/^\s*\d{1,6}\s*$/.test(value)) return undefined;
  const parsed = settingsSchema.shape[field].safeParse(Number(value.trim()));
  return parsed.success ? parsed.data : undefined;
}

/** Checks the draft with the contract's schema: the settings to save, or what to fix (and nothing is saved). */
export function checkDraft(draft: SettingsDraft): { settings: Settings } | { problems: DraftProblems } {
  const educatorIdleMinutes = minutes(draft.educatorIdleMinutes, 'educatorIdleMinutes');
  const learnerIdleMinutes = minutes(draft.learnerIdleMinutes, 'learnerIdleMinutes');
  const backupIntervalMinutes = minutes(draft.backupIntervalMinutes, 'backupIntervalMinutes');
  // An empty folder means the default: backups/ beside the database.
  const folderText = draft.backupFolder.trim();
  const folder = settingsSchema.shape.backupFolder.safeParse(folderText === '' ? null : folderText);
  const problems: DraftProblems = {};
  if (educatorIdleMinutes === undefined) problems.educatorIdleMinutes = t.minutesInvalid;
  if (learnerIdleMinutes === undefined) problems.learnerIdleMinutes = t.minutesInvalid;
  if (backupIntervalMinutes === undefined) problems.backupIntervalMinutes = t.intervalInvalid;
  if (!folder.success) problems.backupFolder = t.backupFolderInvalid;
  if (educatorIdleMinutes === undefined || learnerIdleMinutes === undefined || backupIntervalMinutes === undefined || !folder.success) return { problems };
  return {
    settings: { learnerSelfSignUp: draft.learnerSelfSignUp, educatorIdleMinutes, learnerIdleMinutes, automaticBackups: draft.automaticBackups, backupIntervalMinutes, backupFolder: folder.data },
  };
}

/** Only what differs from the saved settings is sent (and written to the audit log). */
export function changesOf(saved: Settings, wanted: Settings): Partial<Settings> {
  const changes: Partial<Settings> = {};
  for (const key of Object.keys(wanted) as Array<keyof Settings>) {
    if (wanted[key] !== saved[key]) Object.assign(changes, { [key]: wanted[key] });
  }
  return changes;
}
