import { useEffect, useId, useRef, useState } from 'react';
import type { ChannelInput } from '../../../../electron/common/contract';
import { text } from '../../i18n';
import { callChannel } from '../../api/call';
import { useAppStore } from '../../store/store-context';
import { ErrorBanner } from './ErrorBanner';
import { dayBoundary } from './format';
import { ProgressBar } from './ProgressBar';
import { ProtectionFields } from './ProtectionFields';
import { useFileProtection } from './use-file-protection';
import { useJob } from './use-job';
import { useSaveFile, type SaveOutcome } from './use-save-file';

const t = text.transfer;

/** Which learners and which dates a backup holds; returns the problem when the choice cannot be used. */
function backupFilters(who: 'all' | 'chosen', chosen: ReadonlySet<string>, from: string, to: string): ChannelInput<'startBackup'> | string {
  if (who === 'chosen' && chosen.size === 0) return t.backupNoneChosen;
  if (from && to && from > to) return t.backupBadRange;
  const filters: ChannelInput<'startBackup'> = {};
  if (who === 'chosen') filters.learnerIds = [...chosen];
  const since = dayBoundary(from, 'start');
  const until = dayBoundary(to, 'end');
  if (since) filters.since = since;
  if (until) filters.until = until;
  return filters;
}

/** The status line once the backup is made: where it was saved, or that it was not. */
function doneText(outcome: SaveOutcome, learners: number, records: number): string {
  if (outcome.kind === 'cancelled') return `${t.backupMade(learners, records)} ${t.protection.notSaved}`;
  const where = t.backupDone(outcome.fileName, learners, records);
  return outcome.kind === 'downloaded' ? `${where} ${t.downloadsHint}` : where;
}

/**
 * A backup of every learner or the chosen ones, optionally of one date range, compressed and
 * protected with a passphrase when chosen. It runs as a job off the main thread, writing the file
 * in the main process; the bar shows its progress, and the file is saved when it is done.
 */
export function BackupSection() {
  const api = useAppStore((s) => s.api);
  const learners = useAppStore((s) => s.learners);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const job = useJob();
  const [who, setWho] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [gzip, setGzip] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const protection = useFileProtection();
  const saver = useSaveFile();
  const { save: saveFile } = saver;
  const saved = useRef<string | null>(null);
  const id = useId();

  useEffect(() => {
    if (learners === null) void loadLearners();
  }, [learners, loadLearners]);
  const result = job.status?.result?.kind === 'backup' ? job.status.result : null;
  useEffect(() => {
    // Saved once per finished job, as soon as it is done.
    if (!result || !job.status || saved.current === job.status.jobId) return;
    saved.current = job.status.jobId;
    void saveFile(result.file.fileId);
  }, [result, job.status, saveFile]);

  const start = () => {
    const filters = backupFilters(who, chosen, from, to);
    setProblem(typeof filters === 'string' ? filters : null);
    if (typeof filters === 'string') return;
    // A typed passphrase that needs fixing says so under its field, where focus goes.
    const protect = protection.take();
    if (!protect) return;
    saver.reset();
    const input = { ...filters, ...protect, ...(gzip ? { gzip } : {}) };
    void job.start(() => callChannel(api, 'startBackup', input)).then((done) => {
      if (done?.state === 'done') protection.clear();
    });
  };
  const toggle = (learnerId: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(learnerId);
      else next.delete(learnerId);
      return next;
    });
  const progress = job.status?.progress ?? { done: 0, total: 0 };

  return (
    <section className="transfer-section" aria-labelledby={`${id}-title`} aria-busy={job.running}>
      <h3 id={`${id}-title`}>{t.backupTitle}</h3>
      <p>{t.backupIntro}</p>
      <fieldset className="choice-group">
        <legend>{t.backupWhoLegend}</legend>
        {(['all', 'chosen'] as const).map((value) => (
          <div key={value} className="radio-row">
            <input type="radio" id={`${id}-${value}`} name={`${id}-who`} checked={who === value} onChange={() => setWho(value)} />
            <label htmlFor={`${id}-${value}`}>{value === 'all' ? t.backupAll : t.backupChosen}</label>
          </div>
        ))}
      </fieldset>
      {who === 'chosen' && (
        <fieldset className="choice-group learner-checklist">
          <legend>{t.backupPick}</legend>
          {(learners ?? []).map((l) => (
            <div key={l.id} className="radio-row">
              <input type="checkbox" id={`${id}-l-${l.id}`} checked={chosen.has(l.id)} onChange={(e) => toggle(l.id, e.target.checked)} />
              <label htmlFor={`${id}-l-${l.id}`}>{l.displayName}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="date-range">
        <div>
          <label htmlFor={`${id}-from`}>{t.backupFrom}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>{t.backupTo}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <ProtectionFields protection={protection} disabled={job.running} compress={{ on: gzip, onChange: setGzip }} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={start} disabled={job.running}>
          {t.backupButton}
        </button>
      </div>
      {problem && <ErrorBanner error={problem} />}
      {job.status && job.status.state !== 'failed' && <ProgressBar label={t.backupProgress} finished={job.status.state === 'done'} done={progress.done} total={progress.total} words={job.status.state === 'done' ? t.jobFinished(progress.total) : t.backingUp(progress.done, progress.total)} />}
      <p className="call-status result-ok" role="status">
        {result && !job.running ? (saver.busy ? t.protection.saving : saver.outcome ? doneText(saver.outcome, result.learners, result.records) : '') : ''}
      </p>
      {result && !job.running && saver.error && !saver.busy && <ErrorBanner error={saver.error} onRetry={saver.error.code === 'not_found' ? undefined : () => void saver.save(result.file.fileId)} />}
      {result && !job.running && saver.outcome && !saver.busy && (
        <button type="button" className="button" onClick={() => void saver.save(result.file.fileId)}>
          {t.saveAgain}
        </button>
      )}
      {job.error && !job.running && <ErrorBanner error={job.error} onRetry={job.retry} />}
    </section>
  );
}
