import type { App } from 'electron';

/**
 * The installed app is also the `dala` command: `dala-learner-profile --cli <command…>` runs the
 * command line in Electron's main process, headless (no window, no single-instance lock, so it
 * works while the app is open on the same data folder), with the same exit codes. Electron's own
 * switches (`--ozone-platform=headless`, `--disable-gpu`, which the wrappers pass) may come first.
 */
export function cliArguments(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--cli');
  return at === -1 ? undefined : argv.slice(at + 1);
}

export type RunCli = (args: readonly string[]) => Promise<number>;

/** Runs the command and leaves with its exit code; the app never becomes a GUI. */
export async function runAsCli(app: Pick<App, 'exit' | 'disableHardwareAcceleration'> & { dock?: { hide(): void } }, args: readonly string[], run: RunCli): Promise<number> {
  app.disableHardwareAcceleration();
  // macOS: a command must not bounce an icon in the Dock.
  app.dock?.hide();
  const code = await run(args);
  // Let stdout/stderr drain to a pipe (a cron job, Task Scheduler's redirect) before leaving.
  await new Promise<void>((resolve) => (process.stdout.write('', () => resolve())));
  app.exit(code);
  return code;
}
