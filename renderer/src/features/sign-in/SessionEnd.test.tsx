// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { must } from '../../test-support/classes-fixture';
import { startApp } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(async () => {
  vi.useRealTimers();
  cleanup();
  localStorage.clear();
  await backend?.close();
  backend = undefined;
});

const MINUTE = 60_000;
const SIGNED_OUT = 'You were signed out after a while without use.';

/** Amara on a machine without classes (pick your name), signed in from the picker. */
async function signInAmara(fakeTimers = false) {
  backend = await createInProcessApi();
  must(await backend.api.createLearnerProfile({ displayName: 'Amara' }));
  must(await backend.api.signOutLearner({}));
  const rendered = await startApp(backend);
  const user = userEvent.setup(fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  await user.click(await screen.findByRole('button', { name: 'Continue as Amara' }));
  await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
  return { ...rendered, user };
}

const interestRows = () => backend?.database.sqlite.prepare('SELECT interest_name AS name FROM interests').all();

describe('the end of a learner session', () => {
  it('signs out after the idle minutes without input, keeps a learner who is using the window, and says why on the picker', async () => {
    // Fake clocks for this window and the in-process main process alike (real time still runs).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const { store, user } = await signInAmara(true);
    expect(store.getState().session?.idle.learnerMinutes).toBe(20);

    act(() => vi.advanceTimersByTime(19 * MINUTE));
    expect(screen.getByRole('heading', { level: 1, name: 'What do you like?' })).toBeTruthy();
    // A key press is use: the clock starts again (and the main process hears of it).
    fireEvent.keyDown(document.body, { key: 'Shift' });
    // Let that word to the main process arrive before the clocks jump on.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    act(() => vi.advanceTimersByTime(19 * MINUTE));
    expect(screen.getByRole('heading', { level: 1, name: 'What do you like?' })).toBeTruthy();
    // 38 minutes after signing in, a save still works: the main process kept the session too.
    await user.click(screen.getByRole('button', { name: 'Space' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Space' }).getAttribute('aria-pressed')).toBe('true'));

    act(() => vi.advanceTimersByTime(20 * MINUTE));
    expect(await screen.findByRole('heading', { level: 1, name: 'Who is learning today?' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(SIGNED_OUT);
    expect(screen.getByRole('alert').textContent).not.toContain('not saved');
    await waitFor(() => expect(store.getState().session?.learner).toBeNull());
    expect(must(await backend!.api.getSession({})).learner).toBeNull();
    expect(store.getState().profile).toBeNull();
  });

  it('goes back to the picker when the main process has ended the session, saying the change was not saved', async () => {
    const { store, user } = await signInAmara();
    // The main process ends the session (as its own idle clock would) behind the window's back.
    must(await backend!.api.signOutLearner({}));

    await user.click(screen.getByRole('button', { name: 'Space' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Who is learning today?' })).toBeTruthy();
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain(SIGNED_OUT);
    expect(notice.textContent).toContain('Your last change was not saved. Pick your name and do it again.');
    // No "Try again" banner that cannot work, and nothing on disk.
    expect(screen.queryByText('That was not saved.')).toBeNull();
    expect(store.getState().saveStatus.state).toBe('idle');
    expect(interestRows()).toEqual([]);

    // Signing in again carries on, with nothing half-saved on screen.
    await user.click(screen.getByRole('button', { name: 'Continue as Amara' }));
    await screen.findByRole('heading', { level: 1, name: 'What do you like?' });
    expect(screen.queryByText(SIGNED_OUT)).toBeNull();
    expect(screen.getByRole('button', { name: 'Space' }).getAttribute('aria-pressed')).toBe('false');
  });
});
