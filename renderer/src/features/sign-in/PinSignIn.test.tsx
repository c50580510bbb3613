// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { asAdmin, must, seedClasses } from '../../test-support/classes-fixture';
import { startApp } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(async () => {
  vi.useRealTimers();
  cleanup();
  localStorage.clear();
  await backend?.close();
  backend = undefined;
});

/** A class that signs in with a PIN, its learner Amara, and the app open at her name. */
async function openPinClass(pin?: string) {
  backend = await createInProcessApi();
  const { learnerIds } = await seedClasses(backend, [{ name: 'Owls', signInMethod: 'pin', learners: ['Amara'] }]);
  const learnerId = learnerIds.Amara as string;
  if (pin) await asAdmin(backend, async (api) => must(await api.setLearnerSecret({ learnerId, secret: { kind: 'pin', pin } })));
  const rendered = await startApp(backend);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Owls' }));
  await user.click(await screen.findByRole('button', { name: 'Continue as Amara' }));
  await screen.findByRole('heading', { level: 1, name: 'Hello, Amara!' });
  return { ...rendered, user, learnerId };
}

/** What the pad says to screen readers (the main area has no other status). */
const note = () => within(screen.getByRole('main')).getByRole('status');
const keys = () => within(screen.getByRole('group', { name: 'Number buttons' }));
const press = async (user: ReturnType<typeof userEvent.setup>, digits: string) => {
  for (const digit of digits) await user.click(keys().getByRole('button', { name: digit }));
};

describe('signing in with a PIN', () => {
  it('the first time, asks for a new PIN twice (with the on-screen keys and the keyboard) and says to remember it', async () => {
    const { user, learnerId } = await openPinClass();
    const field = screen.getByLabelText('Choose your PIN');
    // Straight into the pad, masked.
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute('type')).toBe('password');
    expect(screen.getByText('Remember it! You need it every time you sign in. Do not tell anyone else.')).toBeTruthy();

    await press(user, '1359');
    expect((field as HTMLInputElement).value).toBe('1359');
    expect(note().textContent).toBe('4 of 4 numbers');
    await user.click(keys().getByRole('button', { name: 'Delete the last number' }));
    // Digits typed while a key has focus go into the PIN too.
    await user.keyboard('4');
    expect((field as HTMLInputElement).value).toBe('1354');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const again = screen.getByLabelText('Type it again');
    expect(document.activeElement).toBe(again);
    expect((again as HTMLInputElement).value).toBe('');
    await user.keyboard('1345{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Those two PINs are not the same. Choose your PIN again.');
    expect(document.activeElement).toBe(screen.getByLabelText('Choose your PIN'));
    expect(backend?.database.sqlite.prepare('SELECT count(*) AS n FROM learner_secrets').get()).toEqual({ n: 0 });

    await user.keyboard('1354{Enter}');
    await user.keyboard('1354');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
    const stored = backend?.database.sqlite.prepare('SELECT kind, secret_hash AS hash FROM learner_secrets WHERE learner_id = ?').get(learnerId) as { kind: string; hash: string };
    expect(stored.kind).toBe('pin');
    expect(stored.hash).not.toContain('1354');
    expect(must(await backend!.api.getLearnerSignIn({ learnerId }))).toMatchObject({ method: 'pin', secretSet: true });
  });

  it('says a wrong PIN kindly and keeps focus in the pad; after 5 wrong tries it counts down, with the pad off, then lets the right PIN in', async () => {
    const { user, store } = await openPinClass('2468');
    const field = screen.getByLabelText('Type your PIN') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.queryByText(/Remember it!/)).toBeNull();

    for (let tries = 1; tries <= 4; tries++) {
      await user.keyboard('1111{Enter}');
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That is not your PIN. Try again, or ask your teacher.'));
      await waitFor(() => expect(field.value).toBe(''));
      expect(document.activeElement).toBe(field);
    }
    await user.keyboard('1111{Enter}');
    await screen.findByText('Too many tries. Wait 30 seconds, then try again.', { selector: '.sign-in-lockout' });
    expect(store.getState().profile).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-disabled')).toBe('true');
    expect(keys().getByRole('button', { name: '2' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Go' }).getAttribute('aria-disabled')).toBe('true');
    // Nothing goes in while it waits, by keyboard or by the keys.
    await user.keyboard('2468');
    await user.click(keys().getByRole('button', { name: '2' }));
    expect(field.value).toBe('');

    // Time passes (the clock of this window and of the in-process main process alike).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    act(() => vi.setSystemTime(Date.now() + 10_000));
    await screen.findByText('Too many tries. Wait 20 seconds, then try again.', { selector: '.sign-in-lockout' });
    act(() => vi.setSystemTime(Date.now() + 20_500));
    await waitFor(() => expect(screen.queryByText(/Too many tries/, { selector: '.sign-in-lockout' })).toBeNull());
    await waitFor(() => expect(note().textContent).toBe('You can try again now.'));
    expect(field.getAttribute('aria-disabled')).toBeNull();

    // Focus is on the key "2" pressed above: digits typed there go in, and Go sends them.
    await user.keyboard('2468');
    expect(field.value).toBe('2468');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
    expect(store.getState().session?.learner?.displayName).toBe('Amara');
  });
});
