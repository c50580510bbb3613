import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../common/contract';
import { FakeEvent, type FakeMain } from '../test-support/fake-electron';

// index.ts imports electron at top level and starts the app on import: replace the module.
vi.mock('electron', async () => {
  const { createFakeMain } = await import('../test-support/fake-electron');
  const fake = createFakeMain();
  (globalThis as { fakeMain?: FakeMain }).fakeMain = fake;
  return fake.electron;
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-index-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('electron/main/index.ts', () => {
  it('wires the real electron module into launchApp: data dir, scheme, lock, then database and window on ready', async () => {
    const previous = process.env.DALA_DATA_DIR;
    process.env.DALA_DATA_DIR = dataDir;
    try {
      await import('./index');
    } finally {
      if (previous === undefined) delete process.env.DALA_DATA_DIR;
      else process.env.DALA_DATA_DIR = previous;
    }
    const fake = (globalThis as { fakeMain?: FakeMain }).fakeMain!;
    expect(fake.app.getPath('userData')).toBe(dataDir);
    expect(fake.protocol.registeredBeforeReady).toBe(true);
    expect(fake.app.calls).toContain('requestSingleInstanceLock');
    expect(fake.windows).toEqual([]);

    fake.app.markReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000, interval: 20 });
    const preload = fake.windows[0]!.options.webPreferences?.preload ?? '';
    // out/main/index.js → out/preload/index.cjs (here: electron/main → electron/preload).
    expect(preload).toBe(path.join(__dirname, '..', 'preload', 'index.cjs'));
    expect(fake.ipcMain.handlers.size).toBe(CHANNEL_NAMES.length);
    expect(fs.existsSync(path.join(dataDir, 'dala.db'))).toBe(true);
    fake.app.emit('will-quit', new FakeEvent());
  });
});
