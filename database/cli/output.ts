/** Where passwords and PINs come from: a pipe, a file, or a terminal (then typed without echo). */
export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** Where a command writes (and reads secrets from); injected so tests and the packaged app can capture it. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Defaults to process.stdin: bin/dala.cjs passes none, and only `--password-stdin`/`--pin-stdin` read it. */
  stdin?: CliInput;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
}

/** A plain aligned table: the first row is the header. */
export function formatTable(rows: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? String(cell) : String(cell).padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
