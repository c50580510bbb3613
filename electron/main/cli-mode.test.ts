import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeMain } from '../test-support/fake-electron';
import { cliArguments } from './cli-mode';

// index.ts imports electron at top level and acts on import: a fresh fake (and module) per test.
vi.mock('electron', async () => {
  const { createFakeMain } = await import('../test-support/fake-electron');
  const fake = createFakeMain();
  (globalThis as { fakeMain?: FakeMain }).fakeMain = fake;
  return fake.electron;
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Starts electron/main/index.ts as `dala-learner-profile <argv>` and waits for it to leave. */
async function runInstalledApp(argv: string[]): Promise<{ fake: FakeMain; stdout: string; stderr: string; code: number }> {
  vi.resetModules();
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, cb?: () => void) => (out.push(String(chunk)), cb?.(), true)) as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write);
  const earlier = (globalThis as { fakeMain?: FakeMain }).fakeMain;
  const earlierExits = earlier?.app.exitCodes.length ?? 0;
  const previous = process.argv;
  process.argv = ['/opt/DALA Learner Profile/dala-learner-profile', ...argv];
  try {
    await import('./index');
  } finally {
    process.argv = previous;
  }
  const fake = (globalThis as { fakeMain?: FakeMain }).fakeMain!;
  // The fake electron module may outlive resetModules: count only the exits this run added.
  const already = fake === earlier ? earlierExits : 0;
  await vi.waitFor(() => expect(fake.app.exitCodes.length).toBe(already + 1), { timeout: 20_000, interval: 20 });
  return { fake, stdout: out.join(''), stderr: err.join(''), code: fake.app.exitCodes[already]! };
}

describe('the installed app as the dala command', () => {
  it('finds the command after --cli, whatever Electron switches come first', () => {
    expect(cliArguments(['app', '--ozone-platform=headless', '--cli', 'stats', '--json'])).toEqual(['stats', '--json']);
    expect(cliArguments(['app', 'file.dalaprofile'])).toBeUndefined();
  });

  it('runs a command headless: no window, no single-instance lock, output on stdout, exit code 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-cli-mode-'));
    dirs.push(dataDir);
    const { fake, stdout, code } = await runInstalledApp(['--ozone-platform=headless', '--cli', '--data-dir', dataDir, 'learners', 'create', '--name', 'Zoë', '--id', 'zoe']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('zoe');
    expect(fake.windows).toEqual([]);
    expect(fake.app.calls).not.toContain('requestSingleInstanceLock');
    expect(fake.app.calls).toContain('disableHardwareAcceleration');
    expect(fs.existsSync(path.join(dataDir, 'dala.db'))).toBe(true);
  });

  it('answers bad arguments with one line on stderr and exit code 2, as the Node CLI does', async () => {
    const { code, stderr, fake } = await runInstalledApp(['--cli', 'learners', 'frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^dala: unknown or missing "frobnicate" for "learners"/);
    expect(fake.windows).toEqual([]);
  });
});
