// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../../../tests/support/in-process-api';
import { asAdmin, must } from '../../../test-support/classes-fixture';
import { startApp } from '../../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(async () => {
  cleanup();
  await backend?.close();
  backend = undefined;
});

const ADMIN_PASSWORD = 'correct horse battery';

async function openEducatorTools(prepare?: (b: InProcessApi) => Promise<void>) {
  backend = await createInProcessApi();
  await prepare?.(backend);
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator' });
  await screen.findByRole('heading', { level: 1, name: 'Educator tools' });
  return rendered;
}

const educatorCount = (b: InProcessApi) => (b.database.sqlite.prepare('SELECT count(*) AS n FROM educators').get() as { n: number }).n;
const tabNames = () => screen.getAllByRole('tab').map((t) => t.textContent);

describe('the first admin', () => {
  it('is set up on a machine with no educator; the form checks before anything is written', async () => {
    await openEducatorTools();
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Set up the first admin' });
    expect(screen.queryByRole('tab')).toBeNull();
    await user.type(screen.getByLabelText('Username'), 'ms.okafor');
    await user.type(screen.getByLabelText('Your name, as learners and colleagues know you'), 'Ms Okafor');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Password again'), 'short');
    await user.click(screen.getByRole('button', { name: 'Make the admin account' }));
    expect(await screen.findByText(/^The password needs at least \d+ characters\.$/)).toBeTruthy();
    expect(educatorCount(backend!)).toBe(0);

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), ADMIN_PASSWORD);
    await user.clear(screen.getByLabelText('Password again'));
    await user.type(screen.getByLabelText('Password again'), 'correct horse batteries');
    await user.click(screen.getByRole('button', { name: 'Make the admin account' }));
    expect(await screen.findByText('The two passwords are not the same. Type them again.')).toBeTruthy();
    expect(educatorCount(backend!)).toBe(0);

    await user.clear(screen.getByLabelText('Password again'));
    await user.type(screen.getByLabelText('Password again'), ADMIN_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Make the admin account' }));
    expect(await screen.findByText('Unlocked for Ms Okafor (admin)')).toBeTruthy();
    expect(tabNames()).toContain('Backup and restore');
    expect(educatorCount(backend!)).toBe(1);
  });
});

describe('unlocking and locking', () => {
  it('a pupil at the window sees only the unlock form; a wrong password is said plainly and cleared', async () => {
    await openEducatorTools(async (b) => asAdmin(b, async () => undefined));
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Unlock Educator tools' });
    expect(screen.queryByRole('tab')).toBeNull();
    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe(''));
    expect(await screen.findByText('That username and password do not match. Try again.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(screen.queryByRole('tab')).toBeNull();
    expect(must(await backend!.api.getSession({})).educator).toBeNull();
  });

  it('after five wrong tries the form counts down instead of checking', async () => {
    await openEducatorTools(async (b) => asAdmin(b, async () => undefined));
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Unlock Educator tools' });
    await user.type(screen.getByLabelText('Username'), 'admin');
    for (let i = 0; i < 5; i++) {
      await user.type(screen.getByLabelText('Password'), `wrong ${i}`);
      await user.click(screen.getByRole('button', { name: 'Unlock' }));
      await waitFor(() => expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe(''));
    }
    expect(await screen.findByText(/^Too many wrong tries\. Wait \d+ seconds, then try again\./)).toBeTruthy();
    // While the countdown runs, Unlock asks nothing of the main process.
    await user.type(screen.getByLabelText('Password'), ADMIN_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.queryByText(/^Unlocked for/)).toBeNull();
    // Even the right password is refused by the main process until the wait is over.
    expect(await backend!.api.unlockEducator({ username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('unlocks with the right password, and Lock closes the tools again at once', async () => {
    const { store } = await openEducatorTools(async (b) => asAdmin(b, async () => undefined));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), ADMIN_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('Unlocked for Ms Admin (admin)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { name: 'Unlock Educator tools' });
    expect(screen.getByText('Educator tools are locked.')).toBeTruthy();
    expect(store.getState().session?.educator).toBeFalsy();
    expect(must(await backend!.api.getSession({})).educator).toBeNull();
  });

  it('a coach sees the tabs a coach may use, not the admin-only ones', async () => {
    await openEducatorTools(async (b) => {
      await asAdmin(b, async (api) => {
        const coach = must(await api.createEducator({ username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'coach password 1' }));
        const room = must(await api.createClass({ name: 'Class 4B', signInMethod: 'none' }));
        must(await api.assignCoach({ educatorId: coach.id, classId: room.id }));
      });
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'mr.banda');
    await user.type(screen.getByLabelText('Password'), 'coach password 1');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('Unlocked for Mr Banda (coach)')).toBeTruthy();
    const tabs = tabNames();
    expect(tabs).toContain('Move a learner');
    for (const adminOnly of ['Backup and restore', 'Snapshots', 'Undo last import']) expect(tabs).not.toContain(adminOnly);
  });
});
