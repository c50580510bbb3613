import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (or DALA_CHROMIUM); Playwright never downloads a browser here. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.DALA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c) && fs.existsSync(c as string));
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install it with "apt-get install -y chromium" or set DALA_CHROMIUM.');
  return chromium.launch({
    executablePath,
    headless: true,
    // Without the networking flags Chromium keeps trying to reach the internet from a closed lab.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Every request that left the app's own origin: an offline app makes none. */
  foreignRequests: string[];
  /** Errors the page logged (uncaught exceptions, console.error). */
  pageErrors: string[];
}

/**
 * A fresh context and page on the app. `deviceScaleFactor: 2` with half the viewport is how the
 * specs simulate 200 % browser zoom (the layout sees 512×384 CSS pixels, drawn at 1024×768).
 */
export async function openAppPage(
  browser: Browser,
  url: string,
  viewport = { width: 1024, height: 768 },
  options: { deviceScaleFactor?: number } = {},
): Promise<AppPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (!requestUrl.startsWith(origin) && !requestUrl.startsWith('data:') && !requestUrl.startsWith('blob:')) foreignRequests.push(requestUrl);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(url);
  return { context, page, foreignRequests, pageErrors };
}
