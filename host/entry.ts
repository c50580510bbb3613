import path from 'node:path';
import { processStopSignal, runHost } from './main';

/** The `dala-host` process: serves until SIGINT/SIGTERM, then exits with runHost's code. */
export async function runHostProcess(argv: readonly string[], root: string = path.resolve(__dirname, '..', '..')): Promise<number> {
  const io = { stdout: process.stdout, stderr: process.stderr, stopSignal: processStopSignal() };
  try {
    return await runHost(argv, io, { root });
  } catch (error) {
    process.stderr.write(`dala-host: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
