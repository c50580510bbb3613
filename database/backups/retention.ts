import { localDay } from '../../electron/common/local-day';

/**
 * Which automatic backup copies to keep (Anki's and Actual's idea): every copy of the last 24
 * hours (at most 48), then the newest copy of each day for 14 days, of each week for 8 weeks and
 * of each month for 12 months. Days, weeks and months are the machine's local ones.
 */
export const RETENTION = { recentHours: 24, recentMax: 48, days: 14, weeks: 8, months: 12 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Monday of the local week `date` falls in, as `YYYY-MM-DD`. */
function localWeek(date: Date): string {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  return localDay(monday);
}

export function copiesToKeep<T extends { id: string; createdAt: Date }>(copies: readonly T[], now: Date): Set<string> {
  const newestFirst = [...copies].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const seen = { day: new Set<string>(), week: new Set<string>(), month: new Set<string>() };
  let recent = 0;
  for (const copy of newestFirst) {
    const age = now.getTime() - copy.createdAt.getTime();
    const day = localDay(copy.createdAt);
    const week = localWeek(copy.createdAt);
    const month = day.slice(0, 7);
    let kept = false;
    if (age < RETENTION.recentHours * HOUR && recent < RETENTION.recentMax) {
      recent++;
      kept = true;
    } else if (age < RETENTION.days * DAY && !seen.day.has(day)) kept = true;
    else if (age < RETENTION.weeks * 7 * DAY && !seen.week.has(week)) kept = true;
    else if (age < RETENTION.months * 31 * DAY && !seen.month.has(month)) kept = true;
    // A copy kept for any reason stands for its day, week and month: older ones of the same
    // period are not needed for them.
    if (kept) {
      keep.add(copy.id);
      seen.day.add(day);
      seen.week.add(week);
      seen.month.add(month);
    }
  }
  return keep;
}
