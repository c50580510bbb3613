import { useEffect, useId, useRef, useState } from 'react';
import type { TransferFileView } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import { callChannel } from '../../api/call';
import { useAppStore } from '../../store/store-context';
import { BackupSummary } from './BackupSummary';
import { ChooseFile } from './ChooseFile';
import { ConfirmBox } from './ConfirmBox';
import { ErrorBanner } from './ErrorBanner';
import { BACKUP_ACCEPT } from './file-kinds';
import { ImportChanges } from './ImportChanges';
import { needsPassphrase } from './passphrase-checks';
import { PassphrasePrompt } from './PassphrasePrompt';
import { ProgressBar } from './ProgressBar';
import { useFileArrival } from './use-file-arrival';
import { useJob, type JobControl } from './use-job';
import { useTransferCall, type CallFailure } from './use-transfer-call';

const t = text.transfer;

/** A restore job's bar while it runs (and full once done), its failure, or its report. */
function JobOutcome(props: { job: JobControl; label: string; words: (done: number, total: number) => string; onRetry(): void }) {
  const { job, label, words, onRetry } = props;
  const status = job.status;
  const report = status?.result?.kind === 'restore' ? status.result.report : null;
  const { done, total } = status?.progress ?? { done: 0, total: 0 };
  return (
    <>
      {status && status.state !== 'failed' && <ProgressBar label={label} finished={status.state === 'done'} done={done} total={total} words={status.state === 'done' ? t.jobFinished(total) : words(done, total)} />}
      {job.error && !job.running && <ErrorBanner error={job.error} fileProblem onRetry={onRetry} />}
      {report && (
        <div className="import-report">
          <h4>{report.dryRun ? t.dryRunTitle : t.restoreDoneTitle}</h4>
          <ImportChanges report={report} />
          {!report.dryRun && <p>{t.undoHint}</p>}
        </div>
      )}
    </>
  );
}

/**
 * Restore from a backup file: the file reaches the main process (uploaded in the browser host),
 * is checked and summarised (asking for its passphrase when it is protected), a dry run shows
 * what would change, and only after confirming does the real restore run (as a job, with
 * progress). "Replace" is off unless chosen, and says plainly what it throws away.
 */
export function RestoreSection() {
  const api = useAppStore((s) => s.api);
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const arrival = useFileArrival('backup');
  const check = useTransferCall('checkBackupFile');
  const dryRun = useJob();
  const restore = useJob();
  const [file, setFile] = useState<TransferFileView | null>(null);
  // Why the passphrase prompt shows (kept while a typed passphrase is tried, so it stays put).
  const [locked, setLocked] = useState<CallFailure | null>(null);
  // The passphrase that opened the file: the dry run and the restore open it again in the main process.
  const passphrase = useRef<string | undefined>(undefined);
  const [replace, setReplace] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const chooserRef = useRef<HTMLElement>(null);
  const id = useId();

  useEffect(() => {
    if (needsPassphrase(check.error)) setLocked(check.error);
  }, [check.error]);

  const forget = () => {
    dryRun.reset();
    restore.reset();
    check.reset();
    setConfirming(false);
    setLocked(null);
    setFile(null);
    passphrase.current = undefined;
  };
  const onArrived = async (view: TransferFileView) => {
    forget();
    setFile(view);
    await check.run({ fileId: view.fileId });
  };
  const tryPassphrase = async (typed: string) => {
    if (!file) return;
    if (!(await check.run({ fileId: file.fileId, passphrase: typed }))) return;
    passphrase.current = typed;
    setLocked(null);
  };
  const cancelPassphrase = () => {
    forget();
    arrival.reset();
    requestAnimationFrame(() => chooserRef.current?.focus());
  };
  const onReplace = (on: boolean) => {
    setReplace(on);
    // What the dry run showed no longer holds.
    dryRun.reset();
    restore.reset();
    setConfirming(false);
  };
  const startJob = (job: JobControl, isDryRun: boolean) => {
    if (!file) return;
    const input = { fileId: file.fileId, ...(passphrase.current === undefined ? {} : { passphrase: passphrase.current }), replace, dryRun: isDryRun };
    return job.start(() => callChannel(api, 'startRestore', input));
  };
  const restoreNow = async () => {
    setConfirming(false);
    const done = await startJob(restore, false);
    if (done?.state === 'done') await afterDataChanged();
  };
  const dryReport = dryRun.status?.result?.kind === 'restore' ? dryRun.status.result.report : null;
  const busy = check.busy || dryRun.running || restore.running;
  const sending = arrival.sending !== null;

  return (
    <section className="transfer-section" aria-labelledby={`${id}-title`} aria-busy={busy || sending}>
      <h3 id={`${id}-title`}>{t.restoreTitle}</h3>
      <p>{t.restoreIntro}</p>
      <ChooseFile arrival={arrival} label={t.restoreChoose} accept={BACKUP_ACCEPT} disabled={busy} onArrived={(view) => void onArrived(view)} focusRef={chooserRef} />
      <p className="call-status" role="status">
        {check.busy && !locked ? t.checkingFile : dryRun.running ? t.dryRunning : ''}
      </p>
      {locked && file && <PassphrasePrompt fileName={file.fileName} problem={locked} busy={check.busy} onSubmit={(typed) => void tryPassphrase(typed)} onCancel={cancelPassphrase} />}
      {check.error && !check.busy && !needsPassphrase(check.error) && <ErrorBanner error={check.error} fileProblem onRetry={check.retry} />}
      {file && check.value && !check.busy && !locked && (
        <>
          <BackupSummary check={check.value} />
          <div className={`replace-option${replace ? ' replace-on' : ''}`}>
            <input type="checkbox" id={`${id}-replace`} checked={replace} onChange={(e) => onReplace(e.target.checked)} aria-describedby={`${id}-replace-help`} disabled={busy} />
            <label htmlFor={`${id}-replace`}>{t.replaceLabel}</label>
            <p id={`${id}-replace-help`} className="replace-warning">
              {t.replaceWarning}
            </p>
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void startJob(dryRun, true)} disabled={busy}>
              {t.dryRunButton}
            </button>
          </div>
          {/* Once the real restore has started, its own bar and report take the dry run's place. */}
          {!restore.status && <JobOutcome job={dryRun} label={t.dryRunProgress} words={t.dryRunWords} onRetry={() => void startJob(dryRun, true)} />}
          {dryReport && !restore.status && !confirming && (
            <button type="button" className="button button-primary" onClick={() => setConfirming(true)} disabled={busy}>
              {t.restoreButton}
            </button>
          )}
          {confirming && (
            <ConfirmBox title={t.restoreConfirmTitle} confirmLabel={t.restoreConfirmYes} onConfirm={() => void restoreNow()} onCancel={() => setConfirming(false)}>
              <p>{replace ? t.restoreConfirmReplace : t.restoreConfirmMerge}</p>
            </ConfirmBox>
          )}
          <JobOutcome job={restore} label={t.restoreProgress} words={t.restoring} onRetry={() => void restoreNow()} />
        </>
      )}
    </section>
  );
}
