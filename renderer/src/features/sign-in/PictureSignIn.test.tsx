// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGN_IN_PICTURES, type SignInPictureId } from '../../../../electron/common/accounts';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { asAdmin, must, seedClasses } from '../../test-support/classes-fixture';
import { tabTo } from '../../test-support/keyboard';
import { startApp } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(async () => {
  cleanup();
  localStorage.clear();
  await backend?.close();
  backend = undefined;
});

/** A class with picture passwords, its learner Ben (with pictures already, or not), the app started. */
async function openPictureClass(pictures?: SignInPictureId[]) {
  backend = await createInProcessApi();
  const { learnerIds } = await seedClasses(backend, [{ name: 'Stars', signInMethod: 'picture', learners: ['Ben'] }]);
  const learnerId = learnerIds.Ben as string;
  if (pictures) await asAdmin(backend, async (api) => must(await api.setLearnerSecret({ learnerId, secret: { kind: 'picture', pictures } })));
  const rendered = await startApp(backend);
  return { ...rendered, user: userEvent.setup(), learnerId };
}

const grid = (name: string) => within(screen.getByRole('group', { name }));
const slots = () => within(screen.getByRole('list', { name: 'Your pictures' })).getAllByRole('listitem').map((li) => li.textContent);
const note = () => within(screen.getByRole('main')).getByRole('status').textContent;
/** Where each picture is in the 3×3 grid, in the order of SIGN_IN_PICTURES. */
const at = (id: SignInPictureId) => SIGN_IN_PICTURES.findIndex((p) => p.id === id);

describe('signing in with pictures, by keyboard alone', () => {
  it('picks the class and name with Tab and Enter, then three pictures with the arrow keys, takes one back, and signs in', async () => {
    const { user, store } = await openPictureClass(['robots', 'space', 'ocean']);
    await tabTo(user, await screen.findByRole('button', { name: 'Stars' }));
    await user.keyboard('{Enter}');
    await tabTo(user, await screen.findByRole('button', { name: 'Continue as Ben' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Hello, Ben!' });

    const pictures = grid('Pick your 3 pictures in order');
    // Nine pictures, each named for screen readers, focus on the first.
    expect(pictures.getAllByRole('button').map((b) => b.getAttribute('aria-pressed') === 'false' && within(b).getByRole('img').getAttribute('alt'))).toEqual(['dog', 'rocket', 'ball', 'music', 'paint', 'dinosaur', 'robot', 'wave', 'train']);
    await waitFor(() => expect(document.activeElement).toBe(pictures.getByRole('button', { name: 'dog' })));
    expect(slots()).toEqual(['1Picture 1: not picked yet', '2Picture 2: not picked yet', '3Picture 3: not picked yet']);

    // A wrong first pick, taken back with Undo.
    await user.keyboard('{Enter}');
    expect(note()).toBe('Picked: dog. 1 of 3.');
    await tabTo(user, screen.getByRole('button', { name: 'Undo last picture' }));
    await user.keyboard(' ');
    expect(note()).toBe('Took back: dog.');
    expect(slots()[0]).toBe('1Picture 1: not picked yet');
    await tabTo(user, pictures.getByRole('button', { name: 'dog' }), 20);

    // Down twice: the robot (row 3); Up twice and Right: the rocket; Down twice: the wave.
    expect(at('robots')).toBe(6);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowRight} ');
    // Picking one already picked changes nothing, and says so.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowLeft}{Enter}');
    expect(note()).toBe('You picked robot already. Pick a different picture.');
    await user.keyboard('{ArrowRight}{Enter}');
    expect(note()).toBe('Picked: wave. 3 of 3.');
    expect(slots()).toEqual(['1Picture 1: robot', '2Picture 2: rocket', '3Picture 3: wave']);
    expect(pictures.getByRole('button', { name: 'robot' }).getAttribute('aria-pressed')).toBe('true');

    await tabTo(user, screen.getByRole('button', { name: 'Go' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
    expect(store.getState().session?.learner?.displayName).toBe('Ben');
  });

  it('the first time, asks for the pictures twice; wrong ones later are refused kindly', async () => {
    const { user, learnerId } = await openPictureClass();
    await user.click(await screen.findByRole('button', { name: 'Stars' }));
    await user.click(await screen.findByRole('button', { name: 'Continue as Ben' }));
    const choose = grid('Choose your 3 pictures');
    expect(screen.getByText('Remember it! You need it every time you sign in. Do not tell anyone else.')).toBeTruthy();
    for (const name of ['train', 'ball', 'paint']) await user.click(choose.getByRole('button', { name }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const again = grid('Pick them again');
    expect(slots()[0]).toBe('1Picture 1: not picked yet');
    for (const name of ['train', 'ball', 'paint']) await user.click(again.getByRole('button', { name }));
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
    expect(backend?.database.sqlite.prepare('SELECT kind FROM learner_secrets WHERE learner_id = ?').get(learnerId)).toEqual({ kind: 'picture' });

    await user.click(screen.getByRole('button', { name: 'Switch learner' }));
    await user.click(await screen.findByRole('button', { name: 'Continue as Ben' }));
    const enter = grid('Pick your 3 pictures in order');
    for (const name of ['ball', 'train', 'paint']) await user.click(enter.getByRole('button', { name }));
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Those are not your pictures. Try again, or ask your teacher.');
    expect(slots()[0]).toBe('1Picture 1: not picked yet');
    await waitFor(() => expect(document.activeElement).toBe(enter.getByRole('button', { name: 'dog' })));
  });
});
