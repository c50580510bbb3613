// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { asAdmin, must, seedClasses } from '../../test-support/classes-fixture';
import { startApp } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(async () => {
  cleanup();
  localStorage.clear();
  await backend?.close();
  backend = undefined;
});

const nameButtons = () => screen.queryAllByRole('button', { name: /^Continue as / }).map((b) => b.getAttribute('aria-label'));
const classTiles = () => within(screen.getByRole('region', { name: 'Classes on this computer' })).getAllByRole('button').map((b) => b.textContent);

describe('the picker on a machine with classes', () => {
  it('shows the classes first, then the names of the chosen class, and remembers the class', async () => {
    backend = await createInProcessApi();
    const { learnerIds } = await seedClasses(backend, [
      { name: 'Year 5', learners: ['Chloé'] },
      { name: '4B', learners: ['Amara', 'Ben'] },
    ], ['Dev']);
    // Some progress for Ben, which the shared picker must not show.
    await asAdmin(backend, async (api) => must(await api.addInterest({ learnerId: learnerIds.Ben as string, interestName: 'Space' })));
    const { store } = await startApp(backend);
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Who is learning today?' })).toBeTruthy();
    expect(screen.getByText('First pick your class.')).toBeTruthy();
    expect(classTiles()).toEqual(['4B', 'Year 5', 'Not in a class']);
    expect(nameButtons()).toEqual([]);

    await user.click(screen.getByRole('button', { name: '4B' }));
    const title = await screen.findByRole('heading', { level: 2, name: '4B' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(nameButtons()).toEqual(['Continue as Amara', 'Continue as Ben']);
    // Names only: no counts of goals or badges of anyone.
    expect(screen.getByRole('main').textContent).not.toMatch(/goal|badge|interest|space/i);
    await user.type(screen.getByLabelText('Find your name'), 'be');
    expect(nameButtons()).toEqual(['Continue as Ben']);

    await user.click(screen.getByRole('button', { name: 'Continue as Ben' }));
    await screen.findByRole('heading', { level: 1, name: 'What feels tricky?' });
    expect(store.getState().session?.learner?.displayName).toBe('Ben');

    // Switch learner signs out and comes back to the same class.
    await user.click(screen.getByRole('button', { name: 'Switch learner' }));
    await screen.findByRole('heading', { level: 2, name: '4B' });
    await waitFor(() => expect(store.getState().session?.learner).toBeNull());
    expect(must(await backend.api.getSession({})).learner).toBeNull();
    expect(nameButtons()).toEqual(['Continue as Amara', 'Continue as Ben']);

    // Back to the classes: focus returns to the class just left.
    await user.click(screen.getByRole('button', { name: 'Back to classes' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '4B' })));
    await user.click(screen.getByRole('button', { name: 'Not in a class' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Not in a class' })).toBeTruthy();
    expect(nameButtons()).toEqual(['Continue as Dev']);

    // The window remembers the last class chosen: a restart opens on its names.
    await user.click(screen.getByRole('button', { name: 'Back to classes' }));
    await user.click(await screen.findByRole('button', { name: 'Year 5' }));
    await screen.findByRole('heading', { level: 2, name: 'Year 5' });
    cleanup();
    await startApp(backend);
    expect(await screen.findByRole('heading', { level: 2, name: 'Year 5' })).toBeTruthy();
    expect(nameButtons()).toEqual(['Continue as Chloé']);
  });

  it('makes a new profile inside the chosen class, signed in at once', async () => {
    backend = await createInProcessApi();
    const { classIds } = await seedClasses(backend, [{ name: 'Owls', learners: [] }, { name: 'Hawks', learners: ['Ben'] }]);
    const { store } = await startApp(backend);
    const user = userEvent.setup();
    expect(screen.getByText('New here? Pick your class first, then make your profile.')).toBeTruthy();
    expect(screen.queryByLabelText('Your name')).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Owls' }));
    expect(await screen.findByText('There are no names in this class yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: "I'm new" })).toBeTruthy();
    await user.type(screen.getByLabelText('Your name'), 'Zoë{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });

    const zoe = backend.database.sqlite.prepare("SELECT id FROM learner_profiles WHERE display_name = 'Zoë'").get() as { id: string };
    expect(backend.database.sqlite.prepare('SELECT class_id AS classId FROM class_members WHERE learner_id = ?').all(zoe.id)).toEqual([{ classId: classIds.Owls }]);
    expect(store.getState().session?.learner).toEqual({ id: zoe.id, displayName: 'Zoë' });
    expect(must(await backend.api.getSession({})).learner?.id).toBe(zoe.id);
  });

  it('offers no "I\'m new" while the machine does not let learners sign up', async () => {
    backend = await createInProcessApi();
    await seedClasses(backend, [{ name: 'Owls', learners: ['Amara'] }]);
    await asAdmin(backend, async (api) => must(await api.updateSettings({ learnerSelfSignUp: false })));
    await startApp(backend);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Owls' }));
    await screen.findByRole('button', { name: 'Continue as Amara' });
    expect(screen.queryByLabelText('Your name')).toBeNull();
    expect(screen.queryByText(/New here\?/)).toBeNull();
  });
});
