// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeDefinitions, subjects } from '../../../../electron/common/content';
import { App } from '../../App';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { expectDecorativeIcons } from '../../test-support/icons';
import { renderWithStore } from '../../test-support/render-app';

type User = ReturnType<typeof userEvent.setup>;
let backend: InProcessApi | undefined;
afterEach(() => {
  cleanup();
  backend?.close();
  backend = undefined;
});

const quiz = (() => {
  const activity = subjects[0]?.objectives[0]?.activities.find((a) => a.id === 'math_001_quiz_a');
  if (activity?.type !== 'quiz') throw new Error('content changed: math_001_quiz_a is not a quiz');
  return activity;
})();

async function openQuiz() {
  backend = await createInProcessApi();
  const created = await backend.api.createLearnerProfile({ displayName: 'Amara' });
  if (!created.ok) throw new Error(created.error.message);
  const rendered = await renderWithStore(<App />, backend);
  await act(async () => {
    await rendered.store.getState().openLearner(created.value.id);
    rendered.store.getState().goTo({ name: 'activity', loId: 'MATH_LO_001', activityId: quiz.id });
  });
  await screen.findByRole('heading', { level: 1, name: quiz.title });
  return { ...rendered, db: backend.database.sqlite };
}

async function tabTo(user: User, element: HTMLElement) {
  for (let i = 0; i < 200 && document.activeElement !== element; i++) await user.tab();
  expect(document.activeElement).toBe(element);
}

