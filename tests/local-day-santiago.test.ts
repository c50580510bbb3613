import { describeLocalDayStreaks, useTimeZone } from './support/local-day-streaks';

// West of UTC (-3 in summer, -4 in winter), where DST changes at midnight: in April 23:00-24:00 on
// the 4th happens twice, and in September 6 September has no 00:00 (its day starts at 01:00).
useTimeZone('America/Santiago');

describeLocalDayStreaks({
  zone: 'America/Santiago',
  offsets: { january: 180, july: 240 },
  // The last millisecond of 5 September (-4); 6 September begins at 01:00 -3, which is 04:00 UTC.
  sample: { instant: '2026-09-06T03:59:59.999Z', day: '2026-09-05', nextDayStarts: '2026-09-06T04:00:00.000Z' },
  dstDays: [
    { day: '2026-04-04', hours: 25 },
    { day: '2026-09-06', hours: 23 },
  ],
  propertyFrom: '2026-08-30T00:00:00.000Z',
});
