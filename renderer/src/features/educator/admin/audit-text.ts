import type { EducatorView } from '../../../../../electron/common/accounts';
import type { AuditEntryView } from '../../../../../electron/common/classes';
import type { Settings } from '../../../../../electron/common/settings';
import { text } from '../../../i18n';

const t = text.educator.admin.audit;
// The school transfer passphrase is not one of the settings, but is logged as a settings change.
const settingNames: Record<string, string> = { ...(text.educator.admin.settings.names satisfies Record<keyof Settings, string>), transfer_passphrase: t.schoolPassphrase };

/**
 * The log holds ids and codes only; the panel puts today's names to them for the admin reading
 * it (a record deleted since shows its id).
 */
export interface AuditNames {
  educators: readonly EducatorView[];
  classes: ReadonlyArray<{ id: string; name: string }>;
  learners: ReadonlyArray<{ id: string; displayName: string }>;
}

export function whoText(entry: AuditEntryView, names: AuditNames): string {
  if (entry.actor !== 'educator' || !entry.educatorId) return t.actors[entry.actor];
  const educator = names.educators.find((e) => e.id === entry.educatorId);
  return educator ? `${educator.displayName} (${educator.username})` : t.unknownEducator;
}

export function actionText(entry: AuditEntryView): string {
  const action = t.actions[entry.action] ?? entry.action;
  const reason = entry.action === 'educator_unlock_failed' && entry.detail ? t.failReasons[entry.detail] : undefined;
  return reason ? t.withReason(action, reason) : action;
}

function nameOf(entry: AuditEntryView, names: AuditNames): string | undefined {
  const id = entry.targetId;
  if (!id) return undefined;
  if (entry.targetType === 'educator') return names.educators.find((e) => e.id === id)?.displayName;
  if (entry.targetType === 'class') return names.classes.find((c) => c.id === id)?.name;
  if (entry.targetType === 'learner') return names.learners.find((l) => l.id === id)?.displayName;
  return undefined;
}

export function targetText(entry: AuditEntryView, names: AuditNames): string {
  // "settings changed" names the settings (their keys are in the detail), never their values.
  if (entry.targetType === 'settings' || (entry.action === 'settings_changed' && !entry.targetType)) {
    const keys = entry.detail?.split(',').filter(Boolean) ?? [];
    return keys.length > 0 ? t.settingsTarget(keys.map((k) => settingNames[k] ?? k).join(', ')) : (t.targetTypes.settings ?? 'settings');
  }
  if (!entry.targetType) return t.nothing;
  const type = t.targetTypes[entry.targetType] ?? entry.targetType;
  const name = nameOf(entry, names) ?? entry.targetId;
  return name ? t.targetText(type, name) : type;
}
