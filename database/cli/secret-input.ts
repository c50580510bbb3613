import readline from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './arguments';
import type { CliInput, CliIo } from './output';

/**
 * Reads the first line of `input`. On a terminal the line is typed without echo: readline runs in
 * terminal mode (raw input) but writes its echo into a stream that drops it.
 */
function firstLine(input: CliInput, terminal: boolean): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
    const rl = readline.createInterface({ input, output: terminal ? muted : undefined, terminal });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      input.removeListener('error', onError);
      outcome();
      rl.close();
    };
    const onError = (error: Error) => finish(() => reject(error));
    rl.once('line', (line) => finish(() => resolve(line)));
    rl.once('close', () => finish(() => resolve(undefined)));
    // Ctrl-C while typing: in raw mode readline gets it instead of the process.
    rl.once('SIGINT', () => finish(() => reject(new UsageError('cancelled; nothing was changed.'))));
    input.once('error', onError);
  });
}

/**
 * One secret line from stdin for `flag` (`--password-stdin`, `--pin-stdin`). Only the line break is
 * removed, so spaces inside or around a password stay part of it. An empty line (or no input at
 * all, as under cron without a pipe) is a usage error: nothing has been opened yet.
 */
export async function readSecretLine(io: CliIo, what: string, flag: string, usage: string): Promise<string> {
  const input = io.stdin ?? process.stdin;
  const terminal = input.isTTY === true;
  if (terminal) io.stderr.write(`${what[0]?.toUpperCase()}${what.slice(1)} (not shown): `);
  let line: string | undefined;
  try {
    line = await firstLine(input, terminal);
  } finally {
    // The typed line was not echoed, so end the prompt's line ourselves (also after Ctrl-C).
    if (terminal) io.stderr.write('\n');
  }
  if (line === undefined || line === '')
    throw new UsageError(`${flag} read an empty ${what} from stdin; pipe it in, e.g. read -rs P && printf '%s\\n' "$P" | dala …, or ${flag} < file. Usage: ${usage}`);
  return line;
}
