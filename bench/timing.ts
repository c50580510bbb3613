/** Small timing helpers: a monotonic clock, the median, and an optional GC between runs. */

export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds one call takes. */
export function timeSync(fn: () => unknown): number {
  const start = now();
  fn();
  return now() - start;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = now();
  await fn();
  return now() - start;
}

/** Runs a full GC when node was started with --expose-gc (npm run bench does), so one run's garbage does not land in the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
