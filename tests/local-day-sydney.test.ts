import { describeLocalDayStreaks, useTimeZone } from './support/local-day-streaks';

// East of UTC (+11 in summer, +10 in winter), with a 25-hour day in April and a 23-hour one in October.
useTimeZone('Australia/Sydney');

describeLocalDayStreaks({
  zone: 'Australia/Sydney',
  offsets: { january: -660, july: -600 },
  // 07:00 on 2 March local is 20:00 on 1 March UTC; 3 March begins at 13:00 UTC on the 2nd.
  sample: { instant: '2026-03-01T20:00:00.000Z', day: '2026-03-02', nextDayStarts: '2026-03-02T13:00:00.000Z' },
  dstDays: [
    { day: '2026-04-05', hours: 25 },
    { day: '2026-10-04', hours: 23 },
  ],
  propertyFrom: '2026-03-29T00:00:00.000Z',
});
