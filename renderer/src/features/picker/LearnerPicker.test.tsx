// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../App';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { expectDecorativeIcons } from '../../test-support/icons';
import { renderWithStore, startApp } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(async () => {
  cleanup();
  await backend?.close();
  backend = undefined;
});

describe('learner picker', () => {
  it('creates a learner with the keyboard, saves it, and opens the assessment', async () => {
    backend = await createInProcessApi();
    const { store } = await renderWithStore(<App />, backend);
    await store.getState().loadLearners();
    const user = userEvent.setup();
    await screen.findByText(/no learners on this computer/i);
    await user.type(screen.getByLabelText('Your name'), "Zoë O'Brien{Enter}");
    await waitFor(() => expect(store.getState().screen.name).toBe('assessment'));
    const stored = backend.database.sqlite.prepare('SELECT display_name AS name FROM learner_profiles').all();
    expect(stored).toEqual([{ name: "Zoë O'Brien" }]);
  });

  it('lists, searches and resumes existing learners', async () => {
    backend = await createInProcessApi();
    for (const displayName of ['Amara', 'Ben', 'Chloé']) await backend.api.createLearnerProfile({ displayName });
    const { store } = await renderWithStore(<App />, backend);
    await store.getState().loadLearners();
    const user = userEvent.setup();
    expect(await screen.findAllByRole('button', { name: /^Continue as/ })).toHaveLength(3);
    // Names only on the shared picker: nobody's goals or badges.
    expect(screen.getAllByRole('button', { name: /^Continue as/ }).map((b) => b.textContent)).toEqual(['AAmara', 'BBen', 'CChloé']);
    await user.type(screen.getByLabelText('Find your name'), 'chl');
    expect(screen.getAllByRole('button', { name: /^Continue as/ }).map((b) => b.textContent)).toEqual([expect.stringContaining('Chloé')]);
    await user.click(screen.getByRole('button', { name: 'Continue as Chloé' }));
    await waitFor(() => expect(store.getState().profile?.profile.displayName).toBe('Chloé'));
  });

  it('after a reload, carries on as the learner the main process has signed in', async () => {
    backend = await createInProcessApi();
    // Making a profile signs the window in as it (the in-process API is one window).
    await backend.api.createLearnerProfile({ displayName: 'Dara' });
    const { store } = await startApp(backend);
    expect(await screen.findByRole('heading', { level: 1, name: 'What do you like?' })).toBeTruthy();
    expect(store.getState().session?.learner?.displayName).toBe('Dara');
    expect(screen.getByText('Learning as Dara')).toBeTruthy();
  });

  it('shows the app icon in the header beside the app name, hidden from screen readers', async () => {
    backend = await createInProcessApi();
    await renderWithStore(<App />, backend);
    const title = screen.getByText('DALA Learner Profile', { selector: '.app-title' });
    expect(title.textContent).toBe('DALA Learner Profile');
    expectDecorativeIcons(title, ['app']);
  });

  it('refuses an empty name without writing anything', async () => {
    backend = await createInProcessApi();
    const { store } = await renderWithStore(<App />, backend);
    await store.getState().loadLearners();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Make my profile' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Please type your name first.');
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get()).toEqual({ n: 0 });
  });
});
