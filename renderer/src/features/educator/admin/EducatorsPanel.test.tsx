// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { seedClasses, unlockAdmin } from '../../../test-support/classes-fixture';
import { startApp } from '../../../test-support/render-app';
import { must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

const newBackend = useBackends();
const COACH_PASSWORD = 'coach password 1';

async function openEducators(backend: InProcessApi) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'educators' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Educators' }).getAttribute('aria-selected')).toBe('true'));
  const panel = panelNamed('Educators');
  const table = await within(panel).findByRole('table', { name: 'Educator accounts' });
  return { ...rendered, panel, table };
}

const educatorCount = (b: InProcessApi) => (b.database.sqlite.prepare('SELECT count(*) AS n FROM educators').get() as { n: number }).n;
const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr') as HTMLElement;
const cellsOf = (table: HTMLElement, name: string) =>
  within(rowOf(table, name))
    .getAllByRole('cell')
    .map((c) => c.textContent);
const input = (el: HTMLElement) => el as HTMLInputElement;

async function addCoach(backend: InProcessApi, username = 'mr.banda', displayName = 'Mr Banda') {
  return must(await backend.api.createEducator({ username, displayName, role: 'coach', password: COACH_PASSWORD }));
}

describe('making an educator account', () => {
  it('makes a coach who can then unlock Educator tools', async () => {
    const backend = await newBackend();
    const { panel, table } = await openEducators(backend);
    const user = userEvent.setup();
    const form = within(panel).getByRole('region', { name: 'New educator' });
    await user.type(within(form).getByLabelText('Username'), 'mr.banda');
    await user.type(within(form).getByLabelText('Their name, as learners and colleagues know them'), 'Mr Banda');
    expect(input(within(form).getByRole('radio', { name: 'Coach' })).checked).toBe(true);
    await user.type(within(form).getByLabelText('Password'), COACH_PASSWORD);
    await user.type(within(form).getByLabelText('Password again'), COACH_PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Make account' }));

    expect(await within(form).findByText('The account for Mr Banda was made. Tell them their username and password privately.')).toBeTruthy();
    expect(input(within(form).getByLabelText('Password')).value).toBe('');
    expect(input(within(form).getByLabelText('Username')).value).toBe('');
    await waitFor(() => expect(cellsOf(table, 'Mr Banda')).toEqual(['mr.banda', 'Coach', 'on', 'none yet', 'Manage']));
    expect(must(await backend.api.unlockEducator({ username: 'mr.banda', password: COACH_PASSWORD }))).toMatchObject({ displayName: 'Mr Banda', role: 'coach' });
  });

  it('refuses a too-short password and passwords that differ, and makes nothing', async () => {
    const backend = await newBackend();
    const { panel } = await openEducators(backend);
    const user = userEvent.setup();
    const form = within(panel).getByRole('region', { name: 'New educator' });
    await user.type(within(form).getByLabelText('Username'), 'mr.banda');
    await user.type(within(form).getByLabelText('Their name, as learners and colleagues know them'), 'Mr Banda');
    await user.type(within(form).getByLabelText('Password'), 'short');
    await user.type(within(form).getByLabelText('Password again'), 'short');
    await user.click(within(form).getByRole('button', { name: 'Make account' }));
    expect(await within(form).findByText(/^The password needs at least \d+ characters\.$/)).toBeTruthy();
    // A refused password is emptied and has the focus, so it is typed again.
    expect(input(within(form).getByLabelText('Password')).value).toBe('');
    expect(document.activeElement).toBe(within(form).getByLabelText('Password'));
    expect(input(within(form).getByLabelText('Password')).getAttribute('aria-invalid')).toBe('true');
    expect(educatorCount(backend)).toBe(1);

    await user.type(within(form).getByLabelText('Password'), COACH_PASSWORD);
    await user.type(within(form).getByLabelText('Password again'), 'coach password 2');
    await user.click(within(form).getByRole('button', { name: 'Make account' }));
    expect(await within(form).findByText('The two passwords are not the same. Type them again.')).toBeTruthy();
    expect(educatorCount(backend)).toBe(1);
    expect(await backend.api.unlockEducator({ username: 'mr.banda', password: COACH_PASSWORD })).toMatchObject({ ok: false });
  });

  it('says under the username when it is taken, in the main process’s words', async () => {
    const backend = await newBackend();
    await addCoach(backend);
    const { panel } = await openEducators(backend);
    const user = userEvent.setup();
    const form = within(panel).getByRole('region', { name: 'New educator' });
    await user.type(within(form).getByLabelText('Username'), 'Mr.Banda');
    await user.type(within(form).getByLabelText('Their name, as learners and colleagues know them'), 'Someone Else');
    await user.click(within(form).getByRole('radio', { name: 'Admin' }));
    await user.type(within(form).getByLabelText('Password'), COACH_PASSWORD);
    await user.type(within(form).getByLabelText('Password again'), COACH_PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Make account' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('There is already an educator called "Mr.Banda".');
    expect(within(form).getAllByText('There is already an educator called "Mr.Banda".')).toHaveLength(2);
    expect(educatorCount(backend)).toBe(2);
  });
});

describe('managing an account', () => {
  it('switches an account off only after confirming; it can no longer unlock, until switched on again', async () => {
    const backend = await newBackend();
    await addCoach(backend);
    const { panel, table } = await openEducators(backend);
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Manage Mr Banda' }));
    const manage = within(panel).getByRole('region', { name: 'Manage Mr Banda' });
    expect(document.activeElement).toBe(within(manage).getByRole('heading', { name: 'Manage Mr Banda' }));

    await user.click(within(manage).getByRole('button', { name: 'Switch account off…' }));
    let confirm = within(manage).getByRole('group', { name: 'Switch off Mr Banda’s account?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(cellsOf(table, 'Mr Banda')[2]).toBe('on');

    await user.click(within(manage).getByRole('button', { name: 'Switch account off…' }));
    confirm = within(manage).getByRole('group', { name: 'Switch off Mr Banda’s account?' });
    expect(confirm.textContent).toContain('will no longer be able to unlock Educator tools');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, switch it off' }));
    expect(await within(manage).findByText('Mr Banda’s account is switched off: they cannot unlock Educator tools.')).toBeTruthy();
    await waitFor(() => expect(cellsOf(table, 'Mr Banda')[2]).toBe('switched off'));
    expect(await backend.api.unlockEducator({ username: 'mr.banda', password: COACH_PASSWORD })).toMatchObject({ ok: false });

    await user.click(within(manage).getByRole('button', { name: 'Switch account on' }));
    expect(await within(manage).findByText('Mr Banda’s account is switched on again.')).toBeTruthy();
    expect(must(await backend.api.unlockEducator({ username: 'mr.banda', password: COACH_PASSWORD })).role).toBe('coach');
  });

  it('resets a password after confirming: the new one works, the old one no longer', async () => {
    const backend = await newBackend();
    await addCoach(backend);
    const { panel, table } = await openEducators(backend);
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Manage Mr Banda' }));
    const reset = within(within(panel).getByRole('region', { name: 'Manage Mr Banda' })).getByRole('region', { name: 'Reset password' });
    await user.type(within(reset).getByLabelText('New password'), 'a brand new password');
    await user.type(within(reset).getByLabelText('New password again'), 'a brand new password');
    await user.click(within(reset).getByRole('button', { name: 'Set new password…' }));
    await user.click(within(within(reset).getByRole('group', { name: 'Change Mr Banda’s password?' })).getByRole('button', { name: 'Yes, change it' }));
    expect(await within(reset).findByText('Mr Banda’s password is changed. Tell them the new one privately.')).toBeTruthy();
    expect(input(within(reset).getByLabelText('New password')).value).toBe('');
    expect(await backend.api.unlockEducator({ username: 'mr.banda', password: COACH_PASSWORD })).toMatchObject({ ok: false });
    expect(must(await backend.api.unlockEducator({ username: 'mr.banda', password: 'a brand new password' })).displayName).toBe('Mr Banda');
  });

  it('renames, changes the role, and gives and takes classes', async () => {
    const backend = await newBackend();
    const coach = await addCoach(backend);
    const { classIds } = await seedClasses(backend, [
      { name: 'Class 4B', learners: [] },
      { name: 'Class 5A', learners: [] },
    ]);
    await unlockAdmin(backend);
    const { panel, table } = await openEducators(backend);
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Manage Mr Banda' }));
    const manage = within(panel).getByRole('region', { name: 'Manage Mr Banda' });

    const classes = within(manage).getByRole('group', { name: 'Classes Mr Banda looks after' });
    await user.click(within(classes).getByRole('checkbox', { name: 'Class 5A' }));
    await user.click(within(manage).getByRole('button', { name: 'Save classes' }));
    expect(await within(manage).findByText('Saved the classes of Mr Banda.')).toBeTruthy();
    await waitFor(() => expect(cellsOf(table, 'Mr Banda')[3]).toBe('Class 5A'));
    expect(must(await backend.api.listEducators({})).find((e) => e.id === coach.id)?.classIds).toEqual([classIds['Class 5A']]);

    await user.click(within(classes).getByRole('checkbox', { name: 'Class 5A' }));
    await user.click(within(classes).getByRole('checkbox', { name: 'Class 4B' }));
    await user.click(within(manage).getByRole('button', { name: 'Save classes' }));
    await waitFor(() => expect(cellsOf(table, 'Mr Banda')[3]).toBe('Class 4B'));

    const details = within(manage).getByRole('region', { name: 'Name and role' });
    const name = within(details).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Mr J. Banda');
    await user.click(within(details).getByRole('button', { name: 'Save name' }));
    expect(await within(details).findByText('Saved: Mr J. Banda.')).toBeTruthy();
    await user.click(within(details).getByRole('radio', { name: 'Admin' }));
    await user.click(within(details).getByRole('button', { name: 'Save role' }));
    expect(await within(details).findByText('Mr J. Banda is now an admin.')).toBeTruthy();
    await waitFor(() => expect(cellsOf(table, 'Mr J. Banda')).toEqual(['mr.banda', 'Admin', 'on', 'all (admin)', 'Manage']));
  });

  it('does not offer to switch off one’s own account or make oneself a coach', async () => {
    const backend = await newBackend();
    const { panel, table } = await openEducators(backend);
    const user = userEvent.setup();
    expect(within(rowOf(table, 'Ms Admin')).getByText('(you)')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Manage Ms Admin' }));
    const manage = within(panel).getByRole('region', { name: 'Manage Ms Admin' });
    expect(within(manage).queryByRole('button', { name: 'Switch account off…' })).toBeNull();
    expect(within(manage).getByText(/^This is your own account: you cannot switch it off/)).toBeTruthy();
    expect(within(manage).getByRole('radio', { name: 'Coach' }).matches(':disabled')).toBe(true);
    await user.click(within(manage).getByRole('button', { name: 'Close' }));
    expect(within(panel).queryByRole('region', { name: 'Manage Ms Admin' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(table).getByRole('button', { name: 'Manage Ms Admin' })));
  });
});
