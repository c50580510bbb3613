import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startHost, type RunningHost, type StartHostOptions } from './app-host';
import { launchChromium, openAppPage, type AppPage } from './chromium';

export interface E2eSession {
  /** Starts a host (on a fresh data dir unless one is given); it is stopped after the test. */
  host(dataDir?: string, options?: StartHostOptions): Promise<RunningHost>;
  /** Opens the app in a fresh browser context; the context is closed after the test. */
  open(url: string, viewport?: { width: number; height: number }, options?: { deviceScaleFactor?: number }): Promise<AppPage>;
}

/**
 * One Chromium per spec file; every host and context a test starts is cleaned up after it, even
 * when the test fails half way (so a failure never leaves a host holding the next test's port).
 */
export function useE2eSession(): E2eSession {
  let browser: Browser | undefined;
  const hosts: RunningHost[] = [];
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
    for (const host of hosts.splice(0)) await host.stop();
  });
  return {
    async host(dataDir, options) {
      const host = await startHost(dataDir, options);
      hosts.push(host);
      return host;
    },
    async open(url, viewport, options) {
      if (!browser) throw new Error('Chromium is not running (beforeAll failed?)');
      const app = await openAppPage(browser, url, viewport, options);
      contexts.push(app.context);
      return app;
    },
  };
}
