/** Pure scoring and ordering rules of the activities (no React), so they can be unit tested. */

export const clampScore = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** Correct answers out of all questions; a quiz left early counts the unanswered ones as not right. */
export const quizScore = (correct: number, total: number): number => (total <= 0 ? 0 : clampScore(correct / total));

/** Matched pairs over pairs plus mistakes: every wrong try lowers the score a little. */
export const gameScore = (matched: number, pairs: number, mistakes: number): number =>
  pairs + mistakes <= 0 ? 0 : clampScore(matched / (pairs + mistakes));

/**
 * The order of the right-hand column: the pair indices rotated by half the length, so it is the
 * same every time (no randomness to test around) and no answer sits beside its own clue.
 */
export function rightColumnOrder(pairs: number): number[] {
  const shift = pairs > 1 ? Math.floor(pairs / 2) : 0;
  return Array.from({ length: pairs }, (_, i) => (i + shift) % pairs);
}

export const elapsedMs = (since: number): number => Math.max(0, Math.round(Date.now() - since));
