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

const quiz = (() => {
  const activity = subjects[0]?.objectives[0]?.activities.find((a) => a.id === 'math_001_quiz_b');
  if (activity?.type !== 'quiz') throw new Error('content changed: math_001_quiz_b is not a quiz');
  return activity;
})();

async function openQuiz() {
  backend = await createInProcessApi();
  const created = await backend.api.createLearnerProfile({ displayName: 'Chloé' });
  if (!created.ok) throw new Error(created.error.message);
  const rendered = await renderWithStore(<App />, backend);
  await act(async () => {
    await rendered.store.getState().openLearner(created.value.id);
    rendered.store.getState().goTo({ name: 'activity', loId: 'MATH_LO_001', activityId: quiz.id });
  });
  await screen.findByRole('heading', { level: 1, name: quiz.title });
  const db = backend.database.sqlite;
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...rendered, db, count, backend };
}

/** Answers every question right (by mouse: the keyboard path is covered in QuizActivity.test) up to the last "See my score". */
async function answerAllRight(user: User) {
  for (const q of quiz.questions) {
    await user.click(screen.getByRole('radio', { name: q.answer }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    if (q !== quiz.questions[quiz.questions.length - 1]) await user.click(screen.getByRole('button', { name: 'Next question' }));
  }
}

describe('saving an attempt when the disk refuses', () => {
  it('says the score was not saved and shows no progress, on screen or in the database', async () => {
    const { store, count, backend: api } = await openQuiz();
    const user = userEvent.setup();
    await answerAllRight(user);
    api.failWrites(true);
    await user.click(screen.getByRole('button', { name: 'See my score' }));

    expect(await screen.findByText('Your score was not saved. The computer could not save it just now.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('That was not saved');
    expect(screen.getByRole('button', { name: 'Save my score again' })).toBeTruthy();
    expect(screen.queryByText(/You completed/)).toBeNull();
    expect(screen.queryByText(/is done/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeNull(); // the banner's retry of the save
    expect(screen.queryByRole('dialog')).toBeNull();
    expect([count('activity_attempts'), count('learning_objective_progress'), count('badges')]).toEqual([0, 0, 0]);
    expect(store.getState().profile?.loProgress).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Back to my pathway' }));
    const maths = screen.getByRole('heading', { level: 2, name: 'Maths' }).closest('section') as HTMLElement;
    expect(within(maths).getByText('0 of 8 goals done')).toBeTruthy();
    const placeValue = within(maths).getByRole('heading', { level: 3, name: 'Place value' }).closest('li') as HTMLElement;
    expect(within(placeValue).getByText('Ready to start')).toBeTruthy();
    expect(within(placeValue).queryByText('✓ Done before')).toBeNull();
  });

  it('Retry after the disk recovers stores exactly one attempt, with the same uid however often it is retried', async () => {
    const { store, db, count, backend: api } = await openQuiz();
    const user = userEvent.setup();
    await answerAllRight(user);
    api.failWrites(true);
    await user.click(screen.getByRole('button', { name: 'See my score' }));
    await screen.findByRole('button', { name: 'Save my score again' });
    await user.click(screen.getByRole('button', { name: 'Save my score again' })); // still failing
    await screen.findByRole('button', { name: 'Save my score again' });
    expect(count('activity_attempts')).toBe(0);
    const status = store.getState().saveStatus;
    if (status.state !== 'failed') throw new Error('expected a failed save');

    api.failWrites(false);
    await user.click(screen.getByRole('button', { name: 'Save my score again' }));
    expect(await screen.findByText('✓ Your score is saved.')).toBeTruthy();
    expect(screen.getByText('You completed Place value!')).toBeTruthy();
    expect(await screen.findByRole('dialog')).toBeTruthy();
    const uids = () => (db.prepare('SELECT attempt_uid AS uid FROM activity_attempts').all() as Array<{ uid: string }>).map((r) => r.uid);
    expect(uids()).toHaveLength(1);
    expect(db.prepare('SELECT status, score FROM learning_objective_progress').all()).toEqual([{ status: 'completed', score: 1 }]);

    // The banner's retry from the failed moment reuses the same attempt uid: nothing new is stored.
    await act(async () => {
      await status.retry();
    });
    expect(uids()).toHaveLength(1);
    expect(store.getState().profile?.activityAttempts.map((a) => a.attemptUid)).toEqual(uids());
  });

  it('a save retried from the banner also shows as saved on the result screen', async () => {
    const { count, backend: api } = await openQuiz();
    const user = userEvent.setup();
    await answerAllRight(user);
    api.failWrites(true);
    await user.click(screen.getByRole('button', { name: 'See my score' }));
    const alert = await screen.findByRole('alert');
    api.failWrites(false);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('✓ Your score is saved.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save my score again' })).toBeNull();
    expect(count('activity_attempts')).toBe(1);
  });
});
