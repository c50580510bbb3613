import { describe, expect, it } from 'vitest';
import { copiesToKeep, RETENTION } from './retention';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const copy = (hoursAgo: number) => ({ id: `c${hoursAgo}`, createdAt: new Date(NOW.getTime() - hoursAgo * 3_600_000) });

describe('copiesToKeep', () => {
  it('keeps every copy of the last 24 hours, at most 48', () => {
    const halfHourly = Array.from({ length: 60 }, (_, i) => ({ id: `h${i}`, createdAt: new Date(NOW.getTime() - i * 1_800_000) }));
    const kept = copiesToKeep(halfHourly, NOW);
    for (let i = 0; i < 48; i++) expect(kept.has(`h${i}`), `h${i}`).toBe(true);
    // Past 24 hours, one a day: h48..h59 fall on the previous day(s), the newest of them stays.
    expect([...kept].filter((id) => Number(id.slice(1)) >= 48).length).toBeLessThanOrEqual(2);
  });

  it('then one a day for 14 days, one a week for 8 weeks, one a month for 12 months, and nothing older', () => {
    const hourly = Array.from({ length: 24 * 500 }, (_, i) => copy(i));
    const kept = [...copiesToKeep(hourly, NOW)].map((id) => Number(id.slice(1))).sort((a, b) => a - b);
    const ageDays = kept.map((h) => h / 24);
    expect(ageDays.filter((d) => d < 1)).toHaveLength(24);
    const days = ageDays.filter((d) => d >= 1 && d < RETENTION.days);
    expect(days.length).toBeGreaterThanOrEqual(12);
    expect(days.length).toBeLessThanOrEqual(14);
    const weeks = ageDays.filter((d) => d >= RETENTION.days && d < RETENTION.weeks * 7);
    expect(weeks.length).toBeGreaterThanOrEqual(5);
    expect(weeks.length).toBeLessThanOrEqual(7);
    const months = ageDays.filter((d) => d >= RETENTION.weeks * 7);
    expect(months.length).toBeGreaterThanOrEqual(9);
    expect(months.length).toBeLessThanOrEqual(12);
    expect(Math.max(...ageDays)).toBeLessThan(12 * 31);
    expect(kept.length).toBeLessThan(70);
  });

  it('keeps the newest copy of a day, week or month, not an older one', () => {
    const kept = copiesToKeep([copy(30), copy(31), copy(40)], NOW);
    expect(kept.has('c30')).toBe(true);
    expect(kept.has('c31')).toBe(false);
  });

  it('is stable: pruning what it drops and asking again keeps the same copies', () => {
    const hourly = Array.from({ length: 24 * 100 }, (_, i) => copy(i * 3));
    const first = copiesToKeep(hourly, NOW);
    const second = copiesToKeep(hourly.filter((c) => first.has(c.id)), NOW);
    expect([...second].sort()).toEqual([...first].sort());
  });
});
