import { describe, expect, it } from 'vitest';
import { dala, freshDataDir } from './support/app-host';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { heading1, objectiveCard, quizAnswer, quizChoices, quizPrompt } from './support/flows';
import { expectNoHorizontalScroll } from './support/layout-checks';
import { useE2eSession } from './support/session';
import { passEducatorGate } from './support/sign-in';

const session = useE2eSession();

/**
 * 1024×768 is the lab machines' screen; 200 % zoom is simulated by half the CSS viewport drawn at
 * twice the pixel density (what the layout sees at 200 % browser zoom on that screen).
 */
const SIZES = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 512, height: 384 }, deviceScaleFactor: 2 },
] as const;

const LONG_NAME = 'Maximiliana Alexandrova-Whitfield';

/** A data dir with a dozen demo learners (assessment done, a few attempts) and one long name. */
function seededDataDir(): string {
  const dataDir = freshDataDir();
  const seeded = dala(dataDir, 'seed', '--learners', '12', '--attempts', '4', '--seed', '7');
  expect(seeded.status, seeded.stderr).toBe(0);
  const created = dala(dataDir, 'learners', 'create', '--name', LONG_NAME);
  expect(created.status, created.stderr).toBe(0);
  return dataDir;
}

describe.each(SIZES)('every screen at $name', ({ name: size, viewport, deviceScaleFactor }) => {
  it('has no axe violations, no sideways scrolling, and a screenshot', async () => {
    const host = await session.host(seededDataDir());
    const { page, pageErrors, foreignRequests } = await session.open(host.url, viewport, { deviceScaleFactor });
    const check = async (screen: string, description: string) => {
      await keepScreenshot(page, `screens-${size}-${screen}`);
      await expectNoHorizontalScroll(page, `${description} at ${size}`);
      await expectNoAxeViolations(page, `${description} at ${size}`);
    };
    const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

    // ---- picker with many learners, one with a long name
    await heading1(page, 'Who is learning today?').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Continue as / }).count()).toBe(13);
    await check('01-picker', 'the learner picker');

    // ---- the long-named learner has not started: the assessment's first step
    await page.getByRole('button', { name: `Continue as ${LONG_NAME}` }).click();
    await heading1(page, 'What do you like?').waitFor();
    await check('02-assessment-interests', 'the interests step');
    await nav('Switch learner').click();
    await heading1(page, 'Who is learning today?').waitFor();

    // ---- a seeded learner: pathway first
    await page.getByRole('button', { name: /^Continue as (?!Maximiliana)/ }).first().click();
    await heading1(page, 'My learning pathway').waitFor();
    await check('03-pathway', 'the pathway');

    // ---- assessment screens of a learner who has finished it
    await nav('About me').click();
    await heading1(page, 'You did it!').waitFor();
    await check('04-assessment-finished', 'the finished assessment');
    const steps = page.getByRole('navigation', { name: 'Steps of About me' });
    await steps.getByRole('button', { name: /^Step 3: How I learn 1/ }).click();
    await heading1(page, /^How do you like to learn\?/).waitFor();
    await check('05-assessment-preference', 'a preference task');
    await steps.getByRole('button', { name: /^Step 8: / }).click();
    await page.getByRole('button', { name: 'Play again' }).click();
    await page.getByRole('heading', { name: /^Story 1 of \d+$/ }).waitFor();
    await check('06-assessment-story-game', 'the story game');

    // ---- activities: a quiz (question and feedback) and a matching game
    await nav('My pathway').click();
    await heading1(page, 'My learning pathway').waitFor();
    const placeValue = objectiveCard(page, 'Maths', 'Place value');
    await placeValue.getByRole('listitem').filter({ hasText: 'Quiz' }).first().getByRole('button', { name: /^Start / }).click();
    const counter = page.getByRole('heading', { level: 2, name: /^Question 1 of \d+$/ });
    await counter.waitFor();
    await check('07-activity-quiz-question', 'a quiz question');
    await page.getByRole('radio', { name: quizAnswer(await quizPrompt(page), await quizChoices(page)), exact: true }).click();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByText('Well done, that is right!').waitFor();
    await check('08-activity-quiz-feedback', 'quiz feedback');
    await nav('My pathway').click();
    await heading1(page, 'My learning pathway').waitFor();
    await placeValue.getByRole('listitem').filter({ hasText: 'Game' }).first().getByRole('button', { name: /^Start / }).click();
    await page.getByRole('heading', { level: 2, name: 'Match the pairs' }).waitFor();
    await check('09-activity-matching-game', 'the matching game');

    // ---- profile report and educator tools
    await nav('My profile').click();
    await heading1(page, /’s profile$/).waitFor();
    await check('10-profile-report', 'the profile report');
    await nav('Educator tools').click();
    await heading1(page, 'Educator tools').waitFor();
    await page.getByRole('heading', { name: 'Set up the first admin' }).waitFor();
    await check('11-educator-first-admin', 'setting up the first admin');
    await passEducatorGate(page);
    await expect.poll(() => page.locator('.spinner').count(), { timeout: 15_000 }).toBe(0);
    await check('12-educator-tools', 'the educator tools');

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
