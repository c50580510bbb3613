import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dala, startHost, type RunningHost } from './support/app-host';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { launchChromium, openAppPage } from './support/chromium';

let browser: Browser;
let host: RunningHost | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

describe('learner picker in Chromium', () => {
  it('creates a learner that the CLI then lists, with no axe violations and nothing fetched from elsewhere', async () => {
    host = await startHost();
    const { page, foreignRequests, pageErrors, context } = await openAppPage(browser, host.url);
    await page.getByRole('heading', { name: 'Who is learning today?' }).waitFor();
    await keepScreenshot(page, 'picker-empty');
    await expectNoAxeViolations(page, 'the empty learner picker');
    await page.getByLabel('Your name').fill("Zoë O'Brien");
    await page.getByRole('button', { name: 'Make my profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).or(page.locator('h1')).first().waitFor();
    const listed = JSON.parse(dala(host.dataDir, 'learners', 'list', '--json').stdout) as Array<{ displayName: string }>;
    expect(listed.map((l) => l.displayName)).toEqual(["Zoë O'Brien"]);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows and searches many learners', async () => {
    host = await startHost();
    expect(dala(host.dataDir, 'seed', '--learners', '60', '--attempts', '2').status).toBe(0);
    const { page, context } = await openAppPage(browser, host.url);
    await expect.poll(async () => page.getByRole('button', { name: /^Continue as/ }).count()).toBe(60);
    await keepScreenshot(page, 'picker-many');
    await expectNoAxeViolations(page, 'the learner picker with 60 learners');
    await page.getByLabel('Find your name').fill('zzzz-nobody');
    await page.getByText('No name matches').waitFor();
    await context.close();
  });
});
