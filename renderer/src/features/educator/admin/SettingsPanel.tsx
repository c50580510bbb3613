import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../../electron/common/settings';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { CallStatus } from '../CallStatus';
import { useChannelCall } from '../use-channel-call';
import { ActionStatus } from './ActionStatus';
import { SchoolPassphraseSection } from './SchoolPassphraseSection';
import { changesOf, checkDraft, draftOf, TYPED_FIELDS, type DraftProblems, type SettingsDraft } from './settings-draft';
import { SettingsFields } from './SettingsFields';
import { useAdminAction } from './use-admin-action';
import './admin.css';

const t = text.educator.admin.settings;

/** The form, from the settings as last read; checks everything before sending only what changed. */
function SettingsForm({ initial }: { initial: Settings }) {
  const action = useAdminAction();
  const refreshSession = useAppStore((s) => s.refreshSession);
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [problems, setProblems] = useState<DraftProblems>({});
  const refs = {
    educatorIdleMinutes: useRef<HTMLInputElement>(null),
    learnerIdleMinutes: useRef<HTMLInputElement>(null),
    backupIntervalMinutes: useRef<HTMLInputElement>(null),
    backupFolder: useRef<HTMLInputElement>(null),
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const checked = checkDraft(draft);
    if ('problems' in checked) {
      setProblems(checked.problems);
      action.show({ ok: false, message: t.notSaved });
      const first = TYPED_FIELDS.find((f) => checked.problems[f]);
      if (first) refs[first].current?.focus();
      return;
    }
    setProblems({});
    const changes = changesOf(saved, checked.settings);
    if (Object.keys(changes).length === 0) return action.show({ ok: true, message: t.unchanged });
    await action.perform(async (call) => {
      const now = await call('updateSettings', changes);
      setSaved(now);
      setDraft(draftOf(now));
      // The idle times and self sign-up reach the window through the session.
      await refreshSession();
      return t.saved;
    });
  };

  return (
    <form className="admin-form settings-form" onSubmit={(e) => void save(e)} noValidate>
      <SettingsFields draft={draft} problems={problems} refs={refs} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} />
      <button type="submit" className="button button-primary" aria-disabled={action.busy || undefined}>
        {t.save}
      </button>
      <ActionStatus busy={action.busy} busyText={t.saving} outcome={action.outcome} />
    </form>
  );
}

/** The machine's settings: learners' self sign-up, when sessions lock, automatic backups, and the school transfer passphrase. */
export function SettingsPanel() {
  const settings = useChannelCall('getSettings');
  const dataVersion = useAppStore((s) => s.dataVersion);
  const { run } = settings;
  useEffect(() => {
    // A restore brings back the backup's settings: read them again.
    void run({});
  }, [run, dataVersion]);
  return (
    <section className="educator-panel" aria-labelledby="settings-title" aria-busy={settings.busy}>
      <h2 id="settings-title">{t.title}</h2>
      <p>{t.intro}</p>
      <CallStatus busy={settings.busy} busyText={t.loading} error={settings.error} onRetry={settings.retry} />
      {/* A fresh form for each reading, so a restore's settings replace what was on screen. */}
      {settings.value && <SettingsForm key={settings.finishedAt?.getTime()} initial={settings.value} />}
      <SchoolPassphraseSection />
    </section>
  );
}
