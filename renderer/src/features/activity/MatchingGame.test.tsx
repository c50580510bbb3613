// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { subjects } from '../../../../electron/common/content';
import { App } from '../../App';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { renderWithStore } from '../../test-support/render-app';

type User = ReturnType<typeof userEvent.setup>;
let backend: InProcessApi | undefined;
afterEach(() => {
  cleanup();
  backend?.close();
  backend = undefined;
});

// jsdom has no <dialog> methods; the celebration dialog needs them (browsers have them).
if (typeof HTMLDialogElement.prototype.close !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

const game = (() => {
  const activity = subjects[0]?.objectives[0]?.activities.find((a) => a.id === 'math_001_game');
  if (activity?.type !== 'game') throw new Error('content changed: math_001_game is not a game');
  return activity;
})();

async function openGame() {
  backend = await createInProcessApi();
  const created = await backend.api.createLearnerProfile({ displayName: 'Ben' });
  if (!created.ok) throw new Error(created.error.message);
  const rendered = await renderWithStore(<App />, backend);
  await act(async () => {
    await rendered.store.getState().openLearner(created.value.id);
    rendered.store.getState().goTo({ name: 'activity', loId: 'MATH_LO_001', activityId: game.id });
  });
  await screen.findByRole('heading', { level: 1, name: game.title });
  return { ...rendered, db: backend.database.sqlite };
}

async function press(user: User, element: HTMLElement) {
  for (let i = 0; i < 200 && document.activeElement !== element; i++) await user.tab();
  expect(document.activeElement).toBe(element);
  await user.keyboard('{Enter}');
}

const column = (name: string) => within(screen.getByRole('list', { name }));
const clue = (text: string) => column('Clues').getByRole('button', { name: new RegExp(`^${text.replace(/[+]/g, '\\+')}`) });
const answerButton = (text: string) => column('Answers').getByRole('button', { name: new RegExp(`^${text}`) });
const liveFeedback = () => document.querySelector('.match-feedback')?.textContent ?? '';

describe('matching game', () => {
  it('shows the clues in order and the answers in a fixed, rotated order', async () => {
    await openGame();
    expect(column('Clues').getAllByRole('button').map((b) => b.textContent)).toEqual(game.pairs.map((p) => p.left));
    const answers = column('Answers').getAllByRole('button').map((b) => b.textContent);
    expect([...answers].sort()).toEqual(game.pairs.map((p) => p.right).sort());
    answers.forEach((a, i) => expect(a).not.toBe(game.pairs[i]?.right));
  });

  it('completed by keyboard: counts a mistake, marks matches in words, and stores a game attempt', async () => {
    const { db } = await openGame();
    const user = userEvent.setup();
    const [first, second] = game.pairs;
    if (!first || !second) throw new Error('the game needs pairs');

    await press(user, clue(first.left));
    expect(clue(first.left).getAttribute('aria-pressed')).toBe('true');
    expect(liveFeedback()).toContain(`You picked “${first.left}”`);
    await press(user, answerButton(second.right));
    expect(liveFeedback()).toBe(`“${first.left}” and “${second.right}” do not go together. Try another answer!`);
    expect(clue(first.left).getAttribute('aria-pressed')).toBe('true');

    for (const pair of game.pairs) {
      if (pair !== first) await press(user, clue(pair.left));
      await press(user, answerButton(pair.right));
      if (pair !== game.pairs[game.pairs.length - 1]) {
        expect(liveFeedback()).toBe(`Yes! “${pair.left}” goes with “${pair.right}”.`);
        expect(clue(pair.left).textContent).toContain('✓ matched');
        expect((clue(pair.left) as HTMLButtonElement).disabled).toBe(true);
        expect((answerButton(pair.right) as HTMLButtonElement).disabled).toBe(true);
        // Focus moved on to an open clue rather than being lost on a disabled button.
        expect((document.activeElement as HTMLButtonElement).disabled).toBe(false);
      }
    }

    expect(await screen.findByText('✓ Your score is saved.')).toBeTruthy();
    expect(screen.getByText(`You matched all ${game.pairs.length} pairs with 1 mistake.`)).toBeTruthy();
    expect(screen.getByText('Score: 83%')).toBeTruthy();
    expect(screen.getByText('You completed Place value!')).toBeTruthy();
    const rows = db.prepare('SELECT activity_type AS type, score, completed, attempt_details AS details FROM activity_attempts').all() as Array<{
      type: string;
      score: number;
      completed: number;
      details: string;
    }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'game', completed: 1 });
    expect(rows[0]?.score).toBeCloseTo(5 / 6);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({ mistakes: 1, pairs: game.pairs.length, time_ms: expect.any(Number) });
    expect(db.prepare('SELECT status FROM learning_objective_progress').all()).toEqual([{ status: 'completed' }]);
  });

  it('asks for a clue first without counting a mistake, and leaving early records what was done', async () => {
    const { db, store } = await openGame();
    const user = userEvent.setup();
    const [first] = game.pairs;
    if (!first) throw new Error('the game needs pairs');
    await press(user, answerButton(first.right));
    expect(liveFeedback()).toBe('First pick a clue on the left.');
    await user.click(screen.getByRole('button', { name: 'Leave activity' }));
    expect(store.getState().screen).toEqual({ name: 'pathway' });
    expect(db.prepare('SELECT count(*) AS n FROM activity_attempts').get()).toEqual({ n: 0 });

    await act(async () => store.getState().goTo({ name: 'activity', loId: 'MATH_LO_001', activityId: game.id }));
    await press(user, clue(first.left));
    await press(user, answerButton(first.right));
    await user.click(screen.getByRole('button', { name: 'Leave activity' }));
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    await screen.findByRole('heading', { level: 1, name: 'My learning pathway' });
    const row = db.prepare('SELECT activity_type AS type, score, completed, attempt_details AS details FROM activity_attempts').get() as { type: string; score: number; completed: number; details: string };
    expect(row).toMatchObject({ type: 'game', completed: 0, score: 1 / game.pairs.length });
    expect(JSON.parse(row.details)).toMatchObject({ mistakes: 0, matched: 1, pairs: game.pairs.length });
  });
});
