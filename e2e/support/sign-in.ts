import type { Page } from 'playwright-core';
import type { SignInMethod, SignInPictureId } from '../../electron/common/accounts';
import type { ChannelInput, ChannelName, ChannelOutput, ChannelResult } from '../../electron/common/contract';
import type { RunningHost } from './app-host';
import { heading1 } from './flows';
import { isFocused } from './keyboard';

/**
 * Setting up classes and secrets for a spec through the host's own HTTP API, as an admin would in
 * Educator tools. The host's one token is one window's session, shared with the page: every setup
 * ends with `lockEducator`, so the page goes on as a pupil at the window.
 */

/** One call to the running host, as the page would make it; a failure names the error. */
export async function hostCall<C extends ChannelName>(host: RunningHost, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as ChannelResult<ChannelOutput<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const ADMIN = { username: 'e2e-admin', displayName: 'E2E Admin', password: 'lab machine 2026' };

/** Runs `work` as the machine's admin (set up the first time), then locks Educator tools again. */
export async function asAdmin<T>(host: RunningHost, work: () => Promise<T>): Promise<T> {
  const session = await hostCall(host, 'getSession', {});
  if (session.setupNeeded) await hostCall(host, 'setUpFirstAdmin', ADMIN);
  else await hostCall(host, 'unlockEducator', { username: ADMIN.username, password: ADMIN.password });
  try {
    return await work();
  } finally {
    await hostCall(host, 'lockEducator', {});
  }
}

export interface ClassSetup {
  name: string;
  signInMethod?: SignInMethod;
  learners: string[];
}

/** Classes and their learners (and learners in no class); returns the learners' ids by name. */
export function seedClasses(host: RunningHost, classes: ClassSetup[], inNoClass: string[] = []): Promise<Record<string, string>> {
  return asAdmin(host, async () => {
    const ids: Record<string, string> = {};
    for (const setup of classes) {
      const created = await hostCall(host, 'createClass', { name: setup.name, signInMethod: setup.signInMethod ?? 'none' });
      for (const displayName of setup.learners) ids[displayName] = (await hostCall(host, 'createLearnerProfile', { displayName, classId: created.id })).id;
    }
    for (const displayName of inNoClass) ids[displayName] = (await hostCall(host, 'createLearnerProfile', { displayName })).id;
    return ids;
  });
}

export function setPictures(host: RunningHost, learnerId: string, pictures: SignInPictureId[]): Promise<unknown> {
  return asAdmin(host, () => hostCall(host, 'setLearnerSecret', { learnerId, secret: { kind: 'picture', pictures } }));
}

// ---- on screen ----------------------------------------------------------------------------------

export const classTile = (page: Page, name: string) => page.getByRole('region', { name: 'Classes on this computer' }).getByRole('button', { name, exact: true });
export const nameTile = (page: Page, name: string) => page.getByRole('button', { name: `Continue as ${name}`, exact: true });
export const pictureGrid = (page: Page, label = 'Pick your 3 pictures in order') => page.getByRole('group', { name: label });

/** Waits for the picture pad of `name` to have focus on its first picture. */
export async function waitForPicturePad(page: Page, name: string): Promise<void> {
  await heading1(page, `Hello, ${name}!`).waitFor();
  await pictureGrid(page).waitFor();
  const first = pictureGrid(page).getByRole('button', { name: 'dog', exact: true });
  for (let i = 0; i < 50; i++) {
    if (await isFocused(first)) return;
    await page.waitForTimeout(50);
  }
  throw new Error('the first picture did not get focus');
}

// ---- Educator tools ------------------------------------------------------------------------------

/**
 * On the Educator tools screen: sets up the first admin (a fresh machine) or unlocks as that
 * admin, through the forms an educator uses, and waits for the tabs.
 */
export async function passEducatorGate(page: Page): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Set up the first admin' });
  const unlock = page.getByRole('heading', { name: 'Unlock Educator tools' });
  const tools = page.getByRole('tablist', { name: 'Educator tools' });
  await setup.or(unlock).or(tools).first().waitFor();
  if (await tools.isVisible()) return;
  if (await setup.isVisible()) {
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Your name, as learners and colleagues know you').fill(ADMIN.displayName);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Password again', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Make the admin account' }).click();
  } else {
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }
  await tools.waitFor();
}
