import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { startBrowserHost } from '../host/server';
import { result, type BenchResult } from './report';
import type { BenchEnv } from './setup';
import { median } from './timing';

/**
 * Runs in the page before any of its scripts: notes (in ms since navigation start) when the first
 * "Continue as …" button is laid out, enabled and the element under its centre, then waits for
 * that frame to be painted. Plain JavaScript text: this project's Node typings have no DOM.
 */
const PICKER_DETECTOR = `(() => {
  let seen = false;
  const check = () => {
    if (seen) return true;
    const buttons = document.querySelectorAll('button[aria-label^="Continue as"]');
    const first = buttons[0];
    if (!first || first.disabled) return false;
    const r = first.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === first || first.contains(hit))) return false;
    }
    seen = true;
    const count = buttons.length;
    requestAnimationFrame(() => setTimeout(() => { window.__dalaPickerReady = { at: performance.now(), buttons: count }; }, 0));
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

type PageGlobal = { __dalaPickerReady?: { at: number; buttons: number } };

/**
 * The learner picker with the school's learners, served by the browser host from a seeded data
 * folder, in Debian's Chromium: from navigation start to the learner buttons visible and
 * clickable (then proven with a trial click), in a fresh browser context (cold cache) each time.
 */
export async function measurePicker(env: BenchEnv, rendererDir: string): Promise<BenchResult> {
  const host = await startBrowserHost({ dataDir: env.copy(env.schoolDir, 'picker'), port: 0, host: '127.0.0.1', rendererDir });
  let browser: Browser | undefined;
  const times: number[] = [];
  try {
    browser = await launchChromium();
    const total = env.school.length;
    for (let rep = 0; rep < env.sizes.pickerRepetitions + 1; rep++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: PICKER_DETECTOR });
        await page.goto(host.url, { waitUntil: 'commit' });
        // Functions, not strings: the app's Content Security Policy forbids evaluating strings.
        await page.waitForFunction(() => (globalThis as PageGlobal).__dalaPickerReady !== undefined, null, { timeout: 30_000 });
        const ready = await page.evaluate(() => (globalThis as PageGlobal).__dalaPickerReady);
        await page.getByRole('button', { name: /^Continue as/ }).first().click({ trial: true, timeout: 5_000 });
        await page.getByText(new RegExp(`\\b${total} learners`)).first().waitFor({ timeout: 5_000 });
        // The first load of the run also starts the browser's own caches and processes: not timed.
        if (rep > 0 && ready) times.push(ready.at);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await host.close();
  }
  return result(`learner picker interactive in Chromium (${env.school.length} learners, navigation start → buttons clickable)`, median(times), null, 'ms', { kind: 'below', limit: 1000 });
}
