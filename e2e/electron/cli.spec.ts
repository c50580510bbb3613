import { describe, expect, it } from 'vitest';
import { electronMissing, learnersIn, PICKER_HEADING, runDalaProcess, useDala } from './support/electron-app';

/** The installed app is the `dala` command: `--cli` runs it headless, with the same exit codes. */
describe.skipIf(electronMissing)('Electron: the app as the command line', () => {
  const dalaApps = useDala();
  const cli = (dataDir: string, ...args: string[]) => runDalaProcess(dataDir, ['--ozone-platform=headless', '--disable-gpu', '--cli', '--data-dir', dataDir, ...args]);

  it('--version, a command that writes, and a usage error, with their exit codes', async () => {
    const dataDir = dalaApps.dataDir();
    const version = await cli(dataDir, '--version');
    expect(version.code, version.output).toBe(0);
    expect(version.output).toMatch(/^dala \S+ \(database schema version \d+\)\n/m);

    const created = await cli(dataDir, 'learners', 'create', '--name', 'Zoë');
    expect(created.code, created.output).toBe(0);
    expect(learnersIn(dataDir).map((l) => l.displayName)).toEqual(['Zoë']);

    const bad = await cli(dataDir, 'learners', 'delete');
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('dala: ');
  });

  it('works while the app is open on the same data folder', async () => {
    const dataDir = dalaApps.dataDir();
    const running = await dalaApps.launch(dataDir);
    await running.page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    const copy = await cli(dataDir, 'backups', 'run');
    expect(copy.code, copy.output).toBe(0);
    const listed = await cli(dataDir, 'backups', 'list', '--json');
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain('"id"');
  });
});
