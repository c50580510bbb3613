/**
 * Days as the school counts them: the calendar date on the machine's own clock (the process's time
 * zone; Node honours `TZ`), not the UTC date the timestamps are stored in. A local day is not
 * always 24 hours long (23 or 25 around a DST change), so day arithmetic goes through Date's local
 * getters and constructors, never through fixed millisecond steps.
 */

const MS_PER_DAY = 86_400_000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the local calendar date `instant` falls on. */
export function localDay(instant: Date): string {
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1, 2)}-${pad(instant.getDate(), 2)}`;
}

/** The first instant of a local date; out-of-range parts roll over (day 32 is the 1st of the next month). */
function localDayStart(year: number, monthIndex: number, date: number): Date {
  const start = new Date(year, monthIndex, date);
  // The constructor reads years 0..99 as 1900..1999.
  if (year < 100) start.setFullYear(year, monthIndex, date);
  // Where midnight itself is skipped by DST (e.g. America/Santiago), Date lands on the first
  // instant that exists, which is still the start of that local day.
  return start;
}

/** The instant the local day after the one `instant` falls on begins: later than every time of its day. */
export function startOfNextLocalDay(instant: Date): Date {
  return localDayStart(instant.getFullYear(), instant.getMonth(), instant.getDate() + 1);
}

/**
 * A `YYYY-MM-DD` calendar date as a whole number of days, so that consecutive dates differ by
 * exactly 1 whatever the time zone and its DST rules (the date is placed on the UTC axis, where
 * every day is 24 hours). NaN for a text that is not such a date.
 */
export function calendarDayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return Number.NaN;
  const utc = new Date(0);
  utc.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(utc.getTime() / MS_PER_DAY);
}
