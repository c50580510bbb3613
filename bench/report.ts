/**
 * One bench line. `ratio` is ours / raw: for times lower is better, for rows per second higher is
 * better; lines with an absolute budget (a stall, a size, a time in the browser) have no raw side.
 */
export interface BenchResult {
  name: string;
  ours: number;
  raw: number | null;
  unit: string;
  ratio: number | null;
  budget: string;
  pass: boolean;
}

export type Budget =
  | { kind: 'ratio-at-most'; limit: number }
  | { kind: 'ratio-at-least'; limit: number }
  | { kind: 'at-most'; limit: number }
  | { kind: 'below'; limit: number }
  | { kind: 'reported' }
  /** Reported with its ratio to raw, no budget. */
  | { kind: 'reported-ratio' };

function describe(budget: Budget, unit: string): string {
  switch (budget.kind) {
    case 'ratio-at-most':
      return `ratio ≤ ${budget.limit}`;
    case 'ratio-at-least':
      return `ratio ≥ ${budget.limit}`;
    case 'at-most':
      return `≤ ${budget.limit} ${unit}`;
    case 'below':
      return `< ${budget.limit} ${unit}`;
    case 'reported':
    case 'reported-ratio':
      return 'reported';
  }
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000);

/**
 * `pairedRatio`, when given, is the ratio to use instead of ours / raw: the median of the ratios of
 * runs made side by side (each of ours next to a raw one), which a shared machine's changing load
 * disturbs far less than a ratio of two medians.
 */
export function result(name: string, ours: number, raw: number | null, unit: string, budget: Budget, pairedRatio?: number): BenchResult {
  // Absolute budgets may still show a raw reference (e.g. the idle machine), without a ratio.
  const ratio = raw === null || !['ratio-at-most', 'ratio-at-least', 'reported-ratio'].includes(budget.kind) ? null : (pairedRatio ?? ours / raw);
  let pass: boolean;
  switch (budget.kind) {
    case 'ratio-at-most':
      pass = ratio !== null && ratio <= budget.limit;
      break;
    case 'ratio-at-least':
      pass = ratio !== null && ratio >= budget.limit;
      break;
    case 'at-most':
      pass = ours <= budget.limit;
      break;
    case 'below':
      pass = ours < budget.limit;
      break;
    case 'reported':
    case 'reported-ratio':
      pass = true;
      break;
  }
  if (!Number.isFinite(ours) || (raw !== null && !Number.isFinite(raw))) pass = false;
  return { name, ours: round(ours), raw: raw === null ? null : round(raw), unit, ratio: ratio === null ? null : Math.round(ratio * 100) / 100, budget: describe(budget, unit), pass };
}

/** A failed measurement is a failed line, with the reason in its name, rather than a crashed run. */
export function failed(name: string, unit: string, budget: Budget, error: unknown): BenchResult {
  const reason = error instanceof Error ? error.message : String(error);
  return { name: `${name} (failed: ${reason.split('\n')[0]?.slice(0, 120)})`, ours: Number.NaN, raw: null, unit, ratio: null, budget: describe(budget, unit), pass: false };
}

const fmt = (n: number | null) => (n === null ? '-' : Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: n >= 100 ? 0 : 2 }));

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['operation', 'ours', 'raw', 'ratio', 'budget', 'verdict'];
  const rows = results.map((r) => [r.name, `${fmt(r.ours)} ${r.unit}`, r.raw === null ? '-' : `${fmt(r.raw)} ${r.unit}`, r.ratio === null ? '-' : `${fmt(r.ratio)}`, r.budget, r.pass ? 'pass' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
