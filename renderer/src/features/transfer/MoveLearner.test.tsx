// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import { unlockAdmin } from '../../test-support/classes-fixture';
import { renderWithStore } from '../../test-support/render-app';
import { addLearnerWithWork, FILE_WAIT, lastSavedFile, must, panelNamed, useBackends } from '../../test-support/transfer-fixture';

const newBackend = useBackends();

async function openMovePanel(backend: InProcessApi) {
  await unlockAdmin(backend);
  const rendered = await renderWithStore(<App />, backend);
  await rendered.store.getState().loadLearners();
  rendered.store.getState().openEducatorPanel('move');
  await screen.findByRole('heading', { level: 2, name: 'Move a learner to another computer' });
  return { ...rendered, panel: panelNamed('Move a learner') };
}

/** Saves the chosen learner's profile file in the window of `backend` (a download, as in the browser host); returns the file. */
async function exportThroughUi(backend: InProcessApi, learnerName: string): Promise<File> {
  const { panel } = await openMovePanel(backend);
  const user = userEvent.setup();
  await user.selectOptions(within(panel).getByLabelText('Learner'), learnerName);
  expect(within(panel).getByRole('checkbox', { name: 'Protect with a passphrase' })).toHaveProperty('checked', false);
  await user.click(within(panel).getByRole('button', { name: 'Save profile file' }));
  await within(panel).findByText(/^Saved as .+\.dalaprofile\. Look in your downloads folder\.$/);
  expect(backend.savedFiles).toHaveLength(1);
  const saved = lastSavedFile(backend);
  expect(saved.name).toMatch(new RegExp(`^${learnerName}-\\d{4}-\\d{2}-\\d{2}\\.dalaprofile$`));
  backend.savedFiles.length = 0;
  cleanup();
  return saved;
}

const learnerNames = (backend: InProcessApi) => (backend.database.sqlite.prepare('SELECT display_name AS n FROM learner_profiles ORDER BY n').all() as Array<{ n: string }>).map((r) => r.n);

describe('moving a learner between two computers', () => {
  it('exports from A, previews and imports into B; the same file again changes nothing', async () => {
    const a = await newBackend();
    const b = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    await addLearnerWithWork(a.api, 'Ben');
    const file = await exportThroughUi(a, 'Amara');

    const { panel, store } = await openMovePanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a profile file'), file);
    const heading = await within(panel).findByRole('heading', { name: `What importing ${file.name} will change` }, FILE_WAIT);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(within(panel).getByText('New on this computer.')).toBeTruthy();
    const table = within(panel).getByRole('table', { name: 'Changes for Amara' });
    const attempts = within(table).getByRole('rowheader', { name: 'Activity attempts' }).closest('tr') as HTMLElement;
    expect(within(attempts).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '0', '0']);
    expect(within(panel).getByRole('radio', { name: 'Combine (recommended)' })).toHaveProperty('checked', true);
    expect(within(panel).getByText(/Throw away what this computer has/)).toBeTruthy();
    expect(learnerNames(b)).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Import now' }));
    await within(panel).findByRole('heading', { name: 'Import finished' });
    expect(within(panel).getByText('Added to this computer.')).toBeTruthy();
    expect(learnerNames(b)).toEqual(['Amara']);
    await waitFor(() => expect(store.getState().learners?.map((l) => l.displayName)).toEqual(['Amara']));
    const amara = must(await b.api.listLearners({}))[0]!;
    expect(must(await b.api.getActivityAttempts({ learnerId: amara.id }))).toHaveLength(2);

    await user.click(within(panel).getByRole('button', { name: 'Import another file' }));
    await user.upload(within(panel).getByLabelText('Choose a profile file'), file);
    await within(panel).findByText('Already here and up to date: nothing changes.', {}, FILE_WAIT);
    expect(within(panel).getAllByText(/^0 new, 0 updated, 0 conflicts\.$/).length).toBeGreaterThan(0);
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(within(panel).queryByRole('heading', { name: /What importing/ })).toBeNull();
    expect(learnerNames(b)).toEqual(['Amara']);
  });

  it('keeps work from both sides when the file comes back, and reloads the open profile', async () => {
    const a = await newBackend();
    const b = await newBackend();
    const learnerId = await addLearnerWithWork(a.api, 'Amara', 'Space');
    const first = await exportThroughUi(a, 'Amara');
    const { panel } = await openMovePanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a profile file'), first);
    await user.click(await within(panel).findByRole('button', { name: 'Import now' }, FILE_WAIT));
    await within(panel).findByRole('heading', { name: 'Import finished' });
    must(await b.api.addInterest({ learnerId, interestName: 'Dinosaurs' }));
    cleanup();

    const back = await exportThroughUi(b, 'Amara');
    const rendered = await openMovePanel(a);
    await rendered.store.getState().loadProfile(learnerId);
    await user.upload(within(rendered.panel).getByLabelText('Choose a profile file'), back);
    await within(rendered.panel).findByText('Already here: their records will be combined.', {}, FILE_WAIT);
    await user.click(within(rendered.panel).getByRole('button', { name: 'Import now' }));
    await within(rendered.panel).findByText('Combined with the records already here.');
    await waitFor(() => expect(rendered.store.getState().profile?.interests.map((i) => i.interestName).sort()).toEqual(['Dinosaurs', 'Space']));
  });

  it('explains a file that is not a profile in plain words, and writes nothing', async () => {
    const b = await newBackend();
    const { panel } = await openMovePanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a profile file'), new File(['{"format":"something-else"}'], 'notes.dalaprofile'));
    const alert = await within(panel).findByRole('alert', {}, FILE_WAIT);
    expect(alert.textContent).toMatch(/^This file cannot be used: The profile file is not a DALA profile file/);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(learnerNames(b)).toEqual([]);
  });

  it('a failed import is explained in plain words (no database detail) and can be tried again', async () => {
    const a = await newBackend();
    const b = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    const file = await exportThroughUi(a, 'Amara');
    let failures = 1;
    const real = b.api.applyProfileImport;
    b.api.applyProfileImport = async (input) => (failures-- > 0 ? { ok: false, error: { code: 'storage', message: 'SQLITE_FULL: database or disk is full' } } : real(input));
    const { panel } = await openMovePanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a profile file'), file);
    await user.click(await within(panel).findByRole('button', { name: 'Import now' }, FILE_WAIT));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain('free disk space');
    expect(alert.textContent).not.toContain('SQLITE');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(panel).findByRole('heading', { name: 'Import finished' });
    expect(learnerNames(b)).toEqual(['Amara']);
  });
});
