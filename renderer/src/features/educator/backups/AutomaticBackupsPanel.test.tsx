// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { startApp } from '../../../test-support/render-app';
import { JOB_WAIT, must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

const newBackend = useBackends();

async function openAutomaticBackups(backend: InProcessApi) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'automatic' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Automatic backups' }).getAttribute('aria-selected')).toBe('true'));
  return { ...rendered, panel: panelNamed('Automatic backups') };
}

/** The status list's value for a term ("Last backup" → "None yet"). */
const statusOf = (panel: HTMLElement, term: string) => within(panel).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
const copyRows = (panel: HTMLElement) => within(within(panel).getByRole('table', { name: 'Automatic backups in the backup folder, newest first' })).getAllByRole('row').slice(1);

describe('automatic backups', () => {
  it('shows how they are going, and “Back up now” adds a checked copy to the list', async () => {
    const backend = await newBackend();
    const { panel } = await openAutomaticBackups(backend);
    expect(await within(panel).findByText('There are no automatic backups yet.')).toBeTruthy();
    expect(statusOf(panel, 'Last backup')).toBe('None yet');
    expect(statusOf(panel, 'Automatic backups')).toMatch(/^On: a copy every 30 minutes/);
    expect(statusOf(panel, 'Copies are kept in')).toBe(backend.defaultBackupsDir);
    expect(statusOf(panel, 'Last failure')).toBe('None since the last good copy');

    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Back up now' }));
    expect(within(panel).getByRole('button', { name: 'Back up now' }).matches(':disabled')).toBe(true);
    expect(await within(panel).findByText(/^Backup made at .+\. It was checked and is listed below\.$/, undefined, JOB_WAIT)).toBeTruthy();
    await waitFor(() => expect(copyRows(panel)).toHaveLength(1));
    expect(within(copyRows(panel)[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringMatching(/^\d+(\.\d)? (KB|MB)$/), 'Yes, no damage found', 'Restore…']);
    await waitFor(() => expect(statusOf(panel, 'Last backup')).not.toBe('None yet'));
    expect(statusOf(panel, 'Next backup due')).toMatch(/^About .+, if something has changed by then$/);
    expect(must(await backend.api.listAutomaticBackups({}))).toHaveLength(1);
  }, 40_000);

  it('restores a copy after asking: a learner deleted since comes back, in the picker too', async () => {
    const backend = await newBackend();
    const { api } = backend;
    const amara = must(await api.createLearnerProfile({ displayName: 'Amara' }));
    const copy = must(await api.runAutomaticBackup({}));
    must(await api.deleteLearnerProfile({ learnerId: amara.id }));
    must(await api.createLearnerProfile({ displayName: 'Ben' }));
    const { panel, store } = await openAutomaticBackups(backend);
    await waitFor(() => expect(store.getState().learners?.map((l) => l.displayName)).toEqual(['Ben']));
    const user = userEvent.setup();

    const restoreButton = await within(panel).findByRole('button', { name: /^Restore the automatic backup from / });
    await user.click(restoreButton);
    const confirm = within(panel).getByRole('group', { name: 'Restore this automatic backup?' });
    expect(confirm.textContent).toContain('Whatever was changed since then is undone');
    expect(confirm.textContent).toContain('a snapshot of how things are now is taken');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: /^Restore the automatic backup from / })));
    expect(must(await api.listLearners({})).map((l) => l.displayName)).toEqual(['Ben']);

    await user.click(within(panel).getByRole('button', { name: /^Restore the automatic backup from / }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, restore it' }));
    expect(await within(panel).findByText(/^Done\. The records are back to how they were on .+ A snapshot of how they were just before was kept/, undefined, JOB_WAIT)).toBeTruthy();
    expect(must(await api.listLearners({})).map((l) => l.displayName)).toEqual(['Amara']);
    await waitFor(() => expect(store.getState().learners?.map((l) => l.displayName)).toEqual(['Amara']));
    // The safety snapshot was taken first, and this admin (in the copy too) is still unlocked.
    expect(must(await api.listSnapshots({})).map((s) => s.reason)).toContain('pre-snapshot-restore');
    expect(store.getState().session?.educator?.username).toBe('admin');
    const audit = backend.database.sqlite.prepare("SELECT target_id AS id FROM audit_log WHERE action = 'automatic_backup_restored'").all();
    expect(audit).toEqual([{ id: copy.id }]);
  }, 40_000);
});
