import type { SyncStatusView } from '../../../../../electron/common/sync/sync-views';
import { text } from '../../../i18n';

const t = text.educator.hub;
const MINUTE = 60_000;

/** "just now", "2 min ago", "3 h ago", "2 days ago": rough on purpose, the exact time is listed too. */
export function timeAgoText(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  // A clock set a little wrong on either side still reads as "just now", never "in 2 min".
  const minutes = Math.max(0, Math.floor((now - then) / MINUTE));
  if (minutes < 1) return t.justNow;
  if (minutes < 60) return t.minutesAgo(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t.hoursAgo(hours);
  return t.daysAgo(Math.floor(hours / 24));
}

/**
 * The one sentence a teacher reads to know whether this machine is in step with the school.
 * With `withAge` false it leaves out "2 min ago", for the live region: a screen reader is told when
 * the state changes, not every minute that passes.
 */
export function syncStatusSentence(status: SyncStatusView, now: number, withAge = true): string {
  switch (status.state) {
    case 'not_enrolled':
      return t.notEnrolled;
    case 'up_to_date':
      return withAge && status.lastSyncAt ? t.upToDateAgo(timeAgoText(status.lastSyncAt, now)) : t.upToDate;
    case 'pending':
      return t.pending(status.pending);
    case 'offline':
      return t.offline(status.pending);
    case 'revoked':
      return t.revoked;
    case 'error':
      // The hub's own sentence when it gave one (sync-run.ts keeps it free of technical detail).
      return status.message?.trim() || t.error;
  }
}

/** Whether the state is one a teacher should act on (shown as a warning, not as plain news). */
export const needsAttention = (status: SyncStatusView): boolean => status.state === 'offline' || status.state === 'revoked' || status.state === 'error';
