import type { VerifyFindingView } from '../../../../electron/common/maintenance-views';
import { text } from '../../i18n';

const t = text.educator;
const MAX_ROWS = 200;

/** Problems or warnings of a database check, one row each: kind, table, row, learner, message. */
export function FindingsTable({ caption, findings }: { caption: string; findings: VerifyFindingView[] }) {
  const shown = findings.slice(0, MAX_ROWS);
  return (
    <>
      <table className="data-table findings-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {[t.findingCheck, t.findingTable, t.findingRow, t.findingLearner, t.findingMessage].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((f, i) => (
            <tr key={i}>
              <th scope="row">{t.checkLabels[f.check] ?? f.check}</th>
              <td>{f.table ? <code>{f.table}</code> : t.notApplicable}</td>
              <td>{f.rowId ?? t.notApplicable}</td>
              <td className="break-anywhere">{f.learnerId ?? t.notApplicable}</td>
              <td>{f.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {findings.length > shown.length && <p className="muted">{t.showingFirst(shown.length, findings.length)}</p>}
    </>
  );
}
