import { useEffect, useId, useState } from 'react';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ErrorBanner } from './ErrorBanner';
import { ProtectionFields } from './ProtectionFields';
import { useFileProtection } from './use-file-protection';
import { savedText, useSaveFile } from './use-save-file';
import { useTransferCall } from './use-transfer-call';

const t = text.transfer;

/**
 * Saves one learner's whole profile as a .dalaprofile file, protected with a passphrase when
 * chosen: the main process writes it, then shows its save dialog (desktop) or hands the browser a
 * download. The open learner is chosen first. The made file can be saved again elsewhere.
 */
export function ExportSection() {
  const learners = useAppStore((s) => s.learners);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const openId = useAppStore((s) => s.profile?.profile.id);
  const exporter = useTransferCall('exportLearnerProfile');
  const saver = useSaveFile();
  const protection = useFileProtection();
  const [chosen, setChosen] = useState<string>('');
  const selectId = useId();

  useEffect(() => {
    if (learners === null) void loadLearners();
  }, [learners, loadLearners]);
  const list = learners ?? [];
  const learnerId = list.some((l) => l.id === chosen) ? chosen : (list.find((l) => l.id === openId) ?? list[0])?.id;

  const make = async () => {
    if (!learnerId) return;
    saver.reset();
    // A typed passphrase that needs fixing says so under its field, where focus goes.
    const protect = protection.take();
    if (!protect) return;
    const file = await exporter.run({ learnerId, ...protect });
    if (!file) return;
    protection.clear();
    await saver.save(file.fileId);
  };
  const busy = exporter.busy || saver.busy;
  const made = !exporter.busy && !exporter.error ? exporter.value : null;

  return (
    <section className="transfer-section" aria-labelledby={`${selectId}-title`} aria-busy={busy}>
      <h3 id={`${selectId}-title`}>{t.exportTitle}</h3>
      {list.length === 0 ? (
        <p className="muted">{learners === null ? text.common.loading : t.exportNoLearners}</p>
      ) : (
        <form
          className="transfer-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void make();
          }}
          noValidate
        >
          <div>
            <label htmlFor={selectId}>{t.exportLearner}</label>
            <select id={selectId} value={learnerId} onChange={(e) => setChosen(e.target.value)}>
              {list.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.displayName}
                </option>
              ))}
            </select>
          </div>
          <ProtectionFields protection={protection} disabled={busy} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t.exportButton}
          </button>
        </form>
      )}
      <p className="call-status result-ok" role="status">
        {exporter.busy ? t.exporting : saver.busy ? t.protection.saving : made && saver.outcome ? savedText(saver.outcome) : ''}
      </p>
      {exporter.error && !exporter.busy && <ErrorBanner error={exporter.error} onRetry={() => void make()} />}
      {saver.error && !saver.busy && <ErrorBanner error={saver.error} onRetry={made && saver.error.code !== 'not_found' ? () => void saver.save(made.fileId) : undefined} />}
      {made && saver.outcome && !saver.busy && (
        <button type="button" className="button" onClick={() => void saver.save(made.fileId)}>
          {t.saveAgain}
        </button>
      )}
    </section>
  );
}
