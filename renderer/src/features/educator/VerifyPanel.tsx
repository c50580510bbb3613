import { useEffect, useRef, useState } from 'react';
import { WARNING_ICON } from '../../../../electron/common/content/icons';
import type { VerifyReportView } from '../../../../electron/common/maintenance-views';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { CallStatus } from './CallStatus';
import { FindingsTable } from './FindingsTable';
import { formatTime } from './format';
import { useChannelCall } from './use-channel-call';

const t = text.educator;

function summary(report: VerifyReportView): string {
  const removed = report.orphansRemoved > 0 ? `${t.orphansRemoved(report.orphansRemoved)} ` : '';
  return removed + (report.healthy ? t.healthy : t.problemsFound(report.problems.length));
}

/** Asks before deleting: names how many rows go and that it cannot be undone. */
function ConfirmRemoval({ count, onConfirm, onCancel }: { count: number; onConfirm(): void; onCancel(): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="confirm-box" role="group" aria-labelledby="confirm-orphans-title">
      <h3 id="confirm-orphans-title" ref={headingRef} tabIndex={-1}>
        {t.confirmTitle}
      </h3>
      <p>{t.confirmText(count)}</p>
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {t.confirmYes}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.confirmNo}
        </button>
      </div>
    </div>
  );
}

/** Database check: integrity, broken links, bad values; removes orphaned rows after asking. */
export function VerifyPanel() {
  const verify = useChannelCall('verifyDatabase');
  const [fixing, setFixing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const report = verify.value;
  const orphans = report?.problems.filter((p) => p.check === 'orphan').length ?? 0;

  const check = (fixOrphans: boolean) => {
    setFixing(fixOrphans);
    setConfirming(false);
    void verify.run(fixOrphans ? { fixOrphans: true } : {});
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeRef.current?.focus());
  };

  return (
    <section className="educator-panel" aria-labelledby="verify-title" aria-busy={verify.busy}>
      <h2 id="verify-title">{t.verifyTitle}</h2>
      <p>{t.verifyIntro}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => check(false)} disabled={verify.busy}>
          {t.checkNow}
        </button>
        {orphans > 0 && !confirming && (
          <button ref={removeRef} type="button" className="button" onClick={() => setConfirming(true)} disabled={verify.busy}>
            {t.removeOrphans}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmRemoval
          count={orphans}
          onConfirm={() => {
            check(true);
            // The confirmation closes: keep keyboard focus on what happens next.
            requestAnimationFrame(() => statusRef.current?.focus());
          }}
          onCancel={cancel}
        />
      )}
      <div ref={statusRef} tabIndex={-1} className="status-anchor">
        <CallStatus
          busy={verify.busy}
          busyText={fixing ? t.removing : t.checking}
          doneText={
            report &&
            verify.finishedAt && (
              <>
                {report.healthy ? <span aria-hidden="true">✓ </span> : <ContentIcon icon={WARNING_ICON} alt="" size={18} />}
                {summary(report)} <span className="muted">{t.checkedAt(formatTime(verify.finishedAt))}</span>
              </>
            )
          }
          doneClassName={report?.healthy ? 'result-ok' : 'result-problem'}
          error={verify.error}
          onRetry={verify.retry}
        />
      </div>
      {report && (
        <div className="verify-result">
          {report.problems.length > 0 && <FindingsTable caption={t.problemsCaption} findings={report.problems} />}
          {report.warnings.length > 0 && (
            <>
              <h3>{t.warningsTitle}</h3>
              <FindingsTable caption={t.warningsCaption} findings={report.warnings} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
