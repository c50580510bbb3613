import { describeLocalDayStreaks, useTimeZone } from './support/local-day-streaks';

// Far west (-11): most of a local day is the next UTC date.
useTimeZone('Pacific/Pago_Pago');

describeLocalDayStreaks({
  zone: 'Pacific/Pago_Pago',
  offsets: { january: 660, july: 660 },
  // The last millisecond of 1 March local is 10:59:59.999 UTC on the 2nd; 2 March begins at 11:00 UTC.
  sample: { instant: '2026-03-02T10:59:59.999Z', day: '2026-03-01', nextDayStarts: '2026-03-02T11:00:00.000Z' },
  propertyFrom: '2026-03-01T00:00:00.000Z',
});
