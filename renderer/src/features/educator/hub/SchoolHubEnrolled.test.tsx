// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { startApp } from '../../../test-support/render-app';
import { must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

/**
 * A machine already enrolled, without a hub: the link is written as enrolment leaves it, with a
 * credential this machine cannot unseal, so a sync ends before the network in the error state a
 * lost key file gives. What needs a hub that answers is tested with the real hub.
 */
const newBackend = useBackends();
const HUB = 'https://hub.school.example:8443';
const COACH = { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'coach password 1' } as const;

function seedEnrolment(backend: InProcessApi, link: { lastSyncAt?: string; lastErrorCode?: string; lastErrorMessage?: string } = {}) {
  backend.database.sqlite
    .prepare(
      `INSERT INTO sync_state (id, hub_url, school_id, school_name, machine_id, machine_name, credential_sealed, pull_cursor, applying, enrolled_at, last_sync_at, last_attempt_at, last_error_code, last_error_message)
       VALUES (1, ?, '5a0c7c1e-0000-4000-8000-000000000001', 'Mwenge Primary', '5a0c7c1e-0000-4000-8000-000000000002', 'Lab PC 3', 'not-a-sealed-credential', 0, 0, ?, ?, ?, ?, ?)`,
    )
    .run(HUB, new Date(Date.now() - 3_600_000).toISOString(), link.lastSyncAt ?? null, link.lastSyncAt ?? null, link.lastErrorCode ?? null, link.lastErrorMessage ?? null);
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const statusOf = (panel: HTMLElement, term: string) => within(panel).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

async function openSchoolHub(backend: InProcessApi, stateText: string | RegExp) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'hub' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'School hub' }).getAttribute('aria-selected')).toBe('true'));
  const panel = panelNamed('School hub');
  await within(panel).findByText(stateText, { selector: 'strong' });
  return { ...rendered, panel };
}

describe('school hub: an enrolled machine', () => {
  it('shows when it last synced, in words, with the hub, the school and what waits', async () => {
    const backend = await newBackend();
    seedEnrolment(backend, { lastSyncAt: minutesAgo(2) });
    const { panel } = await openSchoolHub(backend, 'Up to date · 2 min ago');
    expect(statusOf(panel, 'Hub address')).toBe(HUB);
    expect(statusOf(panel, 'School')).toBe('Mwenge Primary');
    expect(statusOf(panel, 'Changes waiting')).toBe('0');
    expect(statusOf(panel, 'Last complete sync')).toMatch(/\(2 min ago\)$/);
    expect(within(panel).queryByRole('region', { name: 'Enrol this machine' })).toBeNull();
  });

  it('says plainly that the hub cannot be reached', async () => {
    const backend = await newBackend();
    seedEnrolment(backend, { lastSyncAt: minutesAgo(90), lastErrorCode: 'offline', lastErrorMessage: 'The school hub could not be reached.' });
    const { panel } = await openSchoolHub(backend, 'Offline: the hub could not be reached. Nothing is waiting to be sent.');
    expect(statusOf(panel, 'Last complete sync')).toMatch(/\(1 h ago\)$/);
  });

  it('Sync now (from the keyboard) says what came of it, and the screen reader is told the new state', async () => {
    const backend = await newBackend();
    seedEnrolment(backend, { lastSyncAt: minutesAgo(5) });
    const { panel } = await openSchoolHub(backend, 'Up to date · 5 min ago');
    const user = userEvent.setup();
    const button = within(panel).getByRole('button', { name: 'Sync now' });
    button.focus();
    await user.keyboard('{Enter}');
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toMatch(/^This machine cannot read its school hub credential/);
    expect(within(panel).getByText(/^This machine cannot read its school hub credential/, { selector: 'strong' })).toBeTruthy();
    expect(within(panel).getByText('Nothing is waiting to be sent.')).toBeTruthy();
    // The polite region says the new state once (it was empty while nothing had changed).
    await waitFor(() => expect(within(panel).getAllByRole('status').some((s) => /^This machine cannot read its school hub credential/.test(s.textContent ?? ''))).toBe(true));
    expect(document.activeElement).toBe(button);
    expect(must(await backend.api.getSyncStatus({})).state).toBe('error');
  });

  it('lets an admin leave after saying the records stay; Cancel changes nothing', async () => {
    const backend = await newBackend();
    seedEnrolment(backend, { lastSyncAt: minutesAgo(1) });
    const { panel } = await openSchoolHub(backend, 'Up to date · 1 min ago');
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Leave the school hub…' }));
    const confirm = within(panel).getByRole('group', { name: 'Leave the school hub?' });
    expect(confirm.textContent).toContain('All the learners’ records stay on this machine.');
    expect(document.activeElement).toBe(within(confirm).getByRole('heading', { name: 'Leave the school hub?' }));
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Leave the school hub…' })));
    expect(must(await backend.api.getSyncStatus({})).state).toBe('up_to_date');

    await user.click(within(panel).getByRole('button', { name: 'Leave the school hub…' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, leave the hub' }));
    expect(await within(panel).findByText('This machine has left the school hub. Its records stay here.')).toBeTruthy();
    expect(within(panel).getByText('This machine is not part of a school hub.', { selector: 'strong' })).toBeTruthy();
    expect(within(panel).getByRole('region', { name: 'Enrol this machine' })).toBeTruthy();
    expect(must(await backend.api.getSyncStatus({})).state).toBe('not_enrolled');
    expect(backend.database.sqlite.prepare("SELECT action FROM audit_log WHERE action = 'school_hub_left'").all()).toHaveLength(1);
  });

  it('gives a coach Sync now but not Leave', async () => {
    const backend = await newBackend();
    seedEnrolment(backend, { lastSyncAt: minutesAgo(3) });
    must(await backend.api.createEducator(COACH));
    must(await backend.api.lockEducator({}));
    must(await backend.api.unlockEducator({ username: COACH.username, password: COACH.password }));
    const { panel } = await openSchoolHub(backend, 'Up to date · 3 min ago');
    expect(within(panel).getByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /Leave the school hub/ })).toBeNull();
  });
});
