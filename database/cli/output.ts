import type { CommandOutput } from '../../command-line/output';

export { formatTable, printJson, printLines } from '../../command-line/output';

/** Where passwords and PINs come from: a pipe, a file, or a terminal (then typed without echo). */
export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** Where a command writes (and reads secrets from); injected so tests and the packaged app can capture it. */
export interface CliIo extends CommandOutput {
  /** Defaults to process.stdin: bin/dala.cjs passes none, and only `--password-stdin`/`--pin-stdin` read it. */
  stdin?: CliInput;
}
