import { describe, expect, it } from 'vitest';
import { electronMissing, PICKER_HEADING, useDala } from './support/electron-app';

// The page is treated as untrusted: whatever its script does, the window stays on app://dala and no
// other window opens (electron/main/navigation-guards.ts). Page scripts are given as strings: the
// Node-side TypeScript has no DOM types.
const START_URL = 'app://dala/index.html';

describe.skipIf(electronMissing)('Electron: the window cannot be taken elsewhere', () => {
  const dalaApps = useDala();

  it('blocks navigation to an external URL, links and redirects by script, and window.open', async () => {
    const { app, page } = await dalaApps.launch(dalaApps.dataDir());
    await page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    expect(page.url()).toBe(START_URL);
    const opened: string[] = [];
    app.on('window', (newPage) => opened.push(newPage.url()));

    const openResults = await page.evaluate(`[
      window.open('https://example.org/', '_blank'),
      window.open('app://dala/index.html'),
      window.open('about:blank', 'popup', 'width=200,height=200'),
    ].map((w) => w === null)`);
    expect(openResults).toEqual([true, true, true]);

    // Each attempt would replace the page if it were allowed; the evaluation itself may then fail.
    const attempts = [
      "window.location.href = 'https://example.org/'",
      "window.location.assign('http://127.0.0.1:9/')",
      "(() => { const a = document.createElement('a'); a.href = 'https://example.org/link'; document.body.append(a); a.click(); })()",
      "(() => { const a = document.createElement('a'); a.href = 'https://example.org/tab'; a.target = '_blank'; document.body.append(a); a.click(); })()",
      "(() => { const f = document.createElement('form'); f.action = 'https://example.org/post'; f.method = 'post'; document.body.append(f); f.submit(); })()",
      "window.location.href = 'file:///etc/hostname'",
    ];
    for (const attempt of attempts) await page.evaluate(attempt).catch(() => undefined);
    await page.waitForTimeout(1_500);

    expect(page.url()).toBe(START_URL);
    await page.getByRole('heading', { name: PICKER_HEADING }).waitFor({ timeout: 5_000 });
    expect(opened).toEqual([]);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
