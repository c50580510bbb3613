import type { ImportReportView, LearnerImportView } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import { changesText } from './format';

const t = text.transfer;

/** Per learner with one table of changes each, up to this many; a big backup gets one row per learner. */
const MAX_DETAILED = 5;
const MAX_LISTED = 200;

function LearnerTables({ learner, done }: { learner: LearnerImportView; done: boolean }) {
  const outcome = (done ? t.outcomeDone : t.outcome)[learner.outcome] ?? learner.outcome;
  return (
    <div className="import-learner">
      <h5>{learner.displayName}</h5>
      <p>
        <strong>{outcome}.</strong> {changesText(learner.totals)}.
      </p>
      <table className="data-table">
        <caption>{t.changesCaption(learner.displayName)}</caption>
        <thead>
          <tr>
            {[t.tableColumn, t.newColumn, t.updatedColumn, t.conflictsColumn, t.unchangedColumn].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(learner.tables).map(([table, c]) => (
            <tr key={table}>
              <th scope="row">{t.recordLabels[table] ?? table}</th>
              <td>{c.added}</td>
              <td>{c.updated}</td>
              <td>{c.conflicts}</td>
              <td>{c.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `total`: every learner of the import (a large restore's report lists only its first ones). */
function LearnerRows({ learners, total, done }: { learners: LearnerImportView[]; total: number; done: boolean }) {
  const shown = learners.slice(0, MAX_LISTED);
  return (
    <>
      {/* Scrolls when long: focusable, so the keyboard can scroll it too. */}
      <ul className="import-learner-list" tabIndex={0} aria-label={t.learnersListLabel}>
        {shown.map((l) => (
          <li key={l.learnerId}>
            <strong>{l.displayName}</strong>: {(done ? t.outcomeDone : t.outcome)[l.outcome] ?? l.outcome}; {changesText(l.totals)}.
          </li>
        ))}
      </ul>
      {total > shown.length && <p className="muted">{text.educator.showingFirst(shown.length, total)}</p>}
    </>
  );
}

/**
 * What an import or restore changes (a preview or dry run) or changed: the totals as one line,
 * then per learner the outcome and "N new, N updated, N conflicts", with a table per kind of record.
 */
export function ImportChanges({ report }: { report: ImportReportView }) {
  const done = !report.dryRun;
  return (
    <div className="import-changes">
      <p className="import-summary">{report.summary}.</p>
      {report.learnersRemoved > 0 && <p className="result-problem">{t.removedLearners(report.learnersRemoved)}</p>}
      {report.learners.length <= MAX_DETAILED ? (
        report.learners.map((l) => <LearnerTables key={l.learnerId} learner={l} done={done} />)
      ) : (
        <LearnerRows learners={report.learners} total={report.learners.length + (report.learnersOmitted ?? 0)} done={done} />
      )}
    </div>
  );
}
