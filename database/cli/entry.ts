import { runCli } from './main';

/**
 * The `dala` process around runCli: the terminal's streams, the exit code, and one line (never a
 * stack trace) for a failure nobody expected. Used by bin/dala.cjs (Node, from the bundle) and by
 * the installed app's `--cli` (Electron's main process, see electron/main/cli-mode.ts).
 */
export async function runCliProcess(argv: readonly string[]): Promise<number> {
  try {
    return await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  } catch (error) {
    process.stderr.write(`dala: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
