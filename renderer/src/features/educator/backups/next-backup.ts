import type { AutomaticBackupStatusView } from '../../../../../electron/common/transfer-views';
import { text } from '../../../i18n';
import { formatDateTime } from '../../transfer/format';

const t = text.educator.backups;

/**
 * When the next copy is due, as the schedule decides it (database/backups/backup-schedule.ts):
 * once something has changed and the interval has passed since the last copy (or since DALA started).
 */
export function nextBackupText(status: AutomaticBackupStatusView, now: number = Date.now()): string {
  if (!status.enabled) return t.nextDueOff;
  const last = status.lastCopy ? Date.parse(status.lastCopy.createdAt) : Number.NaN;
  if (Number.isNaN(last)) return t.nextDueFirst(status.intervalMinutes);
  const due = last + status.intervalMinutes * 60_000;
  return due <= now ? t.nextDueAtChange : t.nextDueAt(formatDateTime(new Date(due).toISOString()));
}
