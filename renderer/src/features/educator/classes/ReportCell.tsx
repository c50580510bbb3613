import type { ClassReportLearner } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { formatPercent } from '../../profile/format';

const t = text.educator.classes.report;

/**
 * One learner × one learning goal. Sighted readers get a short mark and the score; a screen
 * reader hears the same in words ("Started, best score 40%").
 */
export function ReportCell({ progress }: { progress: ClassReportLearner['objectives'][string] | undefined }) {
  const status = progress?.status ?? 'not_started';
  const score = progress?.bestScore === null || progress?.bestScore === undefined ? null : formatPercent(progress.bestScore);
  return (
    <>
      <span className="visually-hidden">{t.cellWords(t.status[status], score)}</span>
      <span aria-hidden="true" className={`report-cell report-cell-${status}`}>
        {status === 'not_started' ? t.notStartedShort : t.status[status]}
        {score !== null && <span className="report-score">{score}</span>}
      </span>
    </>
  );
}
