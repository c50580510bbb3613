import { startOfNextLocalDay } from '../../../../electron/common/local-day';
import type { TableChangesView } from '../../../../electron/common/transfer-views';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2026, 10:32" in the computer's own style; the text itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat.format(new Date(time));
}

/** "3 new, 2 updated, 0 conflicts" (and "1 removed" when rows go), as the CLI says it. */
export function changesText(t: TableChangesView): string {
  const parts = [`${t.added} new`, `${t.updated} updated`, `${t.conflicts} ${t.conflicts === 1 ? 'conflict' : 'conflicts'}`];
  if (t.removed > 0) parts.push(`${t.removed} removed`);
  return parts.join(', ');
}

/**
 * A date field's "2026-03-12" as the first or the last millisecond of that day on this computer's
 * clock (the teacher's day, not UTC's), as the UTC time the filters compare.
 */
export function dayBoundary(day: string, end: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d);
  if (start.getFullYear() !== y || start.getMonth() !== m - 1 || start.getDate() !== d) return undefined;
  return end === 'start' ? start.toISOString() : new Date(startOfNextLocalDay(start).getTime() - 1).toISOString();
}
