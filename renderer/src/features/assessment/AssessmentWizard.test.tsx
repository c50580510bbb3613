// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { preferenceTasks } from '../../../../electron/common/content';
import { PREFERENCE_MODE_ICONS } from '../../../../electron/common/content/icons';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import { expectDecorativeIcons } from '../../test-support/icons';
import { renderWithStore } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(() => {
  cleanup();
  backend?.close();
  backend = undefined;
});

/** A real database with one learner, the app rendered, and that learner opened. */
async function openLearner(seed?: (api: InProcessApi['api'], learnerId: string) => Promise<unknown>) {
  backend = await createInProcessApi();
  const created = await backend.api.createLearnerProfile({ displayName: 'Amara' });
  if (!created.ok) throw new Error(created.error.message);
  const learnerId = created.value.id;
  await seed?.(backend.api, learnerId);
  const rendered = await renderWithStore(<App />, backend);
  await act(() => rendered.store.getState().openLearner(learnerId));
  return { ...rendered, backend, learnerId, user: userEvent.setup() };
}

const rows = (sql: string) => backend?.database.sqlite.prepare(sql).all();
const interestRows = () => rows('SELECT interest_name AS name, deleted_at IS NOT NULL AS removed FROM interests ORDER BY interest_name');
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const nextButton = () => button(/^Next/);

async function press(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, key = '{Enter}') {
  act(() => element.focus());
  await user.keyboard(key);
}

