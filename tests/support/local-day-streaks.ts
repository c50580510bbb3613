import { afterAll, describe, expect, it } from 'vitest';
import { longestDayStreak } from '../../electron/common/badge-rules';
import { localDay, startOfNextLocalDay } from '../../electron/common/local-day';
import type { AddActivityAttemptInput } from '../../electron/common/dto';
import type { BadgesAwarded } from '../../electron/common/profile';
import { openManager, testClock, useTempDirs } from '../../database/test-support/temp-database';
import { checkAwardsMatchFullFacts } from './badge-facts-property';

/**
 * Streaks counted in the machine's local days, checked in one time zone per test file: Node reads
 * `TZ` again whenever process.env.TZ is assigned, and vitest runs each file in its own fork.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Puts this test file in `zone` now (at collection, before any test reads a date) and restores the
 * zone afterwards in case the fork is reused. Call it at the top of the file.
 */
export function useTimeZone(zone: string): void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}

export interface ZoneCase {
  zone: string;
  /** Date#getTimezoneOffset() (minutes, UTC minus local) on 15 January and 15 July 2026. */
  offsets: { january: number; july: number };
  /** One instant worked out by hand: its local date and the UTC instant the next local day begins. */
  sample: { instant: string; day: string; nextDayStarts: string };
  /** Local dates that are not 24 hours long (DST changes), with their length. */
  dstDays?: ReadonlyArray<{ day: string; hours: 23 | 25 }>;
  /** Where random histories (13 days) start for the badge-facts property: across a DST change where there is one. */
  propertyFrom: string;
}

const parts = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 0, (m ?? 1) - 1, d ?? 1];
};
/** The UTC time of a local wall-clock time (test fixture; the code under test has its own arithmetic). */
const localAt = (day: string, hour: number, minute = 0): string => {
  const [y, m, d] = parts(day);
  return new Date(y, m, d, hour, minute).toISOString();
};
const dayStartMs = (day: string, offsetDays = 0): number => {
  const [y, m, d] = parts(day);
  return new Date(y, m, d + offsetDays).getTime();
};
const utcDay = (iso: string): string => iso.slice(0, 10);
const plusMs = (ms: number): string => new Date(ms).toISOString();
/** The calendar date `n` days after `day` (pure date arithmetic on the UTC axis). */
const dateAfter = (day: string, n: number): string => {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m, d + n)).toISOString().slice(0, 10);
};
/** The UTC midnight that falls inside local `day` (every zone but UTC's own has one). */
const utcMidnightWithin = (day: string): number => {
  const start = dayStartMs(day);
  const midnight = Math.ceil(start / DAY) * DAY;
  expect(midnight, `a UTC midnight inside ${day}`).toBeGreaterThan(start + HOUR);
  expect(midnight).toBeLessThan(dayStartMs(day, 1) - HOUR);
  return midnight;
};

