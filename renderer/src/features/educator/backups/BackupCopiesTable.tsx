import type { AutomaticBackupCopyView } from '../../../../../electron/common/transfer-views';
import { text } from '../../../i18n';
import { formatDateTime } from '../../transfer/format';

const t = text.educator.backups;

/**
 * The copies in the backup folder, newest first. Every copy listed passed SQLite's integrity check
 * when it was made (one that failed is never kept), so each says so.
 */
export function BackupCopiesTable({ copies, busy, onRestore }: { copies: readonly AutomaticBackupCopyView[]; busy: boolean; onRestore(copy: AutomaticBackupCopyView): void }) {
  return (
    <table className="data-table">
      <caption>{t.copiesCaption}</caption>
      <thead>
        <tr>
          {[t.when, t.size, t.checked, t.action].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {copies.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
            </th>
            <td>{t.sizeText(c.sizeBytes)}</td>
            <td>{t.checkedYes}</td>
            <td>
              <button type="button" className="button button-small" data-copy-id={c.id} onClick={() => onRestore(c)} disabled={busy} aria-label={t.restoreLabel(formatDateTime(c.createdAt))}>
                {t.restore}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
