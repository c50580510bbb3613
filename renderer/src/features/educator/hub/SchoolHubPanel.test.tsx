// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { tabTo } from '../../../test-support/keyboard';
import { startApp } from '../../../test-support/render-app';
import { must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

const newBackend = useBackends();
const COACH = { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'coach password 1' } as const;
/** Nothing listens on port 1 of this machine: the connection is refused at once, as for a hub that is down. */
const UNREACHABLE_HUB = 'http://127.0.0.1:1';
const NOT_ENROLLED = 'This machine is not part of a school hub.';

async function openSchoolHub(backend: InProcessApi) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'hub' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'School hub' }).getAttribute('aria-selected')).toBe('true'));
  const panel = panelNamed('School hub');
  await within(panel).findByText(NOT_ENROLLED, { selector: 'strong' });
  return { ...rendered, panel };
}

/** The admin (unlocked by useBackends) makes a coach, then the coach unlocks the tools instead. */
async function asCoach(backend: InProcessApi): Promise<void> {
  must(await backend.api.createEducator(COACH));
  must(await backend.api.lockEducator({}));
  must(await backend.api.unlockEducator({ username: COACH.username, password: COACH.password }));
}

const syncRows = (backend: InProcessApi) => (backend.database.sqlite.prepare('SELECT count(*) AS n FROM sync_state').get() as { n: number }).n;
const hubAudit = (backend: InProcessApi) => backend.database.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'school_hub%'").all();
const field = (panel: HTMLElement, label: string) => within(panel).getByLabelText(label) as HTMLInputElement;

describe('school hub: a machine that is not enrolled', () => {
  it('says so, and what enrolling does; an admin gets the enrol form and no Sync now', async () => {
    const backend = await newBackend();
    const { panel } = await openSchoolHub(backend);
    expect(within(panel).getByRole('heading', { level: 2, name: 'School hub' })).toBeTruthy();
    expect(within(panel).getByText(/^It keeps its records to itself\. Enrolling it sends everything on it to the school’s hub/)).toBeTruthy();
    const form = within(panel).getByRole('region', { name: 'Enrol this machine' });
    expect(within(form).getByLabelText('Hub address')).toBeTruthy();
    expect(within(form).getByLabelText('Enrolment code')).toBeTruthy();
    expect(within(form).getByLabelText('Name of this machine (optional)')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: /Leave the school hub/ })).toBeNull();
    // No details list: there is no hub, school or count to show yet.
    expect(within(panel).queryByRole('list', { name: 'The school hub link' })).toBeNull();
  });

  it('shows a coach the state but not the enrol form (only admins enrol)', async () => {
    const backend = await newBackend();
    await asCoach(backend);
    const { panel, store } = await openSchoolHub(backend);
    expect(store.getState().session?.educator?.role).toBe('coach');
    expect(within(panel).queryByRole('region', { name: 'Enrol this machine' })).toBeNull();
    expect(within(panel).queryByLabelText('Enrolment code')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Enrol' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('checks the form before asking the hub, with the message under the field and focus on it', async () => {
    const backend = await newBackend();
    const { panel } = await openSchoolHub(backend);
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Enrol' }));
    expect(await within(panel).findByText('Enter the hub’s address.')).toBeTruthy();
    expect(within(panel).getByText('Enter the enrolment code.')).toBeTruthy();
    const hubUrl = field(panel, 'Hub address');
    expect(document.activeElement).toBe(hubUrl);
    expect(hubUrl.getAttribute('aria-invalid')).toBe('true');
    expect(hubUrl.getAttribute('aria-describedby')).toContain(within(panel).getByText('Enter the hub’s address.').id);

    await user.type(hubUrl, 'hub.school.example');
    await user.type(field(panel, 'Enrolment code'), 'ab cd');
    await user.click(within(panel).getByRole('button', { name: 'Enrol' }));
    expect(await within(panel).findByText(/^Enter the whole address, starting with https:\/\/ or http:\/\//)).toBeTruthy();
    expect(within(panel).getByText(/^The code must be the one the hub printed/)).toBeTruthy();
    expect(within(panel).getByText('Nothing was changed: this machine is still not part of a school hub.')).toBeTruthy();
    expect(syncRows(backend)).toBe(0);
  });

  it('says clearly when no hub answers at the address, on that field, and changes nothing', async () => {
    const backend = await newBackend();
    const { panel } = await openSchoolHub(backend);
    const user = userEvent.setup();
    await user.type(field(panel, 'Hub address'), UNREACHABLE_HUB);
    await user.type(field(panel, 'Enrolment code'), 'ABCD-EFGH-JKLM');
    await user.click(within(panel).getByRole('button', { name: 'Enrol' }));

    const message = `No school hub answered at ${UNREACHABLE_HUB}. Check the address and the network, then try again.`;
    const alert = await within(panel).findByRole('alert', undefined, { timeout: 15_000 });
    expect(alert.textContent).toBe(`${message} Nothing was changed: this machine is still not part of a school hub.`);
    const hubUrl = field(panel, 'Hub address');
    await waitFor(() => expect(document.activeElement).toBe(hubUrl));
    expect(hubUrl.getAttribute('aria-invalid')).toBe('true');
    expect(within(panel).getAllByText(message)).toHaveLength(1);
    // What was typed stays, to be corrected; the machine is still alone.
    expect(hubUrl.value).toBe(UNREACHABLE_HUB);
    expect(within(panel).getByText(NOT_ENROLLED, { selector: 'strong' })).toBeTruthy();
    expect(must(await backend.api.getSyncStatus({})).state).toBe('not_enrolled');
    expect(syncRows(backend)).toBe(0);
    expect(hubAudit(backend)).toEqual([]);
    expect(panel.textContent).not.toMatch(/Error:|at .+\.ts|ECONNREFUSED|fetch failed/);
  }, 30_000);

  it('works from the keyboard alone: tab to the fields, type, Enter to enrol', async () => {
    const backend = await newBackend();
    const { panel } = await openSchoolHub(backend);
    const user = userEvent.setup();
    await tabTo(user, field(panel, 'Hub address'));
    await user.keyboard(UNREACHABLE_HUB);
    await user.tab();
    expect(document.activeElement).toBe(field(panel, 'Enrolment code'));
    await user.keyboard('ABCD-EFGH-JKLM');
    await user.tab();
    expect(document.activeElement).toBe(field(panel, 'Name of this machine (optional)'));
    await user.keyboard('Lab PC 3');
    await user.tab();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Enrol' }));
    await user.keyboard('{Enter}');
    expect(await within(panel).findByRole('alert', undefined, { timeout: 15_000 })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(field(panel, 'Hub address')));
    expect(syncRows(backend)).toBe(0);
  }, 30_000);
});
