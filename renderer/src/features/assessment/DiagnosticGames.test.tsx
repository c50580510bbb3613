// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnosticTasks, preferenceTasks } from '../../../../electron/common/content';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import { renderWithStore } from '../../test-support/render-app';
import { patternItemName, patternPiece, type MemoryTask, type PatternTask, type StoryTask } from './game-logic';

let backend: InProcessApi | undefined;
beforeAll(() => {
  // jsdom has no <dialog> methods; the celebration dialog needs them (real browsers have them).
  const dialog = HTMLDialogElement.prototype as Partial<HTMLDialogElement> & HTMLElement;
  dialog.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  dialog.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});
afterEach(() => {
  cleanup();
  backend?.close();
  backend = undefined;
});

type User = ReturnType<typeof userEvent.setup>;

/** A learner who has answered everything before diagnostic `gameIndex`, opened in the app. */
async function openAtGame(gameIndex: number) {
  backend = await createInProcessApi();
  const { api } = backend;
  const created = await api.createLearnerProfile({ displayName: 'Kofi' });
  if (!created.ok) throw new Error(created.error.message);
  const learnerId = created.value.id;
  await api.addInterest({ learnerId, interestName: 'Space' });
  for (const task of preferenceTasks) await api.addOrUpdatePreference({ learnerId, category: task.category, value: 'visual' });
  for (const task of diagnosticTasks.slice(0, gameIndex)) await api.addOrUpdateCognitiveMetric({ learnerId, taskName: task.taskName, metricDetails: { accuracy: 1 } });
  const rendered = await renderWithStore(<App />, backend);
  await act(() => rendered.store.getState().openLearner(learnerId));
  return { ...rendered, user: userEvent.setup() };
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const focused = () => document.activeElement as HTMLElement;
async function press(user: User, element: HTMLElement, key = '{Enter}') {
  act(() => element.focus());
  await user.keyboard(key);
}

function metricRows() {
  return (backend?.database.sqlite.prepare('SELECT task_name AS task, metric_details AS details FROM cognitive_metrics').all() ?? []) as Array<{ task: string; details: string }>;
}
function savedMetric(taskName: string): Record<string, number> {
  const row = metricRows().find((r) => r.task === taskName);
  if (!row) throw new Error(`no metric for ${taskName}`);
  return JSON.parse(row.details) as Record<string, number>;
}
function expectValidMetric(metric: Record<string, number>) {
  expect(metric.accuracy).toBeGreaterThanOrEqual(0);
  expect(metric.accuracy).toBeLessThanOrEqual(1);
  expect(metric.time_ms).toBeGreaterThanOrEqual(0);
  expect(Number.isInteger(metric.attempts)).toBe(true);
}

describe('story sequencing', () => {
  const task = diagnosticTasks[0] as StoryTask;

  it('is played with the keyboard: Move up keeps focus on the moved sentence, checks are counted', async () => {
    const { user } = await openAtGame(0);
    expect(await screen.findByRole('heading', { level: 1, name: task.title })).toBeTruthy();
    await press(user, button('Start the game'));
    const order = () =>
      within(screen.getByRole('list', { name: 'Sentences in your order' }))
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.story-text')?.textContent ?? '');

    for (const [round, { sentences }] of task.rounds.entries()) {
      const correct = sentences.map((s) => s.text);
      expect(order()).not.toEqual(correct);
      if (round === 0) {
        await press(user, button('Check my order'));
        expect(screen.getByText(/^Not quite\. 0 of 4 are in the right place/)).toBeTruthy();
      }
      for (const [place, sentence] of correct.entries()) {
        const steps = order().indexOf(sentence) - place;
        if (steps <= 0) continue;
        act(() => button(`Move up: ${sentence}`).focus());
        for (let i = 0; i < steps; i += 1) await user.keyboard('{Enter}');
        expect(focused().getAttribute('aria-label')).toMatch(new RegExp(`^Move (up|down): ${sentence.replace(/[.!?]/g, '\\$&')}$`));
      }
      expect(order()).toEqual(correct);
      await press(user, button('Check my order'));
      expect(screen.getByText('Yes! That is the right order.')).toBeTruthy();
      expect(focused().textContent).toBe(round === task.rounds.length - 1 ? 'See my result' : 'Next story');
      await user.keyboard('{Enter}');
    }

    await screen.findByRole('heading', { name: /Well done!/ });
    const metric = savedMetric(task.taskName);
    expectValidMetric(metric);
    expect(metric).toMatchObject({ accuracy: 2 / 3, attempts: 4, rounds: 3, solved: 3, placement: 8 / 12 });
    expect(screen.getByText('You got 67% right.')).toBeTruthy();
    expect(button(/^Next/)).toHaveProperty('disabled', false);
  });
});

describe('pattern completion', () => {
  const task = diagnosticTasks[1] as PatternTask;

  it('is played with the keyboard, saves accuracy = right / patterns, and playing again replaces it', async () => {
    const { user } = await openAtGame(1);
    expect(await screen.findByRole('heading', { level: 1, name: task.title })).toBeTruthy();
    expect(screen.getByText('Step 9 of 10')).toBeTruthy();
    expect(button(/^Next/)).toHaveProperty('disabled', true);

    const play = async (missRound: number | null) => {
      for (const [round, { choices, answer }] of task.rounds.entries()) {
        const group = screen.getByRole('group', { name: 'What comes next?' });
        if (round > 0) expect(group.contains(focused())).toBe(true);
        const pick = round === missRound ? choices.find((c) => c !== answer) ?? answer : answer;
        const said = patternPiece(task, answer) ? `The ${patternItemName(task, answer)}` : answer;
        await press(user, within(group).getByRole('button', { name: patternItemName(task, pick) }));
        expect(screen.getByText(round === missRound ? `Good try! ${said} comes next.` : `Yes! ${said} comes next.`)).toBeTruthy();
        expect(focused().textContent).toBe(round === task.rounds.length - 1 ? 'See my result' : 'Next pattern');
        await user.keyboard('{Enter}');
      }
    };

    await press(user, button('Start the game'));
    await play(1);
    await screen.findByRole('heading', { name: /Well done!/ });
    expect(savedMetric(task.taskName)).toMatchObject({ accuracy: 5 / 6, attempts: 6, rounds: 6, correct: 5 });
    expectValidMetric(savedMetric(task.taskName));
    await waitFor(() => expect(button(/^Next/)).toHaveProperty('disabled', false));

    await press(user, button('Play again'));
    await play(null);
    await waitFor(() => expect(savedMetric(task.taskName)).toMatchObject({ accuracy: 1, correct: 6 }));
    expect(metricRows().filter((r) => r.task === task.taskName)).toHaveLength(1);
  });
});

describe('memory span', () => {
  const task = diagnosticTasks[2] as MemoryTask;

  /** Plays one try by the keyboard: reads the shown symbols' names, hides them, taps them (or a wrong order). */
  async function playTry(user: User, right: boolean): Promise<string> {
    expect(focused().textContent).toBe("I'm ready");
    const shown = within(screen.getByRole('list', { name: 'Symbols to remember' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(shown.every((name) => task.symbols.some((s) => s.name === name))).toBe(true);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: 'Symbols to remember' })).toBeNull();
    const pad = screen.getByRole('group', { name: 'Ready? Now tap the symbols in the same order.' });
    expect(pad.contains(focused())).toBe(true);
    for (const symbol of right ? shown : [...shown].reverse()) await press(user, within(pad).getByRole('button', { name: symbol }));
    expect(screen.getByText(right ? 'Brilliant! You got them all in order.' : `Not quite. The order was ${shown.join(', ')}.`)).toBeTruthy();
    const next = focused().textContent ?? '';
    await user.keyboard('{Enter}');
    return next;
  }

  it('gets longer after each right try and ends at maxLength; finishing it awards the badge', async () => {
    const { user, store } = await openAtGame(2);
    expect(await screen.findByRole('heading', { level: 1, name: task.title })).toBeTruthy();
    await press(user, button('Start the game'));
    const labels: string[] = [];
    for (let i = 0; i < 10 && labels.at(-1) !== 'See my result'; i += 1) labels.push(await playTry(user, true));
    expect(labels).toEqual(['Next: 4 symbols', 'Next: 5 symbols', 'Next: 6 symbols', 'Next: 7 symbols', 'See my result']);

    expect(await screen.findByText('All About Me')).toBeTruthy();
    expect(savedMetric(task.taskName)).toMatchObject({ accuracy: 1, attempts: 5, rounds: 5, span: task.maxLength });
    expectValidMetric(savedMetric(task.taskName));
    expect(backend?.database.sqlite.prepare('SELECT badge_id AS id FROM badges').all()).toEqual([{ id: 'assessment_finished' }]);
    await press(user, button('Yay! Keep going'));
    await waitFor(() => expect(store.getState().pendingBadges).toEqual([]));

    await press(user, button(/^Finish/));
    expect(await screen.findByRole('heading', { level: 1, name: /You did it!/ })).toBeTruthy();
    expect(screen.getByText('All 10 steps done')).toBeTruthy();
    await press(user, button('Go to my pathway'));
    expect(store.getState().screen.name).toBe('pathway');
  });

  it('ends after two misses at one length (span 0, accuracy 0); a failed save is retried from the banner', async () => {
    const { user } = await openAtGame(2);
    await press(user, await screen.findByRole('button', { name: 'Start the game' }));
    expect(await playTry(user, false)).toBe('Try another one');
    backend?.failWrites(true);
    expect(await playTry(user, false)).toBe('See my result');
    const alert = await screen.findByRole('alert');
    expect(screen.getByText(/Your result is not saved yet/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Well done!/ })).toBeNull();
    expect(metricRows().map((r) => r.task)).not.toContain(task.taskName);

    backend?.failWrites(false);
    await press(user, within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: /Well done!/ });
    expect(screen.queryByText(/Your result is not saved yet/)).toBeNull();
    expect(savedMetric(task.taskName)).toMatchObject({ accuracy: 0, attempts: 2, span: 0, correct: 0 });
  });
});
