import { describeLocalDayStreaks, useTimeZone } from './support/local-day-streaks';

// West of UTC (-10 all year, no DST).
useTimeZone('Pacific/Honolulu');

describeLocalDayStreaks({
  zone: 'Pacific/Honolulu',
  offsets: { january: 600, july: 600 },
  // 09:30 UTC on 2 March is 23:30 on 1 March local; 2 March begins at 10:00 UTC.
  sample: { instant: '2026-03-02T09:30:00.000Z', day: '2026-03-01', nextDayStarts: '2026-03-02T10:00:00.000Z' },
  propertyFrom: '2026-03-01T00:00:00.000Z',
});
