import type { BackupCheckView } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import { formatDateTime } from './format';

const t = text.transfer;

/** What a checked backup file holds: when and by which version it was made, and how many of each record. */
export function BackupSummary({ check }: { check: BackupCheckView }) {
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
