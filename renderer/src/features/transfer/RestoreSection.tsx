import { useId, useState, type ChangeEvent } from 'react';
import { payloadLimitOf } from '../../../../electron/common/contract';
import type { BackupCheckView } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import { callChannel } from '../../api/call';
import { useAppStore } from '../../store/store-context';
import { ConfirmBox } from './ConfirmBox';
import { ErrorBanner } from './ErrorBanner';
import { formatDateTime } from './format';
import { ImportChanges } from './ImportChanges';
import { ProgressBar } from './ProgressBar';
import { readTextFile } from './read-file';
import { useJob, type JobControl } from './use-job';
import { useTransferCall } from './use-transfer-call';

const t = text.transfer;

function BackupSummary({ check }: { check: BackupCheckView }) {
  return (
    <div className="backup-summary">
      <h4>{t.fileSummaryTitle}</h4>
      <dl className="about-list">
        <div>
          <dt>{t.fileMade}</dt>
          <dd>{formatDateTime(check.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.fileVersion}</dt>
          <dd>{check.appVersion}</dd>
        </div>
        <div>
          <dt>{t.fileLearners}</dt>
          <dd>{check.learners}</dd>
        </div>
      </dl>
      <table className="data-table">
        <caption>{t.fileCountsCaption}</caption>
        <tbody>
          {Object.entries(check.counts).map(([table, n]) => (
            <tr key={table}>
              <th scope="row">{t.recordLabels[table] ?? table}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
 * Restore from a backup file: the file is checked and summarised, a dry run shows what would
 * change, and only after confirming does the real restore run (as a job, with progress).
 * "Replace" is off unless chosen, and says plainly what it throws away.
 */
export function RestoreSection() {
  const api = useAppStore((s) => s.api);
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const check = useTransferCall('checkBackupFile');
  const dryRun = useJob();
  const restore = useJob();
  const [file, setFile] = useState<{ content: string; fileName: string } | null>(null);
  const [replace, setReplace] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const id = useId();

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    dryRun.reset();
    restore.reset();
    setConfirming(false);
    setFile(null);
    const read = await readTextFile(chosen, { limitBytes: payloadLimitOf('startRestore') - 1024 });
    setReadProblem(read.ok ? null : read.message);
    if (!read.ok) return;
    setFile({ content: read.text, fileName: read.fileName });
    await check.run({ content: read.text });
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
    const input = { content: file.content, fileName: file.fileName, replace, dryRun: isDryRun };
    return job.start(() => callChannel(api, 'startRestore', input));
  };
  const restoreNow = async () => {
    setConfirming(false);
    const done = await startJob(restore, false);
    if (done?.state === 'done') await afterDataChanged();
  };
  const dryReport = dryRun.status?.result?.kind === 'restore' ? dryRun.status.result.report : null;
  const busy = check.busy || dryRun.running || restore.running;

  return (
    <section className="transfer-section" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`}>{t.restoreTitle}</h3>
      <p>{t.restoreIntro}</p>
      <label htmlFor={`${id}-file`}>{t.restoreChoose}</label>
      <input id={`${id}-file`} type="file" accept=".json,application/json" onChange={(e) => void onChoose(e)} disabled={busy} />
      <p className="call-status" role="status">
        {check.busy ? t.checkingFile : dryRun.running ? t.dryRunning : ''}
      </p>
      {readProblem && <ErrorBanner error={readProblem} />}
      {check.error && !check.busy && <ErrorBanner error={check.error} fileProblem onRetry={check.retry} />}
      {file && check.value && !check.busy && (
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
