// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { startApp } from '../../../test-support/render-app';
import { must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

const newBackend = useBackends();
const ADMIN_PASSWORD = 'correct horse battery';
const COACH_PASSWORD = 'a very secret coach password';

async function openAuditLog(backend: InProcessApi) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'audit' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Audit log' }).getAttribute('aria-selected')).toBe('true'));
  return { ...rendered, panel: panelNamed('Audit log') };
}

/** Each row's cells after the time: who, what, to whom. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

describe('the audit log', () => {
  it('lists unlocks and the account made, newest first, by name, and never a password', async () => {
    const backend = await newBackend();
    const { api } = backend;
    must(await api.lockEducator({}));
    expect(await api.unlockEducator({ username: 'admin', password: 'not the password' })).toMatchObject({ ok: false });
    must(await api.unlockEducator({ username: 'admin', password: ADMIN_PASSWORD }));
    must(await api.createEducator({ username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: COACH_PASSWORD }));
    const { panel } = await openAuditLog(backend);

    const table = await within(panel).findByRole('table', { name: 'Audit log, newest first' });
    await waitFor(() => expect(rowsOf(table)[0]).toEqual(['Ms Admin (admin)', 'Made an educator account', 'educator: Mr Banda']));
    const rows = rowsOf(table);
    expect(rows[1]).toEqual(['Ms Admin (admin)', 'Unlocked Educator tools', 'educator: Ms Admin']);
    expect(rows[2]).toEqual(['someone at the computer', 'Tried to unlock Educator tools (failed): wrong password', 'educator: Ms Admin']);
    expect(rows.at(-1)?.[1]).toBe('Set up the first admin');
    expect(within(panel).getByRole('status').textContent).toMatch(/^Showing the newest 4 entries\./);
    for (const secret of [ADMIN_PASSWORD, COACH_PASSWORD, 'not the password']) expect(panel.textContent).not.toContain(secret);
    const stored = JSON.stringify(backend.database.sqlite.prepare('SELECT * FROM audit_log').all());
    for (const secret of [ADMIN_PASSWORD, COACH_PASSWORD, 'not the password']) expect(stored).not.toContain(secret);
  });

  it('refreshes, filters from a day on, and says plainly when nothing is there', async () => {
    const backend = await newBackend();
    const { panel } = await openAuditLog(backend);
    const user = userEvent.setup();
    const table = await within(panel).findByRole('table', { name: 'Audit log, newest first' });
    expect(rowsOf(table)).toHaveLength(1);

    must(await backend.api.updateSettings({ learnerIdleMinutes: 30 }));
    await user.click(within(panel).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(rowsOf(table)[0]).toEqual(['Ms Admin (admin)', 'Changed settings', 'settings: when learners are signed out']));

    fireEvent.change(within(panel).getByLabelText('From this day (optional)'), { target: { value: '2999-01-01' } });
    await user.click(within(panel).getByRole('button', { name: 'Show' }));
    expect(await within(panel).findByText('Nothing was recorded from that day on.')).toBeTruthy();
    expect(within(panel).queryByRole('table')).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Show everything' }));
    expect(rowsOf(await within(panel).findByRole('table', { name: 'Audit log, newest first' }))).toHaveLength(2);
    expect((within(panel).getByLabelText('From this day (optional)') as HTMLInputElement).value).toBe('');
  });
});
