import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { payloadLimitOf } from '../../../../electron/common/contract';
import type { ImportPolicy } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import type { PendingProfileImport } from '../../store/transfer-slice';
import { useAppStore } from '../../store/store-context';
import { ErrorBanner } from './ErrorBanner';
import { ImportChanges } from './ImportChanges';
import { PolicyChoice } from './PolicyChoice';
import { PROFILE_EXTENSION, readTextFile } from './read-file';
import { useTransferCall } from './use-transfer-call';

const t = text.transfer;

/** Focuses an element once it is on screen (after React has drawn it). */
const focusSoon = (element: () => HTMLElement | null) => requestAnimationFrame(() => element()?.focus());

/**
 * Import of a .dalaprofile: a file chosen here, dropped on the window or opened by the OS is
 * previewed first (nothing written), then applied with the chosen policy, then reported.
 */
export function ImportSection() {
  const pendingImport = useAppStore((s) => s.pendingImport);
  const takePendingImport = useAppStore((s) => s.takePendingImport);
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const preview = useTransferCall('previewProfileImport');
  const apply = useTransferCall('applyProfileImport');
  const [policy, setPolicy] = useState<ImportPolicy>('merge');
  const [fileName, setFileName] = useState('');
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const { run: runPreview, reset: resetPreview } = preview;
  const { reset: resetApply } = apply;

  const startPreview = async (file: PendingProfileImport) => {
    resetApply();
    setReadProblem(null);
    setPolicy('merge');
    setFileName(file.fileName);
    if (await runPreview(file.input)) focusSoon(() => previewRef.current);
  };
  const startPreviewRef = useRef(startPreview);
  startPreviewRef.current = startPreview;

  useEffect(() => {
    if (!pendingImport) return;
    const file = takePendingImport();
    if (file) void startPreviewRef.current(file);
  }, [pendingImport, takePendingImport]);

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Emptied at once, so that choosing the same file again (after an import) is a change too.
    event.target.value = '';
    if (!file) return;
    const read = await readTextFile(file, { limitBytes: payloadLimitOf('previewProfileImport') - 1024 });
    if (!read.ok) {
      resetPreview();
      resetApply();
      setReadProblem(read.message);
      return;
    }
    await startPreview({ input: { content: read.text, fileName: read.fileName }, fileName: read.fileName });
  };
  const startOver = () => {
    resetPreview();
    resetApply();
    setReadProblem(null);
    if (inputRef.current) inputRef.current.value = '';
    focusSoon(() => inputRef.current);
  };
  const applyNow = async () => {
    if (!preview.value) return;
    if (!(await apply.run({ importId: preview.value.importId, policy }))) return;
    focusSoon(() => reportRef.current);
    await afterDataChanged();
  };

  const shown = !apply.value && !preview.busy ? preview.value : null;
  return (
    <section className="transfer-section" aria-labelledby="import-title" aria-busy={preview.busy || apply.busy}>
      <h3 id="import-title">{t.importTitle}</h3>
      <p>{t.importIntro}</p>
      <label htmlFor="import-file">{t.importChoose}</label>
      <input ref={inputRef} id="import-file" type="file" accept={`${PROFILE_EXTENSION},application/json`} onChange={(e) => void onChoose(e)} disabled={preview.busy || apply.busy} />
      <p className="call-status" role="status">
        {preview.busy ? t.previewing(fileName) : apply.busy ? t.applying : ''}
      </p>
      {readProblem && <ErrorBanner error={readProblem} />}
      {preview.error && !preview.busy && <ErrorBanner error={preview.error} fileProblem onRetry={preview.retry} />}
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
