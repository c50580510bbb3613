import { useEffect, useRef, useState } from 'react';
import type { ImportPolicy } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import type { PendingProfileImport } from '../../store/transfer-slice';
import { useAppStore } from '../../store/store-context';
import { ChooseFile } from './ChooseFile';
import { ErrorBanner } from './ErrorBanner';
import { PROFILE_ACCEPT } from './file-kinds';
import { ImportChanges } from './ImportChanges';
import { needsPassphrase } from './passphrase-checks';
import { PassphrasePrompt } from './PassphrasePrompt';
import { PolicyChoice } from './PolicyChoice';
import { useFileArrival } from './use-file-arrival';
import { useTransferCall, type CallFailure } from './use-transfer-call';

const t = text.transfer;

/** Focuses an element once it is on screen (after React has drawn it). */
const focusSoon = (element: () => HTMLElement | null) => requestAnimationFrame(() => element()?.focus());

/** A file the main process holds for this panel, by the id it gave. */
interface HeldFile {
  fileId: string;
  fileName: string;
}

/**
 * Import of a .dalaprofile: a file chosen here, dropped on the window or opened by the OS reaches
 * the main process (uploaded in the browser host), is previewed first (nothing written), asking
 * for its passphrase when it is protected, then applied with the chosen policy, then reported.
 */
export function ImportSection() {
  const pendingImport = useAppStore((s) => s.pendingImport);
  const takePendingImport = useAppStore((s) => s.takePendingImport);
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const arrival = useFileArrival('profile');
  const preview = useTransferCall('previewProfileImport');
  const apply = useTransferCall('applyProfileImport');
  const [policy, setPolicy] = useState<ImportPolicy>('merge');
  const [file, setFile] = useState<HeldFile | null>(null);
  // Why the passphrase prompt shows (kept while a typed passphrase is tried, so it stays put).
  const [locked, setLocked] = useState<CallFailure | null>(null);
  const chooserRef = useRef<HTMLElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const { run: runPreview, reset: resetPreview } = preview;
  const { reset: resetApply } = apply;
  const { receive, reset: resetArrival } = arrival;

  useEffect(() => {
    if (needsPassphrase(preview.error)) setLocked(preview.error);
  }, [preview.error]);

  /** Previews the held file; with a passphrase when the teacher typed one (the same file again). */
  const openFile = async (held: HeldFile, passphrase?: string) => {
    resetApply();
    setPolicy('merge');
    setFile(held);
    if (passphrase === undefined) {
      resetPreview();
      setLocked(null);
    }
    if (!(await runPreview(passphrase === undefined ? { fileId: held.fileId } : { fileId: held.fileId, passphrase }))) return;
    setLocked(null);
    focusSoon(() => previewRef.current);
  };
  const openPending = async (pending: PendingProfileImport) => {
    if (pending.kind === 'opened') return openFile({ fileId: pending.fileId, fileName: pending.fileName });
    resetPreview();
    resetApply();
    setLocked(null);
    setFile(null);
    const view = await receive(pending.file);
    if (view) await openFile(view);
  };
  const openPendingRef = useRef(openPending);
  openPendingRef.current = openPending;

  useEffect(() => {
    if (!pendingImport) return;
    const next = takePendingImport();
    if (next) void openPendingRef.current(next);
  }, [pendingImport, takePendingImport]);

  const startOver = () => {
    resetPreview();
    resetApply();
    resetArrival();
    setLocked(null);
    setFile(null);
    focusSoon(() => chooserRef.current);
  };
  const applyNow = async () => {
    if (!preview.value) return;
    if (!(await apply.run({ importId: preview.value.importId, policy }))) return;
    focusSoon(() => reportRef.current);
    await afterDataChanged();
  };

  const busy = preview.busy || apply.busy;
  const shown = !apply.value && !preview.busy && !locked ? preview.value : null;
  return (
    <section className="transfer-section" aria-labelledby="import-title" aria-busy={busy || arrival.sending !== null}>
      <h3 id="import-title">{t.importTitle}</h3>
      <p>{t.importIntro}</p>
      <ChooseFile arrival={arrival} label={t.importChoose} accept={PROFILE_ACCEPT} disabled={busy} onArrived={(view) => void openFile(view)} focusRef={chooserRef} />
      <p className="call-status" role="status">
        {preview.busy && !locked && file ? t.previewing(file.fileName) : apply.busy ? t.applying : ''}
      </p>
      {locked && file && <PassphrasePrompt fileName={file.fileName} problem={locked} busy={preview.busy} onSubmit={(passphrase) => void openFile(file, passphrase)} onCancel={startOver} />}
      {preview.error && !preview.busy && !needsPassphrase(preview.error) && <ErrorBanner error={preview.error} fileProblem onRetry={preview.retry} />}
      {shown && (
        <div className="import-preview">
          <h4 ref={previewRef} tabIndex={-1}>
            {t.previewTitle(shown.fileName)}
          </h4>
          <p className="muted">{t.previewNote}</p>
          <ImportChanges report={shown.preview} />
          <PolicyChoice value={policy} onChange={setPolicy} existingLearners={shown.existingLearners} />
          {apply.error && !apply.busy && <ErrorBanner error={apply.error} onRetry={() => void applyNow()} />}
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => void applyNow()} disabled={apply.busy}>
              {t.applyButton}
            </button>
            <button type="button" className="button" onClick={startOver} disabled={apply.busy}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {apply.value && (
        <div className="import-report">
          <h4 ref={reportRef} tabIndex={-1}>
            {t.reportTitle}
          </h4>
          <ImportChanges report={apply.value} />
          <p>{t.undoHint}</p>
          <button type="button" className="button" onClick={startOver}>
            {t.importAnother}
          </button>
        </div>
      )}
    </section>
  );
}