export function describeLocalDayStreaks(c: ZoneCase): void {
  const dirs = useTempDirs();
  const ids = (result: BadgesAwarded) => result.badgesAwarded.map((b) => b.badgeId);

  async function learner() {
    const fixture = await openManager(dirs, testClock('2026-01-05T00:00:00.000Z', 0));
    const learnerId = fixture.manager.createLearnerProfile({ displayName: 'Ada' }).id;
    /** Records an attempt at `iso` and returns the badges it awarded. */
    const attemptAt = (iso: string, fields: Partial<AddActivityAttemptInput> = {}): string[] => {
      fixture.clock.set(iso);
      return ids(fixture.manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'act', activityType: 'quiz', completed: true, score: 0.1, ...fields }));
    };
    const storedUtcDays = (): string[] =>
      (fixture.sqlite.prepare('SELECT DISTINCT substr(attempt_timestamp, 1, 10) AS d FROM activity_attempts WHERE learner_id = ? ORDER BY d').all(learnerId) as Array<{ d: string }>).map((r) => r.d);
    return { ...fixture, learnerId, attemptAt, storedUtcDays };
  }

  describe(`local days in ${c.zone}`, () => {
    it('the zone is in effect, and local dates and next-day starts are the ones worked out by hand', () => {
      expect(new Date('2026-01-15T12:00:00.000Z').getTimezoneOffset()).toBe(c.offsets.january);
      expect(new Date('2026-07-15T12:00:00.000Z').getTimezoneOffset()).toBe(c.offsets.july);
      expect(localDay(new Date(c.sample.instant))).toBe(c.sample.day);
      expect(startOfNextLocalDay(new Date(c.sample.instant)).toISOString()).toBe(c.sample.nextDayStarts);
      // The next day starts just after the last millisecond of this one, and that millisecond is still this day.
      const lastMs = new Date(Date.parse(c.sample.nextDayStarts) - 1);
      expect(localDay(lastMs)).toBe(c.sample.day);
      expect(localDay(new Date(c.sample.nextDayStarts))).toBe(dateAfter(c.sample.day, 1));
    });

    it('07:00 and 15:00 local on consecutive local days are two consecutive days', () => {
      const times = [localAt('2026-03-09', 7), localAt('2026-03-10', 15)];
      const days = times.map((t) => localDay(new Date(t)));
      expect(days).toEqual(['2026-03-09', '2026-03-10']);
      expect(longestDayStreak(days)).toBe(2);
    });

    it('a three-day local streak (07:00, 15:00, 07:00) awards three_day_streak on the third day, not before', async () => {
      const { attemptAt, storedUtcDays } = await learner();
      expect(attemptAt(localAt('2026-03-09', 7))).toEqual([]);
      expect(attemptAt(localAt('2026-03-10', 15))).toEqual([]);
      expect(attemptAt(localAt('2026-03-11', 7))).toEqual(['three_day_streak']);
      // Far from UTC these three times do not make three consecutive UTC days: counting UTC days would miss it.
      if (Math.abs(c.offsets.january) >= 9 * 60) expect(longestDayStreak(storedUtcDays())).toBeLessThan(3);
    });

    it('attempts on one local day that straddle UTC midnight are one day, and a UTC-only streak awards nothing', async () => {
      const { attemptAt, storedUtcDays } = await learner();
      const midnight = utcMidnightWithin('2026-03-16');
      const before = plusMs(midnight - HOUR);
      const after = plusMs(midnight + HOUR);
      expect(utcDay(before)).not.toBe(utcDay(after));
      expect([localDay(new Date(before)), localDay(new Date(after))]).toEqual(['2026-03-16', '2026-03-16']);
      expect(attemptAt(before)).toEqual([]);
      expect(attemptAt(after)).toEqual([]);
      // The next local day, after its own UTC midnight: three consecutive UTC days, two local ones.
      expect(attemptAt(plusMs(utcMidnightWithin('2026-03-17') + HOUR))).toEqual([]);
      expect(longestDayStreak(storedUtcDays())).toBe(3);
      // A third local day makes the streak.
      expect(attemptAt(localAt('2026-03-18', 12))).toEqual(['three_day_streak']);
    });

    it(`awards exactly what the full facts (local days by Intl) award, for random histories from ${c.propertyFrom}`, async () => {
      const database = await dirs.open();
      database.sqlite.pragma('synchronous = OFF');
      checkAwardsMatchFullFacts(database, { numRuns: 150, start: c.propertyFrom });
    });

    for (const dst of c.dstDays ?? []) {
      it(`a streak across the ${dst.hours}-hour day ${dst.day} (a DST change) counts, each of its hours on that day`, async () => {
        const start = dayStartMs(dst.day);
        const end = dayStartMs(dst.day, 1);
        expect((end - start) / HOUR).toBe(dst.hours);
        const firstHalfHour = plusMs(start + HOUR / 2);
        const lastHalfHour = plusMs(end - HOUR / 2);
        expect([localDay(new Date(firstHalfHour)), localDay(new Date(lastHalfHour))]).toEqual([dst.day, dst.day]);
        expect(startOfNextLocalDay(new Date(firstHalfHour)).getTime()).toBe(end);
        const days = [dateAfter(dst.day, -1), dst.day, dateAfter(dst.day, 1)];
        expect(longestDayStreak(days)).toBe(3);

        // Stepping 24 hours from the day's start would land inside the 25-hour day (seeing it twice)
        // or past the start of the day after a 23-hour one (skipping its first hour); the seek must do neither.
        const { attemptAt } = await learner();
        expect(attemptAt(localAt(days[0] ?? '', 12))).toEqual([]);
        expect(attemptAt(firstHalfHour)).toEqual([]);
        expect(attemptAt(lastHalfHour)).toEqual([]);
        expect(attemptAt(plusMs(end + HOUR / 2))).toEqual(['three_day_streak']);
      });
    }
  });
}
