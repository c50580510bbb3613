import { describe, expect, it } from 'vitest';
import { electronMissing, PICKER_HEADING, runDalaProcess, useDala } from './support/electron-app';

interface Probe {
  dalaSecondInstances?: number;
  dalaFocusCalls?: number;
}

describe.skipIf(electronMissing)('Electron: one copy per data folder', () => {
  const dalaApps = useDala();

  it('a second launch on the same data folder exits and brings the first window to the front', async () => {
    const dataDir = dalaApps.dataDir();
    const first = await dalaApps.launch(dataDir);
    await first.page.getByRole('heading', { name: PICKER_HEADING }).waitFor();

    // Count second-instance events and focus() calls in the first app, then minimise its window.
    const minimisedBefore = await first.app.evaluate(async ({ app, BrowserWindow }) => {
      const probe = globalThis as Probe;
      probe.dalaSecondInstances = 0;
      probe.dalaFocusCalls = 0;
      app.on('second-instance', () => {
        probe.dalaSecondInstances = (probe.dalaSecondInstances ?? 0) + 1;
      });
      // On the prototype, so the spy sees the call whichever wrapper object the app holds.
      const focus = BrowserWindow.prototype.focus;
      BrowserWindow.prototype.focus = function (this: Electron.BrowserWindow) {
        probe.dalaFocusCalls = (probe.dalaFocusCalls ?? 0) + 1;
        focus.call(this);
      };
      const window = BrowserWindow.getAllWindows()[0]!;
      window.minimize();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return window.isMinimized();
    });

    const second = await runDalaProcess(dataDir);
    expect(second.code, second.output).toBe(0);

    await expect.poll(() => first.app.evaluate(() => (globalThis as Probe).dalaSecondInstances)).toBe(1);
    const state = await first.app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      return { count: windows.length, visible: windows[0]!.isVisible(), minimised: windows[0]!.isMinimized(), focusCalls: (globalThis as Probe).dalaFocusCalls };
    });
    expect(state.count).toBe(1);
    expect(state.visible).toBe(true);
    expect(state.focusCalls).toBeGreaterThan(0);
    // Minimising needs a window manager (a bare Xvfb has none); where it worked, it was undone.
    if (minimisedBefore) expect(state.minimised).toBe(false);
    expect(first.app.windows()).toHaveLength(1);
    await first.page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
  });

  it('a launch on another data folder runs side by side', async () => {
    const first = await dalaApps.launch(dalaApps.dataDir());
    const other = await dalaApps.launch(dalaApps.dataDir());
    await first.page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    await other.page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    expect(other.app.process().exitCode).toBeNull();
  });
});
