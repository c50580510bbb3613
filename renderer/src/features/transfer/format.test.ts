import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayBoundary } from './format';

describe('dayBoundary', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes the teacher\'s local day: in Sydney 12 March runs from 13:00 UTC on the 11th to 12:59:59.999 UTC on the 12th', () => {
    vi.stubEnv('TZ', 'Australia/Sydney');
    expect(dayBoundary('2026-03-12', 'start')).toBe('2026-03-11T13:00:00.000Z');
    expect(dayBoundary('2026-03-12', 'end')).toBe('2026-03-12T12:59:59.999Z');
  });

  it('west of UTC the day starts later, and a 25-hour DST day ends an hour later', () => {
    vi.stubEnv('TZ', 'America/Santiago');
    expect(dayBoundary('2026-04-04', 'start')).toBe('2026-04-04T03:00:00.000Z');
    expect(dayBoundary('2026-04-04', 'end')).toBe('2026-04-05T03:59:59.999Z');
  });

  it('refuses what is not a real date', () => {
    expect(dayBoundary('2026-02-30', 'start')).toBeUndefined();
    expect(dayBoundary('12/03/2026', 'end')).toBeUndefined();
  });
});
