import type { RefObject } from 'react';
import { text } from '../../../i18n';
import { FormField } from '../gate/FormField';
import { CheckboxField } from './CheckboxField';
import type { DraftProblems, SettingsDraft, TypedField } from './settings-draft';

const t = text.educator.admin.settings;

export interface SettingsFieldsProps {
  draft: SettingsDraft;
  problems: DraftProblems;
  refs: Record<TypedField, RefObject<HTMLInputElement | null>>;
  onChange(change: Partial<SettingsDraft>): void;
}

/** The settings' fields in two groups: learners and locking, then automatic backups. */
export function SettingsFields({ draft, problems, refs, onChange }: SettingsFieldsProps) {
  const minutesProps = { inputMode: 'numeric' as const, autoComplete: 'off', spellCheck: false };
  return (
    <>
      <fieldset>
        <legend>{t.generalLegend}</legend>
        <CheckboxField label={t.selfSignUp} hint={t.selfSignUpHelp} checked={draft.learnerSelfSignUp} onChange={(on) => onChange({ learnerSelfSignUp: on })} />
        <FormField ref={refs.educatorIdleMinutes} label={t.educatorIdle} hint={t.minutesHelp} error={problems.educatorIdleMinutes} value={draft.educatorIdleMinutes} onChange={(e) => onChange({ educatorIdleMinutes: e.target.value })} {...minutesProps} />
        <FormField ref={refs.learnerIdleMinutes} label={t.learnerIdle} hint={t.minutesHelp} error={problems.learnerIdleMinutes} value={draft.learnerIdleMinutes} onChange={(e) => onChange({ learnerIdleMinutes: e.target.value })} {...minutesProps} />
      </fieldset>
      <fieldset>
        <legend>{t.backupsLegend}</legend>
        <CheckboxField label={t.automaticBackups} hint={t.automaticBackupsHelp} checked={draft.automaticBackups} onChange={(on) => onChange({ automaticBackups: on })} />
        <FormField ref={refs.backupIntervalMinutes} label={t.backupInterval} hint={t.intervalHelp} error={problems.backupIntervalMinutes} value={draft.backupIntervalMinutes} onChange={(e) => onChange({ backupIntervalMinutes: e.target.value })} {...minutesProps} />
        <FormField ref={refs.backupFolder} label={t.backupFolder} hint={t.backupFolderHelp} error={problems.backupFolder} value={draft.backupFolder} onChange={(e) => onChange({ backupFolder: e.target.value })} autoComplete="off" spellCheck={false} />
      </fieldset>
    </>
  );
}
