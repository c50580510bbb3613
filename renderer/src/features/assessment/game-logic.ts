import type { DiagnosticTask, GamePiece } from '../../../../electron/common/content/schemas';

/** Pure rules of the diagnostic games, kept apart from the screens so they are easy to test. */

export type StoryTask = Extract<DiagnosticTask, { kind: 'story_sequencing' }>;
export type PatternTask = Extract<DiagnosticTask, { kind: 'pattern_completion' }>;
export type MemoryTask = Extract<DiagnosticTask, { kind: 'memory_span' }>;

/**
 * What a finished game saves as its cognitive metric. `accuracy` is 0..1, `attempts` counts the
 * learner's answers (checks, picks or tries), `time_ms` is measured with performance.now().
 */
export interface GameMetrics {
  accuracy: number;
  attempts: number;
  time_ms: number;
  rounds: number;
  [detail: string]: number;
}

export const ratio = (part: number, whole: number): number => (whole <= 0 ? 0 : Math.min(1, Math.max(0, part / whole)));
export const elapsedSince = (start: number): number => Math.max(0, Math.round(performance.now() - start));

// ---- story sequencing -------------------------------------------------------------------------

/** A learner gets this many checks per story before the right order is shown. */
export const STORY_CHECKS_PER_ROUND = 2;

/**
 * The order a story starts in: deterministic (so tests and screenshots are stable) and never
 * already right: even rounds reversed, odd rounds rotated by one.
 */
export function storyStartOrder<T>(items: readonly T[], round: number): T[] {
  if (round % 2 === 0) return [...items].reverse();
  return [...items.slice(1), ...items.slice(0, 1)];
}

export function placedCorrectly(order: readonly string[], correct: readonly string[]): number {
  return order.filter((id, i) => correct[i] === id).length;
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

// ---- pattern completion ----------------------------------------------------------------------

/**
 * What a pattern item shows: one of the task's pieces (a picture with its name), or a number as
 * text. The schema lets an item be nothing else.
 */
export function patternPiece(task: PatternTask, item: string): GamePiece | null {
  return task.pieces.find((p) => p.icon === item) ?? null;
}

/** An item in words, for screen readers and the game's messages: "red circle", "10". */
export function patternItemName(task: PatternTask, item: string): string {
  return patternPiece(task, item)?.name ?? item;
}

// ---- memory span ------------------------------------------------------------------------------

/** Misses at one length that end the game. */
export const MEMORY_MISSES_TO_END = 2;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The symbols to remember on a try: deterministic per try, and without repeats while the length
 * fits the symbol set (a stride co-prime with the set's size visits each symbol once).
 */
export function memorySequence<T>(symbols: readonly T[], length: number, tryIndex: number): T[] {
  const n = symbols.length;
  const stride = [3, 5, 7, 11].find((s) => gcd(s, n) === 1) ?? 1;
  const offset = (tryIndex * 3) % n;
  return Array.from({ length }, (_, i) => symbols[(offset + i * stride) % n]).filter((s): s is T => s !== undefined);
}

/** A try is right when every tap is the symbol shown at that place. */
export const sameSymbols = (taps: readonly GamePiece[], shown: readonly GamePiece[]): boolean =>
  taps.length === shown.length && taps.every((s, i) => s.icon === shown[i]?.icon);

export interface MemoryScore {
  length: number;
  missesAtLength: number;
  tries: number;
  correct: number;
  span: number;
  ended: boolean;
}

export const memoryStart = (task: MemoryTask): MemoryScore => ({
  length: task.startLength,
  missesAtLength: 0,
  tries: 0,
  correct: 0,
  span: 0,
  ended: false,
});

/** Scores one try: right → one symbol longer (up to maxLength); two misses at a length → the end. */
export function scoreMemoryTry(score: MemoryScore, task: MemoryTask, right: boolean): MemoryScore {
  const tries = score.tries + 1;
  if (right) {
    const span = Math.max(score.span, score.length);
    const ended = score.length >= task.maxLength;
    return { length: ended ? score.length : score.length + 1, missesAtLength: 0, tries, correct: score.correct + 1, span, ended };
  }
  const missesAtLength = score.missesAtLength + 1;
  return { ...score, tries, missesAtLength, ended: missesAtLength >= MEMORY_MISSES_TO_END };
}

/** How long the symbols stay on screen before they hide by themselves ("I'm ready" hides them sooner). */
export const memoryShowMs = (length: number): number => 2000 + 1000 * length;
