import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keepScreenshot } from './support/checks';
import { content, heading1, learnerIdByName, patternItemName, patternRightMessage, patternTask, showLearner, storyTask } from './support/flows';
import { expectVisibleFocus } from './support/layout-checks';
import { focused, isButton, isField, tabTo, type Focused } from './support/keyboard';
import { useE2eSession } from './support/session';

const session = useE2eSession();

const LEARNER = 'Kai Keyboard';

/** Waits until the wizard has put focus on the new step's heading. */
async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  await heading1(page, name).waitFor();
  await expect.poll(async () => {
    const f = await focused(page);
    return `${f.tag}:${f.name}`;
  }).toBe(`H1:${name}`);
}

const toggle = (name: string) => (f: Focused) => f.tag === 'BUTTON' && f.pressed !== null && f.name === name;
const radio = (label: string) => (f: Focused) => f.tag === 'INPUT' && f.type === 'radio' && f.label === label;

async function pressedState(page: Page, name: string): Promise<string | null> {
  return page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');
}

describe('the assessment with the keyboard alone', () => {
  it('creates a learner, picks interests and struggles, answers preferences and plays the games with Tab, arrows, Space and Enter', async () => {
    const host = await session.host();
    const { page, pageErrors } = await session.open(host.url);
    await heading1(page, 'Who is learning today?').waitFor();
    // From here on: the keyboard only (page.keyboard), no clicks.

    // ---- picker: focus starts on the heading; the skip link is the first thing on the page
    await expectHeadingFocused(page, 'Who is learning today?');
    await tabTo(page, 'the skip link', (f) => f.tag === 'A' && f.name === 'Skip to main content', { backwards: true, max: 5 });
    await expectVisibleFocus(page, 'on the skip link');
    await keepScreenshot(page, 'keyboard-picker-skip-link');
    await tabTo(page, 'the name field', isField('Your name'));
    await page.keyboard.type(LEARNER);
    await page.keyboard.press('Enter');

    // ---- interests: toggles with Space and Enter, an own interest with Enter
    await expectHeadingFocused(page, 'What do you like?');
    await tabTo(page, 'the Space toggle', toggle('Space'));
    await expectVisibleFocus(page, 'on an interest toggle');
    await page.keyboard.press('Space');
    await expect.poll(() => pressedState(page, 'Space')).toBe('true');
    await tabTo(page, 'the Dinosaurs toggle', toggle('Dinosaurs'));
    await page.keyboard.press('Enter');
    await expect.poll(() => pressedState(page, 'Dinosaurs')).toBe('true');
    await tabTo(page, 'the own-interest field', isField('Something else you like'));
    await page.keyboard.type('Origami');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Remove Origami' }).waitFor();
    await expectVisibleFocus(page, 'in the own-interest field');
    await tabTo(page, 'Next', isButton('Next'));
    await expectVisibleFocus(page, 'on the Next button');
    await keepScreenshot(page, 'keyboard-interests-next-focused');
    await page.keyboard.press('Enter');

    // ---- struggle areas: forwards past some, back with Shift+Tab, pick with Space
    await expectHeadingFocused(page, 'What feels tricky?');
    await tabTo(page, 'the Fractions toggle', toggle('Fractions'));
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('Spelling');
    await page.keyboard.press('Space');
    await expect.poll(() => pressedState(page, 'Spelling')).toBe('true');
    expect(await pressedState(page, 'Fractions')).toBe('false');
    await tabTo(page, 'Next', isButton('Next'));
    await page.keyboard.press('Enter');

    // ---- preference tasks: Tab into the radio group, Space to choose, arrows to change
    const expectedPreferences: Record<string, string> = {};
    for (const [i, task] of content.preferenceTasks.entries()) {
      await expectHeadingFocused(page, `How do you like to learn? (${i + 1} of ${content.preferenceTasks.length})`);
      const [first, second] = task.options;
      if (!first || !second) throw new Error(`${task.category} has fewer than two options`);
      await tabTo(page, `the first choice of ${task.category}`, radio(first.label));
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('radio', { name: first.label, exact: true }).isChecked()).toBe(true);
      expectedPreferences[task.category] = first.mode;
      if (i === 0) {
        await expectVisibleFocus(page, 'on a preference radio');
        // An arrow key moves to the next answer and chooses it (saved at once, like a click).
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => page.getByRole('radio', { name: second.label, exact: true }).isChecked()).toBe(true);
        expect(await focused(page)).toMatchObject({ type: 'radio', label: second.label, checked: true });
        expect(await page.getByRole('radio', { name: first.label, exact: true }).isChecked()).toBe(false);
        expectedPreferences[task.category] = second.mode;
        await keepScreenshot(page, 'keyboard-preference-arrow');
      }
      await tabTo(page, 'Next', isButton('Next'));
      await page.keyboard.press('Enter');
    }

    // ---- story game: checked twice per story, then the right order is shown
    await expectHeadingFocused(page, storyTask.title);
    await tabTo(page, 'Start the game', isButton('Start the game'));
    await page.keyboard.press('Enter');
    for (const [r] of storyTask.rounds.entries()) {
      await page.getByRole('heading', { name: `Story ${r + 1} of ${storyTask.rounds.length}` }).waitFor();
      await tabTo(page, 'Check my order', isButton('Check my order'));
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: /^Not quite\./ }).waitFor();
      expect((await focused(page)).name).toBe('Check my order');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Here is the right order' }).waitFor();
      const last = r === storyTask.rounds.length - 1;
      // Focus moves to the way on by itself.
      await expect.poll(async () => (await focused(page)).name).toBe(last ? 'See my result' : 'Next story');
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { level: 2, name: 'Well done!' }).waitFor();
    await tabTo(page, 'Next', isButton('Next'));
    await page.keyboard.press('Enter');

    // ---- pattern game: Tab to the right tile, Enter; focus follows the game
    await expectHeadingFocused(page, patternTask.title);
    await tabTo(page, 'Start the game', isButton('Start the game'));
    await page.keyboard.press('Enter');
    for (const [r, round] of patternTask.rounds.entries()) {
      await page.getByRole('heading', { name: `Pattern ${r + 1} of ${patternTask.rounds.length}` }).waitFor();
      const answer = patternItemName(round.answer);
      await tabTo(page, `the tile ${answer}`, (f) => f.tag === 'BUTTON' && f.group === 'What comes next?' && f.name === answer, { max: 6 });
      if (r === 0) {
        await expectVisibleFocus(page, 'on a pattern tile');
        await keepScreenshot(page, 'keyboard-pattern-tile-focused');
      }
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: patternRightMessage(round.answer) }).waitFor();
      const last = r === patternTask.rounds.length - 1;
      await expect.poll(async () => (await focused(page)).name).toBe(last ? 'See my result' : 'Next pattern');
      await page.keyboard.press(r % 2 === 0 ? 'Enter' : 'Space');
    }
    await page.getByRole('heading', { level: 2, name: 'Well done!' }).waitFor();
    await page.getByText('You got 100% right.').waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Well done!');
    await keepScreenshot(page, 'keyboard-pattern-result');

    // ---- the database has every answer given with the keyboard
    const shown = showLearner(host.dataDir, learnerIdByName(host.dataDir, LEARNER));
    expect(shown.interests.map((i) => i.interestName).sort()).toEqual(['Dinosaurs', 'Origami', 'Space']);
    expect(shown.struggles.map((s) => s.struggleDescription)).toEqual(['Spelling']);
    expect(Object.fromEntries(shown.preferences.map((p) => [p.category, p.value]))).toEqual(expectedPreferences);
    const metrics = Object.fromEntries(shown.cognitiveMetrics.map((m) => [m.taskName, m.metricDetails]));
    expect(Object.keys(metrics).sort()).toEqual(['pattern_completion', 'story_sequencing']);
    expect(metrics.pattern_completion).toMatchObject({ accuracy: 1, attempts: patternTask.rounds.length, rounds: patternTask.rounds.length });
    expect(metrics.story_sequencing).toMatchObject({ accuracy: 0, attempts: 2 * storyTask.rounds.length, solved: 0 });
    expect(pageErrors).toEqual([]);
  });
});
