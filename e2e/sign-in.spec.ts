import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { heading1 } from './support/flows';
import { focused, isButton, isFocused, tabTo } from './support/keyboard';
import { expectNoHorizontalScroll, expectVisibleFocus } from './support/layout-checks';
import { useE2eSession } from './support/session';
import { asAdmin, classTile, hostCall, nameTile, pictureGrid, seedClasses, setPictures, waitForPicturePad } from './support/sign-in';

const session = useE2eSession();

/** The lab's screen, and 200 % zoom on it (half the CSS viewport at twice the density). */
const SIZES = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 512, height: 384 }, deviceScaleFactor: 2 },
] as const;

const slotTexts = (page: Page) => page.getByRole('list', { name: 'Your pictures' }).getByRole('listitem').allTextContents();

describe('signing in', () => {
  it('with a picture password by keyboard alone: class, name, three pictures with the arrow keys, Go', async () => {
    const host = await session.host();
    const ids = await seedClasses(host, [{ name: 'Stars', signInMethod: 'picture', learners: ['Ben', 'Chloé'] }]);
    await setPictures(host, ids.Ben as string, ['robots', 'space', 'ocean']);
    const { page, pageErrors, foreignRequests } = await session.open(host.url);
    await heading1(page, 'Who is learning today?').waitFor();
    await expect.poll(async () => `${(await focused(page)).tag}`).toBe('H1');
    // From here on: the keyboard only.
    await tabTo(page, 'the class Stars', isButton('Stars'));
    await expectVisibleFocus(page, 'on a class tile');
    await page.keyboard.press('Enter');
    await tabTo(page, 'the name Ben', isButton('Continue as Ben'));
    await page.keyboard.press('Enter');
    await waitForPicturePad(page, 'Ben');
    await expectVisibleFocus(page, 'on a picture');
    await keepScreenshot(page, 'sign-in-picture-pad');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await slotTexts(page)).toEqual(['1Picture 1: robot', '2Picture 2: rocket', '3Picture 3: wave']);
    await keepScreenshot(page, 'sign-in-picture-picked');
    await expectNoAxeViolations(page, 'the picture pad with three pictures picked');

    await tabTo(page, 'Go', isButton('Go'));
    await page.keyboard.press('Enter');
    await heading1(page, 'What do you like?').waitFor();
    expect((await hostCall(host, 'getSession', {})).learner?.displayName).toBe('Ben');
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('through the class picker: classes, then names, the profile opens; Switch learner goes back to the class', async () => {
    const host = await session.host();
    await seedClasses(host, [{ name: '4B', learners: ['Amara', 'Ben'] }, { name: 'Year 5', learners: ['Chloé'] }], ['Dev']);
    const { page, pageErrors } = await session.open(host.url);
    await heading1(page, 'Who is learning today?').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Classes on this computer' }).getByRole('button').allTextContents()).toEqual(['4B', 'Year 5', 'Not in a class']);
    expect(await page.getByRole('button', { name: /^Continue as / }).count()).toBe(0);

    await classTile(page, '4B').click();
    await page.getByRole('heading', { level: 2, name: '4B' }).waitFor();
    expect(await page.getByRole('button', { name: /^Continue as / }).allTextContents()).toEqual(['AAmara', 'BBen']);
    await nameTile(page, 'Amara').click();
    await heading1(page, 'What do you like?').waitFor();
    await page.getByText('Learning as Amara').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Switch learner' }).click();
    await heading1(page, 'Who is learning today?').waitFor();
    // The picker remembers the class; the learner is signed out in the host too.
    await page.getByRole('heading', { level: 2, name: '4B' }).waitFor();
    await expect.poll(async () => (await hostCall(host, 'getSession', {})).learner).toBeNull();
    await page.getByRole('button', { name: 'Back to classes' }).click();
    await expect.poll(() => isFocused(classTile(page, '4B'))).toBe(true);
    await classTile(page, 'Not in a class').click();
    expect(await page.getByRole('button', { name: /^Continue as / }).allTextContents()).toEqual(['DDev']);
    expect(pageErrors).toEqual([]);
  });
});

describe.each(SIZES)('every sign-in screen at $name', ({ name: size, viewport, deviceScaleFactor }) => {
  it('has no axe violations and no sideways scrolling', { timeout: 120_000 }, async () => {
    const host = await session.host();
    const ids = await seedClasses(
      host,
      [
        { name: 'Owls (PIN)', signInMethod: 'pin', learners: ['Amara', 'Ben'] },
        { name: 'Stars (pictures)', signInMethod: 'picture', learners: ['Chloé', 'Dev'] },
        { name: 'Maximiliana’s very long class name for testing', learners: ['Maximiliana Alexandrova-Whitfield'] },
      ],
      ['Eli'],
    );
    await asAdmin(host, () => hostCall(host, 'setLearnerSecret', { learnerId: ids.Ben as string, secret: { kind: 'pin', pin: '2468' } }));
    await setPictures(host, ids.Dev as string, ['trains', 'music', 'animals']);
    const { page, pageErrors } = await session.open(host.url, viewport, { deviceScaleFactor });
    const check = async (screen: string, description: string) => {
      await keepScreenshot(page, `sign-in-${size}-${screen}`);
      await expectNoHorizontalScroll(page, `${description} at ${size}`);
      await expectNoAxeViolations(page, `${description} at ${size}`);
    };
    const toClass = async (name: string) => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Learners' }).click();
      const back = page.getByRole('button', { name: 'Back to classes' });
      if (await back.isVisible()) await back.click();
      await classTile(page, name).click();
    };

    await heading1(page, 'Who is learning today?').waitFor();
    await classTile(page, 'Owls (PIN)').waitFor();
    await check('01-classes', 'the class tiles');
    await classTile(page, 'Maximiliana’s very long class name for testing').click();
    await nameTile(page, 'Maximiliana Alexandrova-Whitfield').waitFor();
    await check('02-names', 'the names of a class with the "I\'m new" form');

    // A PIN chosen for the first time: twice, and a reminder to remember it.
    await toClass('Owls (PIN)');
    await nameTile(page, 'Amara').click();
    await page.getByLabel('Choose your PIN').waitFor();
    await check('03-pin-choose', 'choosing a PIN');
    for (const digit of '1357') await page.getByRole('group', { name: 'Number buttons' }).getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Type it again').waitFor();
    await check('04-pin-confirm', 'typing the new PIN again');
    await page.getByRole('button', { name: 'That is not me' }).click();

    // A wrong PIN, then the lockout after five.
    await nameTile(page, 'Ben').click();
    const field = page.getByLabel('Type your PIN');
    await field.waitFor();
    await field.fill('1111');
    await field.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That is not your PIN. Try again, or ask your teacher.' }).waitFor();
    await expect.poll(() => isFocused(field)).toBe(true);
    await check('05-pin-wrong', 'a wrong PIN');
    for (let tries = 2; tries <= 5; tries++) {
      await expect.poll(() => field.inputValue()).toBe('');
      await field.fill('1111');
      await field.press('Enter');
    }
    await page.getByText(/^Too many tries\. Wait \d+ seconds, then try again\.$/).first().waitFor();
    expect(await field.getAttribute('aria-disabled')).toBe('true');
    await check('06-pin-locked', 'the PIN pad while locked out');
    await page.getByRole('button', { name: 'That is not me' }).click();

    // Pictures: the first time, and signing in with them.
    await toClass('Stars (pictures)');
    await nameTile(page, 'Chloé').click();
    await pictureGrid(page, 'Choose your 3 pictures').waitFor();
    await check('07-picture-choose', 'choosing pictures');
    await page.getByRole('button', { name: 'That is not me' }).click();
    await nameTile(page, 'Dev').click();
    await waitForPicturePad(page, 'Dev');
    for (const name of ['train', 'music']) await pictureGrid(page).getByRole('button', { name, exact: true }).click();
    await check('08-picture-enter', 'the picture pad with two pictures picked');
    await pictureGrid(page).getByRole('button', { name: 'dog', exact: true }).click();
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await heading1(page, 'What do you like?').waitFor();

    // Signed out behind the window's back: the next save goes back to the picker, and says so.
    await hostCall(host, 'signOutLearner', {});
    await page.getByRole('button', { name: 'Space', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'You were signed out after a while without use.' }).waitFor();
    await check('09-signed-out', 'the picker after a session ended');
    expect(pageErrors).toEqual([]);
  });
});