// jsdom has no CSS.escape, which user-event needs to walk a radio group with the arrow keys.
const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS;
if (!css?.escape) Object.assign(globalThis, { CSS: { ...css, escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });

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

/** Tab into the radio group, Space and arrow keys to the choice, then Check answer; focus lands on the feedback. */
async function answer(user: User, choice: string): Promise<HTMLElement> {
  const radios = screen.getAllByRole('radio') as HTMLInputElement[];
  const target = screen.getByRole('radio', { name: choice }) as HTMLInputElement;
  await tabTo(user, radios[0] as HTMLElement);
  await user.keyboard(' ');
  for (let i = 0; i < radios.length && !target.checked; i++) await user.keyboard('{ArrowDown}');
  expect(target.checked).toBe(true);
  await tabTo(user, screen.getByRole('button', { name: 'Check answer' }));
  await user.keyboard('{Enter}');
  const feedback = document.activeElement as HTMLElement;
  expect(feedback.classList.contains('feedback')).toBe(true);
  return feedback;
}

async function next(user: User) {
  await tabTo(user, screen.getByRole('button', { name: /^(Next question|See my score)$/ }));
  await user.keyboard('{Enter}');
}

async function playQuiz(user: User, pick: (q: (typeof quiz.questions)[number]) => string) {
  for (const [i, q] of quiz.questions.entries()) {
    expect(screen.getByRole('heading', { level: 2, name: `Question ${i + 1} of ${quiz.questions.length}` })).toBeTruthy();
    expect(screen.getByRole('group', { name: q.prompt })).toBeTruthy();
    const feedback = await answer(user, pick(q));
    expect(feedback.textContent).toContain(pick(q) === q.answer ? 'Well done, that is right!' : `Not quite. The answer is ${q.answer}.`);
    await next(user);
    if (i + 1 < quiz.questions.length) expect(document.activeElement?.textContent).toBe(`Question ${i + 2} of ${quiz.questions.length}`);
  }
}

const wrong = (q: (typeof quiz.questions)[number]) => q.choices.find((c) => c !== q.answer) ?? '';

describe('quiz', () => {
  it('completed by keyboard with every answer right: stores the attempt, completes the objective, awards first_objective and celebrates', async () => {
    const { db, store } = await openQuiz();
    const user = userEvent.setup();
    await playQuiz(user, (q) => q.answer);

    expect(await screen.findByText('✓ Your score is saved.')).toBeTruthy();
    expect(screen.getByText('You got 4 out of 4 right.')).toBeTruthy();
    expect(screen.getByText('Score: 100%')).toBeTruthy();
    expect(screen.getByText('You completed Place value!')).toBeTruthy();
    const rows = db.prepare('SELECT activity_type AS type, activity_id AS activityId, score, completed, attempt_details AS details FROM activity_attempts').all() as Array<{
      type: string;
      activityId: string;
      score: number;
      completed: number;
      details: string;
    }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'quiz', activityId: quiz.id, score: 1, completed: 1 });
    const details = JSON.parse(rows[0]?.details ?? '{}') as { answers: unknown[]; time_ms: number };
    expect(details.answers).toEqual(quiz.questions.map((q) => ({ questionId: q.id, chosen: q.answer, correct: true })));
    expect(details.time_ms).toBeGreaterThanOrEqual(0);
    expect(db.prepare("SELECT status, score FROM learning_objective_progress WHERE lo_id = 'MATH_LO_001'").get()).toEqual({ status: 'completed', score: 1 });
    expect((db.prepare('SELECT badge_id AS id FROM badges').all() as Array<{ id: string }>).map((b) => b.id)).toContain('first_objective');

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('First Step')).toBeTruthy();
    // Pictures only: the heading and each badge's name say it all to a screen reader.
    expect(within(dialog).getByRole('heading', { level: 2, name: /^You earned (a badge|\d+ badges)!$/ })).toBeTruthy();
    const earnedIcons = store.getState().pendingBadges.map((b) => badgeDefinitions.find((d) => d.id === b.badgeId)?.icon);
    expect(earnedIcons).toContain('first_objective');
    expectDecorativeIcons(dialog, ['celebration', ...earnedIcons.map((icon) => icon ?? '?')]);
    expect(store.getState().pendingBadges.map((b) => b.badgeId)).toContain('first_objective');
  });

  it('a lower score later does not undo the completed objective', async () => {
    const { db } = await openQuiz();
    const user = userEvent.setup();
    await playQuiz(user, (q) => q.answer);
    await screen.findByText('You completed Place value!');
    await user.click(await screen.findByRole('button', { name: 'Yay! Keep going' }));

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(document.activeElement?.textContent).toBe(quiz.title);
    await playQuiz(user, wrong);
    expect(await screen.findByText('✓ Your score is saved.')).toBeTruthy();
    expect(screen.getByText('You got 0 out of 4 right.')).toBeTruthy();
    expect(screen.getByText('✓ Place value is done. Your best score is 100%.')).toBeTruthy();
    expect(screen.queryByText(/You completed/)).toBeNull();
    expect(db.prepare('SELECT score, completed FROM activity_attempts ORDER BY id').all()).toEqual([
      { score: 1, completed: 1 },
      { score: 0, completed: 1 },
    ]);
    expect(db.prepare('SELECT status, score FROM learning_objective_progress').all()).toEqual([{ status: 'completed', score: 1 }]);
  });

  it('asks for an answer before checking, and explains a wrong one', async () => {
    await openQuiz();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick an answer first.');
    const q = quiz.questions[0]!;
    const feedback = await answer(user, wrong(q));
    expect(feedback.textContent).toContain(`Not quite. The answer is ${q.answer}.`);
    expect(screen.getByRole('radio', { name: new RegExp(`^${q.answer}\\s*✓ right answer$`) })).toBeTruthy();
    expect(screen.getByRole('radio', { name: new RegExp(`^${wrong(q)}\\s*✗ your answer$`) })).toBeTruthy();
  });

  it('score below the mastery threshold keeps the objective in progress and says what is needed', async () => {
    const { db } = await openQuiz();
    const user = userEvent.setup();
    await playQuiz(user, (q) => (q.id === 'q1' ? wrong(q) : q.answer));
    expect(await screen.findByText('✓ Your score is saved.')).toBeTruthy();
    expect(screen.getByText(/To finish Place value you need 80%\. Your best so far is 75%\./)).toBeTruthy();
    expect(db.prepare('SELECT status, score FROM learning_objective_progress').all()).toEqual([{ status: 'in_progress', score: 0.75 }]);
  });

  it('leaving after one answer asks first, then records an unfinished attempt with the partial score', async () => {
    const { db, store } = await openQuiz();
    const user = userEvent.setup();
    await answer(user, quiz.questions[0]!.answer);
    await user.click(screen.getByRole('button', { name: 'Leave activity' }));
    expect(document.activeElement?.textContent).toMatch(/^Leave now\?/);
    await user.click(screen.getByRole('button', { name: 'Keep going' }));
    expect(db.prepare('SELECT count(*) AS n FROM activity_attempts').get()).toEqual({ n: 0 });
    await user.click(screen.getByRole('button', { name: 'Leave activity' }));
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    await screen.findByRole('heading', { level: 1, name: 'My learning pathway' });
    expect(store.getState().screen).toEqual({ name: 'pathway' });
    expect(db.prepare('SELECT score, completed FROM activity_attempts').all()).toEqual([{ score: 0.25, completed: 0 }]);
    expect(db.prepare('SELECT status FROM learning_objective_progress').all()).toEqual([{ status: 'in_progress' }]);
  });

  it('leaving before any answer records nothing', async () => {
    const { db, store } = await openQuiz();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Leave activity' }));
    expect(store.getState().screen).toEqual({ name: 'pathway' });
    expect(db.prepare('SELECT count(*) AS n FROM activity_attempts').get()).toEqual({ n: 0 });
  });
});
