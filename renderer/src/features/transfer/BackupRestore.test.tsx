// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { gunzipText } from '../../../../tests/support/gzip';
import type { InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import { unlockAdmin } from '../../test-support/classes-fixture';
import { renderWithStore } from '../../test-support/render-app';
import { addLearnerWithWork, AGE_HEADER, FILE_WAIT, JOB_WAIT, lastSavedFile, must, panelNamed, useBackends } from '../../test-support/transfer-fixture';

const newBackend = useBackends();

async function openBackupPanel(backend: InProcessApi) {
  await unlockAdmin(backend);
  const rendered = await renderWithStore(<App />, backend);
  await rendered.store.getState().loadLearners();
  rendered.store.getState().openEducatorPanel('backup');
  await screen.findByRole('heading', { level: 2, name: 'Backup and restore' });
  return { ...rendered, panel: panelNamed('Backup and restore') };
}

const learnerNames = (backend: InProcessApi) => (backend.database.sqlite.prepare('SELECT display_name AS n FROM learner_profiles ORDER BY n').all() as Array<{ n: string }>).map((r) => r.n);

/** Makes a backup through the UI (gzip and a passphrase when asked); returns the saved file. */
async function backupThroughUi(backend: InProcessApi, options: { choose?: string[]; gzip?: boolean; passphrase?: string } = {}): Promise<File> {
  const { choose, gzip = false, passphrase } = options;
  const { panel } = await openBackupPanel(backend);
  const user = userEvent.setup();
  if (choose) {
    await user.click(within(panel).getByRole('radio', { name: 'Only the learners I choose' }));
    for (const name of choose) await user.click(within(panel).getByRole('checkbox', { name }));
  }
  if (gzip) await user.click(within(panel).getByRole('checkbox', { name: 'Compress (gzip)' }));
  if (passphrase) {
    await user.click(within(panel).getByRole('checkbox', { name: 'Protect with a passphrase' }));
    await user.type(within(panel).getByLabelText('Passphrase'), passphrase);
    await user.type(within(panel).getByLabelText('Type the passphrase again'), passphrase);
  }
  await user.click(within(panel).getByRole('button', { name: 'Make backup' }));
  const bar = await within(panel).findByRole('progressbar', { name: 'Backup progress' });
  const learners = choose?.length ?? learnerNames(backend).length;
  const ending = passphrase ? '\\.json\\.age' : gzip ? '\\.json\\.gz' : '\\.json';
  await within(panel).findByText(new RegExp(`^Backup saved as dala-backup-\\d{4}-\\d{2}-\\d{2}${ending}: ${learners} learners?, \\d+ records\\. Look in your downloads folder\\.$`), {}, JOB_WAIT);
  expect(bar.getAttribute('aria-valuenow')).toBe(String(learners));
  expect(bar.getAttribute('aria-valuemax')).toBe(String(learners));
  expect(backend.savedFiles).toHaveLength(1);
  cleanup();
  return lastSavedFile(backend);
}

describe('backup', () => {
  it('runs as a job with a progress bar and saves a file that restores elsewhere (dry run first, then after asking)', async () => {
    const a = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    await addLearnerWithWork(a.api, 'Ben');
    await addLearnerWithWork(a.api, 'Chloé');
    const file = await backupThroughUi(a);

    const b = await newBackend();
    must(await b.api.createLearnerProfile({ displayName: 'Dawit' }));
    const again = await openBackupPanel(b);
    const user = userEvent.setup();
    await user.upload(within(again.panel).getByLabelText('Choose a backup file'), file);
    await within(again.panel).findByRole('heading', { name: 'About this backup' }, FILE_WAIT);
    expect(within(again.panel).getByText('Learners').nextElementSibling?.textContent).toBe('3');
    const replace = within(again.panel).getByRole('checkbox', { name: 'Replace everything on this computer with the backup' });
    expect(replace).toHaveProperty('checked', false);
    expect(within(again.panel).getByText(/every learner who is not in the backup is removed/)).toBeTruthy();

    await user.click(within(again.panel).getByRole('button', { name: 'Check what would change' }));
    await within(again.panel).findByRole('heading', { name: 'What restoring would change' }, JOB_WAIT);
    expect(within(again.panel).getByText(/^\d+ new, 0 updated, 0 conflicts\.$/, { selector: '.import-summary' })).toBeTruthy();
    expect(learnerNames(b)).toEqual(['Dawit']);

    await user.click(within(again.panel).getByRole('button', { name: 'Restore now…' }));
    const confirm = within(again.panel).getByRole('group', { name: 'Restore this backup?' });
    expect(confirm.textContent).toContain('combined with the records on this computer');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, restore' }));
    await within(again.panel).findByRole('heading', { name: 'Restore finished' }, JOB_WAIT);
    expect(within(again.panel).getByRole('progressbar', { name: 'Restore progress' }).getAttribute('aria-valuenow')).toBe('3');
    expect(learnerNames(b)).toEqual(['Amara', 'Ben', 'Chloé', 'Dawit']);
    await waitFor(() => expect(again.store.getState().learners).toHaveLength(4));
  });

  it('backs up only the chosen learners, compressed when asked', async () => {
    const a = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    await addLearnerWithWork(a.api, 'Ben');
    const file = await backupThroughUi(a, { choose: ['Ben'], gzip: true });
    const parsed = JSON.parse(gunzipText(new Uint8Array(await file.arrayBuffer()))) as { learners: Array<{ learner: { displayName: string } }> };
    expect(parsed.learners.map((l) => l.learner.displayName)).toEqual(['Ben']);
  });

  it('a compressed backup protected with a passphrase restores into an empty computer once the passphrase is typed', async () => {
    const a = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    await addLearnerWithWork(a.api, 'Ben');
    const passphrase = 'seven green kites fly high';
    const file = await backupThroughUi(a, { gzip: true, passphrase });
    expect(await file.slice(0, AGE_HEADER.length).text()).toBe(AGE_HEADER);

    const b = await newBackend();
    const { panel } = await openBackupPanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a backup file'), file);
    const prompt = await within(panel).findByRole('form', { name: `“${file.name}” is protected with a passphrase` }, JOB_WAIT);
    const field = within(prompt).getByLabelText('Passphrase for this file');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(within(panel).queryByRole('heading', { name: 'About this backup' })).toBeNull();
    await user.type(field, 'seven green kites fly low{Enter}');
    await within(prompt).findByText(/^That passphrase does not open this file\. Nothing was changed\./, {}, JOB_WAIT);
    await user.type(field, `${passphrase}{Enter}`);
    await within(panel).findByRole('heading', { name: 'About this backup' }, JOB_WAIT);
    expect(within(panel).getByText('Learners').nextElementSibling?.textContent).toBe('2');
    expect(within(panel).queryByRole('form', { name: /is protected with a passphrase/ })).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Check what would change' }));
    await within(panel).findByRole('heading', { name: 'What restoring would change' }, JOB_WAIT);
    expect(learnerNames(b)).toEqual([]);
    await user.click(within(panel).getByRole('button', { name: 'Restore now…' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, restore' }));
    await within(panel).findByRole('heading', { name: 'Restore finished' }, JOB_WAIT);
    expect(learnerNames(b)).toEqual(['Amara', 'Ben']);
  });

  it('warns before replacing, and a changed choice needs a new dry run', async () => {
    const a = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    const file = await backupThroughUi(a);
    const b = await newBackend();
    must(await b.api.createLearnerProfile({ displayName: 'Dawit' }));
    const { panel } = await openBackupPanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a backup file'), file);
    await user.click(await within(panel).findByRole('button', { name: 'Check what would change' }, FILE_WAIT));
    await within(panel).findByRole('button', { name: 'Restore now…' }, JOB_WAIT);
    await user.click(within(panel).getByRole('checkbox', { name: 'Replace everything on this computer with the backup' }));
    expect(within(panel).queryByRole('button', { name: 'Restore now…' })).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Check what would change' }));
    await within(panel).findByText('1 learner not in the backup would be removed.', {}, JOB_WAIT);
    await user.click(within(panel).getByRole('button', { name: 'Restore now…' }));
    expect(within(panel).getByRole('group', { name: 'Restore this backup?' }).textContent).toContain('Learners not in it are removed');
    await user.click(within(panel).getByRole('button', { name: 'Yes, restore' }));
    // The backup's school replaced this machine's: the admin who ran the restore is not in it, so
    // Educator tools lock and say why; the backup's own admin unlocks them.
    const notice = await screen.findByText(/^Educator tools were locked: .*brings back the backup’s accounts/, {}, JOB_WAIT);
    expect(notice).toBeTruthy();
    expect(learnerNames(b)).toEqual(['Amara']);
    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('tab', { name: 'Backup and restore' });
  });

  it('refuses a damaged backup file with the reason, before any job runs', async () => {
    const b = await newBackend();
    const { panel } = await openBackupPanel(b);
    const user = userEvent.setup();
    await user.upload(within(panel).getByLabelText('Choose a backup file'), new File(['{"format":"dala-backup","formatVersion":1'], 'broken.json', { type: 'application/json' }));
    const alert = await within(panel).findByRole('alert', {}, FILE_WAIT);
    expect(alert.textContent).toMatch(/^This file cannot be used: The backup file /);
    expect(within(panel).queryByRole('button', { name: 'Check what would change' })).toBeNull();
  });

  it('explains a backup that could not start, and tries again', async () => {
    const a = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    let failures = 1;
    const real = a.api.startBackup;
    a.api.startBackup = async (input) => (failures-- > 0 ? { ok: false, error: { code: 'storage', message: 'Worker failed' } } : real(input));
    const { panel } = await openBackupPanel(a);
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Make backup' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain('could not finish this just now');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(panel).findByText(/^Backup saved as /, {}, JOB_WAIT);
  });
});
