// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import type { EducatorPanelId } from '../../store/navigation-slice';
import { unlockAdmin } from '../../test-support/classes-fixture';
import { renderWithStore } from '../../test-support/render-app';
import { addLearnerWithWork, handOver, must, panelNamed, profileFileOf, useBackends } from '../../test-support/transfer-fixture';

const newBackend = useBackends();

async function openPanel(backend: InProcessApi, panel: EducatorPanelId, tabName: string) {
  await unlockAdmin(backend);
  const rendered = await renderWithStore(<App />, backend);
  await rendered.store.getState().loadLearners();
  rendered.store.getState().openEducatorPanel(panel);
  await waitFor(() => expect(screen.getByRole('tab', { name: tabName }).getAttribute('aria-selected')).toBe('true'));
  return { ...rendered, panel: panelNamed(tabName) };
}

const learnerCount = (backend: InProcessApi) => (backend.database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;

/** Imports Amara's profile file (made in another data dir) into `backend` through the handlers. */
async function importAmara(into: InProcessApi, other: InProcessApi): Promise<void> {
  const learnerId = await addLearnerWithWork(other.api, 'Amara');
  const fileId = await handOver(into, await profileFileOf(other, learnerId));
  const preview = must(await into.api.previewProfileImport({ fileId }));
  must(await into.api.applyProfileImport({ importId: preview.importId, policy: 'merge' }));
}

describe('undo last import', () => {
  it('says there is nothing to undo on a fresh computer', async () => {
    const backend = await newBackend();
    const { panel } = await openPanel(backend, 'undo', 'Undo last import');
    expect(await within(panel).findByText('There is no import to undo.')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Undo last import…' })).toBeNull();
  });

  it('shows what was imported and when, asks first (warning about later changes), then undoes it', async () => {
    const backend = await newBackend();
    await addLearnerWithWork(backend.api, 'Ben');
    await importAmara(backend, await newBackend());
    const { panel, store } = await openPanel(backend, 'undo', 'Undo last import');
    expect(await within(panel).findByText(/^Last import: Amara-\d{4}-\d{2}-\d{2}\.dalaprofile, on .+ \(1 learner\)\.$/)).toBeTruthy();
    must(await backend.api.createLearnerProfile({ displayName: 'Chloé' }));
    const user = userEvent.setup();

    await user.click(within(panel).getByRole('button', { name: 'Undo last import…' }));
    const confirm = within(panel).getByRole('group', { name: 'Undo the last import?' });
    expect(confirm.textContent).toMatch(/Everything changed on this computer since .+ is undone too/);
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(learnerCount(backend)).toBe(3);

    await user.click(within(panel).getByRole('button', { name: 'Undo last import…' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, undo it' }));
    await within(panel).findByText(/^Done\. The records are back to how they were before Amara-.+\.dalaprofile was imported\.$/);
    // Chloé came after the import: she is undone too.
    expect(learnerCount(backend)).toBe(1);
    await within(panel).findByText('There is no import to undo.');
    await waitFor(() => expect(store.getState().learners?.map((l) => l.displayName)).toEqual(['Ben']));
  });

  it('closes the open learner when the undo removed them', async () => {
    const backend = await newBackend();
    await importAmara(backend, await newBackend());
    const { panel, store } = await openPanel(backend, 'undo', 'Undo last import');
    const amara = must(await backend.api.listLearners({}))[0]!;
    await store.getState().loadProfile(amara.id);
    const user = userEvent.setup();
    await user.click(await within(panel).findByRole('button', { name: 'Undo last import…' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, undo it' }));
    await waitFor(() => expect(store.getState().profile).toBeNull());
    expect(store.getState().screen.name).toBe('educator');
  });
});

describe('snapshots', () => {
  it('takes one by hand, lists it, and restores it after asking', async () => {
    const backend = await newBackend();
    await addLearnerWithWork(backend.api, 'Amara');
    const { panel, store } = await openPanel(backend, 'snapshots', 'Snapshots');
    expect(await within(panel).findByText('There are no snapshots yet.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Take a snapshot now' }));
    await within(panel).findByText(/^Snapshot taken at /);
    const table = await within(panel).findByRole('table', { name: 'Snapshots on this computer, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('Taken by hand')).toBeTruthy();

    must(await backend.api.createLearnerProfile({ displayName: 'Ben' }));
    await store.getState().loadLearners();
    await user.click(within(table).getByRole('button', { name: /^Restore the snapshot from / }));
    const confirm = within(panel).getByRole('group', { name: 'Restore this snapshot?' });
    expect(confirm.textContent).toContain('Everything changed since then is undone');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, restore it' }));
    await within(panel).findByText(/^Done\. The records are back to how they were on /);
    expect(learnerCount(backend)).toBe(1);
    await waitFor(() => expect(store.getState().learners?.map((l) => l.displayName)).toEqual(['Amara']));
    // A snapshot of the state before the restore was kept, so the restore can be reversed.
    await within(panel).findByText('Before a snapshot was restored');
  });

  it('explains a failed snapshot in plain words and tries again', async () => {
    const backend = await newBackend();
    let failures = 1;
    const real = backend.api.createSnapshot;
    backend.api.createSnapshot = async (input) => (failures-- > 0 ? { ok: false, error: { code: 'storage', message: 'EACCES: permission denied' } } : real(input));
    const { panel } = await openPanel(backend, 'snapshots', 'Snapshots');
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Take a snapshot now' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).not.toContain('EACCES');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(panel).findByText('Taken by hand');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
