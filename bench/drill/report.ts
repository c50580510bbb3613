/** One drill: how many trials it ran, and every loss (a trial whose outcome broke a promise). */
export interface DrillResult {
  name: string;
  tried: number;
  losses: string[];
  /** One line on what the trials covered and how they ended. */
  detail: string;
}

export function printResult(result: DrillResult, out: (line: string) => void): void {
  const survived = result.tried - result.losses.length;
  out(`${result.losses.length === 0 ? 'ok  ' : 'LOSS'} ${result.name}: ${result.tried} tried, ${survived} survived — ${result.detail}`);
  for (const loss of result.losses.slice(0, 20)) out(`       loss: ${loss}`);
  if (result.losses.length > 20) out(`       … and ${result.losses.length - 20} more`);
}
