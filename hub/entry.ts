import { runHubCli } from './cli/hub-cli';

/**
 * The `dala hub` process (bundled as out/main/hub.js; bin/dala.cjs routes `dala hub …` here):
 * the terminal's streams, the exit code, and one line (never a stack trace) for a failure nobody
 * expected. The hub bundle holds no SQLite and no Electron: a school server needs Node and pg only.
 */
export async function runHubCliProcess(argv: readonly string[]): Promise<number> {
  try {
    return await runHubCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  } catch (error) {
    process.stderr.write(`dala hub: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export { startHubServer } from './server/hub-server';
export type { HubServerOptions, RunningHub } from './server/hub-server';
