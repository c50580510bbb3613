import { useEffect, useId, useState } from 'react';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { downloadTextFile } from '../profile/download';
import { ErrorBanner } from './ErrorBanner';
import { useTransferCall } from './use-transfer-call';

const t = text.transfer;

/**
 * Saves one learner's whole profile as a .dalaprofile file: a download in the browser, the save
 * dialog in the desktop app. The open learner is chosen first.
 */
export function ExportSection() {
  const learners = useAppStore((s) => s.learners);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const openId = useAppStore((s) => s.profile?.profile.id);
  const exporter = useTransferCall('exportLearnerProfile');
  const [chosen, setChosen] = useState<string>('');
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const selectId = useId();

  useEffect(() => {
    if (learners === null) void loadLearners();
  }, [learners, loadLearners]);
  const list = learners ?? [];
  const learnerId = list.some((l) => l.id === chosen) ? chosen : (list.find((l) => l.id === openId) ?? list[0])?.id;

  const save = async () => {
    if (!learnerId) return;
    setSavedAs(null);
    const file = await exporter.run({ learnerId });
    if (!file) return;
    downloadTextFile(file.fileName, file.content, 'application/json');
    setSavedAs(file.fileName);
  };

  return (
    <section className="transfer-section" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>{t.exportTitle}</h3>
      {list.length === 0 ? (
        <p className="muted">{learners === null ? text.common.loading : t.exportNoLearners}</p>
      ) : (
        <div className="inline-form">
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
          <button type="button" className="button button-primary align-end" onClick={() => void save()} disabled={exporter.busy}>
            {t.exportButton}
          </button>
        </div>
      )}
      <p className="call-status" role="status">
        {exporter.busy ? t.exporting : savedAs && !exporter.error ? t.exported(savedAs) : ''}
      </p>
      {exporter.error && !exporter.busy && <ErrorBanner error={exporter.error} onRetry={() => void save()} />}
    </section>
  );
}
