import { describeLocalDayStreaks, useTimeZone } from './support/local-day-streaks';

// The farthest east (+14): most of a local day is the previous UTC date.
useTimeZone('Pacific/Kiritimati');

describeLocalDayStreaks({
  zone: 'Pacific/Kiritimati',
  offsets: { january: -840, july: -840 },
  // 10:00 UTC on 1 March is midnight starting 2 March local; 3 March begins at 10:00 UTC on the 2nd.
  sample: { instant: '2026-03-01T10:00:00.000Z', day: '2026-03-02', nextDayStarts: '2026-03-02T10:00:00.000Z' },
  propertyFrom: '2026-03-01T00:00:00.000Z',
});
