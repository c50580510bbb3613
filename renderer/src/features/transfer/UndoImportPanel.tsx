import { useEffect, useRef, useState } from 'react';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ConfirmBox } from './ConfirmBox';
import { ErrorBanner } from './ErrorBanner';
import { formatDateTime } from './format';
import { useTransferCall } from './use-transfer-call';

const t = text.transfer;

/**
 * Undo of the last import or restore: says what it was and when, warns that everything changed
 * since then goes too, and asks before doing it.
 */
export function UndoImportPanel() {
  const dataVersion = useAppStore((s) => s.dataVersion);
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const last = useTransferCall('getLastImport');
  const undo = useTransferCall('undoLastImport');
  const [confirming, setConfirming] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const undoButtonRef = useRef<HTMLButtonElement>(null);
  const { run: readLast } = last;

  useEffect(() => {
    void readLast({});
  }, [readLast, dataVersion]);

  const confirmUndo = async () => {
    setConfirming(false);
    requestAnimationFrame(() => statusRef.current?.focus());
    if (await undo.run({})) await afterDataChanged();
  };
  const record = last.value;
  const when = record ? formatDateTime(record.importedAt) : '';

  return (
    <section className="educator-panel" aria-labelledby="undo-title" aria-busy={last.busy || undo.busy}>
      <h2 id="undo-title">{t.undoTitle}</h2>
      <p>{t.undoIntro}</p>
      {last.busy && !record && <p className="call-status">{t.undoLoading}</p>}
      {last.error && !last.busy && <ErrorBanner error={last.error} onRetry={last.retry} />}
      {!last.busy && !last.error && !record && <p>{t.undoNothing}</p>}
      {record && (
        <>
          <p>{t.undoLast(record.source, when, record.learnerIds.length)}</p>
          {!confirming && (
            <button ref={undoButtonRef} type="button" className="button button-danger" onClick={() => setConfirming(true)} disabled={undo.busy}>
              {t.undoButton}
            </button>
          )}
        </>
      )}
      {confirming && record && (
        <ConfirmBox
          title={t.undoConfirmTitle}
          confirmLabel={t.undoConfirmYes}
          onConfirm={() => void confirmUndo()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => undoButtonRef.current?.focus());
          }}
        >
          <p>{t.undoConfirmText(when)}</p>
        </ConfirmBox>
      )}
      <div ref={statusRef} tabIndex={-1} className="status-anchor">
        <p className="call-status result-ok" role="status">
          {undo.busy ? t.undoing : undo.value && !undo.error ? t.undone(undo.value.source) : ''}
        </p>
        {undo.error && !undo.busy && <ErrorBanner error={undo.error} onRetry={() => void confirmUndo()} />}
      </div>
    </section>
  );
}
