import type { AutomaticBackupStatusView } from '../../../../../electron/common/transfer-views';
import { DetailList } from '../../../components/DetailList';
import { text } from '../../../i18n';
import { formatDateTime } from '../../transfer/format';
import { nextBackupText } from './next-backup';

const t = text.educator.backups;

/** On or off, where the copies go, the last one, the next one, and the last failure (never silent). */
export function BackupStatus({ status }: { status: AutomaticBackupStatusView }) {
  const rows: Array<[string, string]> = [
    [t.onOff, status.enabled ? t.on(status.intervalMinutes) : t.off],
    [t.folder, status.folder],
    [t.lastCopy, status.lastCopy ? t.lastCopyAt(formatDateTime(status.lastCopy.createdAt), t.sizeText(status.lastCopy.sizeBytes)) : t.noCopyYet],
    [t.nextDue, nextBackupText(status)],
    [t.lastFailure, status.lastFailure ? t.failureAt(formatDateTime(status.lastFailure.at), status.lastFailure.message) : t.noFailure],
  ];
  return (
    <>
      {status.lastFailure && (
        <p className="banner banner-warning" role="alert">
          {t.failureAlert(formatDateTime(status.lastFailure.at))}
        </p>
      )}
      <DetailList rows={rows} label={t.statusCaption} className="backup-status" />
    </>
  );
}
