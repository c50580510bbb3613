import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampScore, gameScore, quizScore, rightColumnOrder } from './scoring';

describe('activity scoring', () => {
  it('scores a quiz as correct answers over all questions', () => {
    expect(quizScore(4, 4)).toBe(1);
    expect(quizScore(3, 4)).toBe(0.75);
    expect(quizScore(1, 4)).toBe(0.25); // left early after one right answer
    expect(quizScore(0, 0)).toBe(0);
  });

  it('scores a game as pairs over pairs plus mistakes, within 0..1', () => {
    expect(gameScore(5, 5, 0)).toBe(1);
    expect(gameScore(5, 5, 1)).toBeCloseTo(5 / 6);
    expect(gameScore(0, 5, 0)).toBe(0);
    expect(gameScore(0, 0, 0)).toBe(0);
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(100), (matched, pairs, mistakes) => {
        const s = gameScore(Math.min(matched, pairs), pairs, mistakes);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('clamps anything odd into 0..1', () => {
    expect([clampScore(-1), clampScore(2), clampScore(Number.NaN), clampScore(0.5)]).toEqual([0, 1, 0, 0.5]);
  });

  it('orders the answer column as a fixed rotation where no answer sits beside its clue', () => {
    expect(rightColumnOrder(5)).toEqual([2, 3, 4, 0, 1]);
    expect(rightColumnOrder(1)).toEqual([0]);
    for (let n = 2; n <= 8; n++) {
      const order = rightColumnOrder(n);
      expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      order.forEach((pairIndex, row) => expect(pairIndex).not.toBe(row));
      expect(rightColumnOrder(n)).toEqual(order);
    }
  });
});
