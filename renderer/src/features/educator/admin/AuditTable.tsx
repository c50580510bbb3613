import type { AuditEntryView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { formatDateTime } from '../../transfer/format';
import { actionText, targetText, whoText, type AuditNames } from './audit-text';

const t = text.educator.admin.audit;

/** The audit log as the main process gives it: newest first. */
export function AuditTable({ entries, names }: { entries: readonly AuditEntryView[]; names: AuditNames }) {
  return (
    <table className="data-table">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          {[t.when, t.who, t.action, t.target].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </th>
            <td>{whoText(entry, names)}</td>
            <td>{actionText(entry)}</td>
            <td className="break-anywhere">{targetText(entry, names)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
