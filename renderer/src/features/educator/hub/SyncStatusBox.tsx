import { useEffect, useRef, useState } from 'react';
import type { SyncStatusView } from '../../../../../electron/common/sync/sync-views';
import { DetailList } from '../../../components/DetailList';
import { text } from '../../../i18n';
import { formatDateTime } from '../../transfer/format';
import { needsAttention, syncStatusSentence, timeAgoText } from './sync-status-text';

const t = text.educator.hub;

/**
 * The live region's words: empty at first (the sentence is on screen to be read), then the new
 * state's sentence, without "2 min ago", each time the state or the count waiting changes.
 */
function useAnnouncement(status: SyncStatusView): string {
  const [said, setSaid] = useState('');
  const previous = useRef(`${status.state}:${status.pending}`);
  useEffect(() => {
    const key = `${status.state}:${status.pending}`;
    if (previous.current === key) return;
    previous.current = key;
    setSaid(syncStatusSentence(status, Date.now(), false));
  }, [status]);
  return said;
}

/**
 * The state of the link in one sentence, then the details (hub, school, when, how much waits).
 * The visible sentence is not a live region, since its "2 min ago" changes every minute; a hidden
 * polite region beside it is told each change of state, once.
 */
export function SyncStatusBox({ status, now, isAdmin }: { status: SyncStatusView; now: number; isAdmin: boolean }) {
  const sentence = syncStatusSentence(status, now);
  const announcement = useAnnouncement(status);
  const attention = needsAttention(status);
  const when = (iso: string | null) => (iso ? `${formatDateTime(iso)} (${timeAgoText(iso, now)})` : t.never);
  const rows: Array<[string, string]> =
    status.state === 'not_enrolled'
      ? []
      : [
          [t.hubAddress, status.hub ?? ''],
          [t.school, status.schoolName ?? ''],
          [t.lastSync, when(status.lastSyncAt)],
          [t.lastAttempt, when(status.lastAttemptAt)],
          [t.waiting, String(status.pending)],
        ];
  return (
    <div className="sync-status">
      <p role="status" aria-atomic="true" className="visually-hidden">
        {announcement}
      </p>
      <p className={`sync-state sync-state-${status.state} ${attention ? 'banner banner-warning' : ''}`} data-state={status.state}>
        <strong>{sentence}</strong>
      </p>
      {status.state === 'not_enrolled' && <p>{t.notEnrolledMore}</p>}
      {status.state === 'error' && <p>{t.waitingAfterError(status.pending)}</p>}
      {status.state === 'revoked' && isAdmin && <p>{t.revokedAdmin}</p>}
      {rows.length > 0 && <DetailList rows={rows} label={t.detailsCaption} className="sync-details" />}
    </div>
  );
}
