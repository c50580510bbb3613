import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoStatus } from './dto';
import { advanceLoProgress, STATUS_RANK, statusFromAttempt, type LoProgressUpdate } from './lo-progress-rules';
import type { LoProgress } from './profile';

const T1 = '2026-03-02T09:00:00.000Z';
const T2 = '2026-03-02T10:00:00.000Z';
const T3 = '2026-03-02T11:00:00.000Z';

const progress = (fields: Partial<LoProgress>): LoProgress => ({
  loId: 'MATH_LO_001',
  status: 'in_progress',
  startedAt: T1,
  completedAt: null,
  score: null,
  details: null,
  ...fields,
});

describe('advanceLoProgress: change kinds', () => {
  it('a first update starts the objective, or completes it at once', () => {
    expect(advanceLoProgress('MATH_LO_001', undefined, { status: 'in_progress', score: 0.4 }, T1)).toEqual({
      next: progress({ score: 0.4 }),
      change: 'started',
    });
    expect(advanceLoProgress('MATH_LO_001', undefined, { status: 'completed', score: 0.9 }, T1)).toEqual({
      next: progress({ status: 'completed', completedAt: T1, score: 0.9 }),
      change: 'completed',
    });
  });

  it('in progress → completed is "completed", keeping the start and taking the completion time', () => {
    const { next, change } = advanceLoProgress('MATH_LO_001', progress({ score: 0.4 }), { status: 'completed', score: 0.8 }, T2);
    expect(change).toBe('completed');
    expect(next).toEqual(progress({ status: 'completed', startedAt: T1, completedAt: T2, score: 0.8 }));
  });

  it('a better score, a higher status or new details is "improved"', () => {
    expect(advanceLoProgress('MATH_LO_001', progress({ score: 0.4 }), { status: 'in_progress', score: 0.5 }, T2).change).toBe('improved');
    expect(advanceLoProgress('MATH_LO_001', progress({ status: 'not_started' }), { status: 'in_progress' }, T2).change).toBe('improved');
    expect(advanceLoProgress('MATH_LO_001', progress({ details: { a: 1 } }), { status: 'in_progress', details: { a: 2 } }, T2)).toMatchObject({
      change: 'improved',
      next: { details: { a: 2 } },
    });
    expect(advanceLoProgress('MATH_LO_001', progress({ score: null }), { status: 'in_progress', score: 0 }, T2)).toMatchObject({ change: 'improved', next: { score: 0 } });
  });

  it('the same or a worse update is "unchanged" and returns the existing progress', () => {
    const done = progress({ status: 'completed', completedAt: T2, score: 0.9, details: { a: 1 } });
    for (const update of [
      { status: 'completed', score: 0.9 },
      { status: 'completed', score: 0.5 },
      { status: 'in_progress', score: 0.1 },
      { status: 'not_started' },
      { status: 'completed', details: { a: 1 } },
    ] as LoProgressUpdate[]) {
      expect(advanceLoProgress('MATH_LO_001', done, update, T3)).toEqual({ next: done, change: 'unchanged' });
    }
  });

  it('a completion keeps a valid order even when the clock went back since the start', () => {
    const { next } = advanceLoProgress('MATH_LO_001', progress({ startedAt: T3 }), { status: 'completed', score: 1 }, T1);
    expect(next.startedAt).toBe(T3);
    expect((next.completedAt ?? '') >= next.startedAt).toBe(true);
  });
});

describe('advanceLoProgress never regresses (property)', () => {
  const status = fc.constantFrom<LoStatus>('not_started', 'in_progress', 'completed');
  const score = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
  const update = fc.record({ status, score });
  const minute = (n: number) => new Date(Date.UTC(2026, 2, 2, 9, n)).toISOString();

  it('status rank, best score, start and first completion only ever move forward', () => {
    fc.assert(
      fc.property(fc.array(update, { minLength: 1, maxLength: 12 }), (updates) => {
        let current: LoProgress | undefined;
        updates.forEach((u, i) => {
          const { next, change } = advanceLoProgress('LO', current, u, minute(i));
          if (current) {
            expect(STATUS_RANK[next.status]).toBeGreaterThanOrEqual(STATUS_RANK[current.status]);
            expect(next.startedAt).toBe(current.startedAt);
            if (current.score !== null) expect(next.score).toBeGreaterThanOrEqual(current.score);
            if (current.completedAt !== null) expect(next.completedAt).toBe(current.completedAt);
            if (change === 'unchanged') expect(next).toEqual(current);
          }
          expect(next.completedAt !== null).toBe(next.status === 'completed');
          current = next;
        });
        const best = updates.map((u) => u.score).filter((s): s is number => s !== null);
        expect(current?.score).toBe(best.length ? Math.max(...best) : null);
      }),
    );
  });
});

describe('statusFromAttempt', () => {
  it('completes only a finished attempt whose score reaches the threshold', () => {
    expect(statusFromAttempt(true, 0.8, 0.8)).toBe('completed');
    expect(statusFromAttempt(true, 1, 0.8)).toBe('completed');
    expect(statusFromAttempt(true, 0.79, 0.8)).toBe('in_progress');
    expect(statusFromAttempt(false, 1, 0.8)).toBe('in_progress');
    expect(statusFromAttempt(true, null, 0.8)).toBe('in_progress');
    expect(statusFromAttempt(true, undefined, 0)).toBe('in_progress');
    expect(statusFromAttempt(true, 0, 0)).toBe('completed');
  });
});