describe('assessment wizard: interests and struggle areas', () => {
  it('saves picked interests at once and tombstones unpicked ones', async () => {
    const { user } = await openLearner();
    expect(await screen.findByRole('heading', { level: 1, name: 'What do you like?' })).toBeTruthy();
    expect(screen.getByText('Step 1 of 10')).toBeTruthy();
    expect(nextButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('Pick at least one thing you like to go on.')).toBeTruthy();
    // Each interest shows its picture; the button is named by its label alone.
    expectDecorativeIcons(button('Animals'), ['animals']);
    expectDecorativeIcons(button('Space'), ['space']);

    await press(user, button('Animals'));
    await waitFor(() => expect(button('Animals').getAttribute('aria-pressed')).toBe('true'));
    await press(user, button('Space'), ' ');
    await waitFor(() => expect(button('Space').getAttribute('aria-pressed')).toBe('true'));
    expect(interestRows()).toEqual([
      { name: 'Animals', removed: 0 },
      { name: 'Space', removed: 0 },
    ]);
    expect(nextButton()).toHaveProperty('disabled', false);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('✓ Saved');

    await press(user, button('Animals'));
    await waitFor(() => expect(button('Animals').getAttribute('aria-pressed')).toBe('false'));
    expect(interestRows()).toEqual([
      { name: 'Animals', removed: 1 },
      { name: 'Space', removed: 0 },
    ]);
  });

  it('adds the learner’s own interest in their words and removes it again', async () => {
    const { user } = await openLearner();
    const field = await screen.findByLabelText('Something else you like');
    await user.type(field, '   ');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Type something first.');

    await user.clear(field);
    await user.type(field, '  Skateboarding  {Enter}');
    const removeOwn = await screen.findByRole('button', { name: 'Remove Skateboarding' });
    expect(interestRows()).toEqual([{ name: 'Skateboarding', removed: 0 }]);
    expect(field).toHaveProperty('value', '');

    // Typing a listed interest picks it rather than saving a near-duplicate.
    await user.type(field, 'space{Enter}');
    await waitFor(() => expect(button('Space').getAttribute('aria-pressed')).toBe('true'));

    await press(user, removeOwn);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Skateboarding' })).toBeNull());
    expect(interestRows()).toEqual([
      { name: 'Skateboarding', removed: 1 },
      { name: 'Space', removed: 0 },
    ]);
  });

  it('lets the learner skip the struggle areas with Next, and saves any they pick', async () => {
    const { user } = await openLearner((api, learnerId) => api.addInterest({ learnerId, interestName: 'Robots' }));
    // With an interest saved and nothing after it, the learner resumes at the struggle areas.
    expect(await screen.findByRole('heading', { level: 1, name: 'What feels tricky?' })).toBeTruthy();
    expect(screen.getByText('Step 2 of 10')).toBeTruthy();
    expect(screen.getByText(/It's OK to find things tricky/)).toBeTruthy();

    await press(user, button('Spelling'));
    await waitFor(() => expect(rows('SELECT struggle_description AS d FROM struggles WHERE deleted_at IS NULL')).toEqual([{ d: 'Spelling' }]));
    await press(user, button('Spelling'));
    await waitFor(() => expect(button('Spelling').getAttribute('aria-pressed')).toBe('false'));

    await press(user, nextButton());
    expect(await screen.findByText('Step 3 of 10')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('How do you like to learn? (1 of 5)');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(rows('SELECT count(*) AS n FROM struggles WHERE deleted_at IS NULL')).toEqual([{ n: 0 }]);
  });
});

describe('assessment wizard: preference tasks, resuming and jumping back', () => {
  it('saves a preference choice at once and shows it checked', async () => {
    const { user } = await openLearner(async (api, learnerId) => {
      await api.addInterest({ learnerId, interestName: 'Music' });
      await api.addStruggle({ learnerId, struggleDescription: 'Spelling' });
    });
    const task = preferenceTasks[0];
    const group = await screen.findByRole('group', { name: task?.prompt });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    expect(nextButton()).toHaveProperty('disabled', true);
    // Every way to learn has its picture, hidden from screen readers: the radio's label says it.
    for (const option of task?.options ?? []) {
      expectDecorativeIcons(within(group).getByRole('radio', { name: option.label }).closest('li') as HTMLElement, [PREFERENCE_MODE_ICONS[option.mode]]);
    }

    const pictures = within(group).getByRole('radio', { name: 'Look at pictures' });
    await press(user, pictures, ' ');
    await waitFor(() => expect(pictures).toHaveProperty('checked', true));
    expect(rows('SELECT category, value FROM preferences')).toEqual([{ category: 'visual_preference_task_1', value: 'visual' }]);

    const model = within(group).getByRole('radio', { name: 'Build a model' });
    await press(user, model, ' ');
    await waitFor(() => expect(model).toHaveProperty('checked', true));
    expect(pictures).toHaveProperty('checked', false);
    expect(rows('SELECT category, value FROM preferences')).toEqual([{ category: 'visual_preference_task_1', value: 'kinesthetic' }]);
    expect(nextButton()).toHaveProperty('disabled', false);
  });

  it('resumes at the first unanswered step after leaving, and can jump back to any earlier step', async () => {
    const { store, learnerId, user } = await openLearner();
    await press(user, await screen.findByRole('button', { name: 'Football' }));
    await waitFor(() => expect(nextButton()).toHaveProperty('disabled', false));
    await press(user, nextButton());
    await press(user, await screen.findByRole('button', { name: /^Next/ }));
    await press(user, await screen.findByRole('radio', { name: 'Read a fact book' }), ' ');
    await waitFor(() => expect(nextButton()).toHaveProperty('disabled', false));
    await press(user, nextButton());
    expect(await screen.findByText('Step 4 of 10')).toBeTruthy();

    act(() => store.getState().leaveLearner());
    expect(await screen.findByRole('heading', { level: 1, name: 'Who is learning today?' })).toBeTruthy();
    // Leaving signed the learner out: picking their name again (no secret in this class) signs in.
    await act(() => store.getState().chooseLearner(learnerId));
    expect(await screen.findByText('Step 4 of 10')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('How do you like to learn? (2 of 5)');

    const steps = screen.getByRole('navigation', { name: 'Steps of About me' });
    expect(within(steps).getByRole('button', { name: 'Step 1: Things I like (done)' })).toBeTruthy();
    expect(within(steps).getByRole('button', { name: 'Step 3: How I learn 1 (done)' })).toBeTruthy();
    expect(within(steps).queryByRole('button', { name: /Step 5:/ })).toBeNull();
    await press(user, within(steps).getByRole('button', { name: 'Step 1: Things I like (done)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'What do you like?' })).toBeTruthy();
    expect(button('Football').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('assessment wizard: a failing save', () => {
  it('shows the error, keeps the interest unpicked on screen and on disk, and Retry saves it', async () => {
    const { user, backend: api } = await openLearner();
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
    api.failWrites(true);
    await press(user, button('Dinosaurs'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That was not saved');
    expect(button('Dinosaurs').getAttribute('aria-pressed')).toBe('false');
    expect(nextButton()).toHaveProperty('disabled', true);
    expect(interestRows()).toEqual([]);

    api.failWrites(false);
    await press(user, within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(button('Dinosaurs').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(interestRows()).toEqual([{ name: 'Dinosaurs', removed: 0 }]);
  });
});
