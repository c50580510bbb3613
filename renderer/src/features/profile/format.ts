/**
 * Number and date formatting for the report, with the platform's Intl only (no date library).
 * `undefined` as the locale means the computer's own, so a school sees dates the way it writes them.
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const secondsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

const validDate = (iso: string): Date | null => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

export function formatDate(iso: string): string {
  const d = validDate(iso);
  return d ? dateFormat.format(d) : iso;
}

export function formatDateTime(iso: string): string {
  const d = validDate(iso);
  return d ? dateTimeFormat.format(d) : iso;
}

/** A 0..1 share as a whole percentage ("85%"). */
export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

/** Milliseconds as seconds with at most one decimal ("42.5"). */
export function formatSeconds(ms: number): string {
  return secondsFormat.format(ms / 1000);
}
