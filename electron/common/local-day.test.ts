import { describe, expect, it } from 'vitest';
import { calendarDayNumber, localDay, startOfNextLocalDay } from './local-day';

// In whatever zone the tests run in; tests/local-day-*.test.ts check chosen zones far from UTC.

describe('calendarDayNumber', () => {
  it('numbers calendar dates one apart, across months, leap days and years', () => {
    expect(calendarDayNumber('1970-01-01')).toBe(0);
    expect(calendarDayNumber('1970-01-02')).toBe(1);
    expect(calendarDayNumber('2024-03-01') - calendarDayNumber('2024-02-29')).toBe(1);
    expect(calendarDayNumber('2026-03-01') - calendarDayNumber('2026-02-28')).toBe(1);
    expect(calendarDayNumber('2026-01-01') - calendarDayNumber('2025-12-31')).toBe(1);
    expect(calendarDayNumber('0100-01-01') - calendarDayNumber('0099-12-31')).toBe(1);
  });

  it('is NaN for a text that is not a date', () => {
    expect(calendarDayNumber('2026-3-1')).toBeNaN();
    expect(calendarDayNumber('2026-03-01T00:00:00.000Z')).toBeNaN();
  });
});

describe('localDay and startOfNextLocalDay', () => {
  it('give the local date, and the next local midnight, after every time of the day', () => {
    for (const hour of [0, 7, 12, 15, 23]) {
      const t = new Date(2026, 2, 2, hour, 30);
      expect(localDay(t)).toBe('2026-03-02');
      const next = startOfNextLocalDay(t);
      expect(next.getTime()).toBe(new Date(2026, 2, 3).getTime());
      expect(localDay(next)).toBe('2026-03-03');
      expect(localDay(new Date(next.getTime() - 1))).toBe('2026-03-02');
    }
  });

  it('roll over month and year ends', () => {
    expect(localDay(startOfNextLocalDay(new Date(2026, 1, 28, 12)))).toBe('2026-03-01');
    expect(localDay(startOfNextLocalDay(new Date(2025, 11, 31, 12)))).toBe('2026-01-01');
  });

  it('keep years below 100 as they are (the Date constructor would read them as 19xx)', () => {
    const t = new Date(2000, 0, 1, 12);
    t.setFullYear(99, 11, 31);
    expect(localDay(t)).toBe('0099-12-31');
    expect(localDay(startOfNextLocalDay(t))).toBe('0100-01-01');
  });
});
