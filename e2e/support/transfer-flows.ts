import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { dala, type RunningHost } from './app-host';
import { heading1 } from './flows';
import { passEducatorGate } from './sign-in';

/**
 * Getting files in and out of the browser host as an educator does: the file input (the file is
 * uploaded to the host), the browser's own downloads, and the passphrase fields of protected files.
 */

/** A jobs' or a protected file's answer takes a while: scrypt is slow on purpose. */
export const JOB_TIMEOUT = { timeout: 30_000 };

/** age's header line: a file protected with a passphrase starts with it. */
export const AGE_HEADER = 'age-encryption.org/v1';

export async function openEducatorPanel(page: Page, tab: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Educator tools' }).click();
  await heading1(page, 'Educator tools').waitFor();
  await passEducatorGate(page);
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: tab });
  await panel.waitFor();
  return panel;
}

/** Clicks `button` and keeps what the browser downloads in `saveDir`; returns where it is. */
export async function downloadFrom(page: Page, button: Locator, saveDir: string, timeout = JOB_TIMEOUT): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', timeout), button.click()]);
  const file = path.join(saveDir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Ticks "Protect with a passphrase" (and "for this file only" when the school's is proposed) and types it twice. */
export async function protectWith(panel: Locator, passphrase: string): Promise<void> {
  const protect = panel.getByRole('checkbox', { name: 'Protect with a passphrase' });
  if (!(await protect.isChecked())) await protect.check();
  const own = panel.getByRole('radio', { name: 'Use a passphrase for this file only' });
  if (await own.isVisible()) await own.check();
  await panel.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await panel.getByLabel('Type the passphrase again', { exact: true }).fill(passphrase);
}

/** The prompt a protected file chosen in `panel` brings up. */
export const passphrasePrompt = (panel: Locator, fileName: string) => panel.getByRole('form', { name: `“${fileName}” is protected with a passphrase` });

export const startsWithAgeHeader = (file: string): boolean => fs.readFileSync(file).subarray(0, AGE_HEADER.length).toString('latin1') === AGE_HEADER;

export const learnersOn = (host: RunningHost) => JSON.parse(dala(host.dataDir, 'learners', 'list', '--json').stdout) as Array<{ id: string; displayName: string }>;
