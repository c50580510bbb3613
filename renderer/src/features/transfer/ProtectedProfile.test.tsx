// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../tests/support/in-process-api';
import { makeTempFolder } from '../../../../tests/support/temp-file';
import { App } from '../../App';
import { renderWithStore } from '../../test-support/render-app';
import { addLearnerWithWork, AGE_HEADER, FILE_WAIT, lastSavedFile, must, panelNamed, setSchoolPassphrase, useBackends } from '../../test-support/transfer-fixture';

const newBackend = useBackends();
const PASSPHRASE = 'purple otter sings loudly';
const SCHOOL = 'maple river school 2026';

async function openMovePanel(backend: InProcessApi) {
  const rendered = await renderWithStore(<App />, backend);
  await rendered.store.getState().loadLearners();
  rendered.store.getState().openEducatorPanel('move');
  await screen.findByRole('heading', { level: 2, name: 'Move a learner to another computer' });
  return { ...rendered, panel: panelNamed('Move a learner') };
}

const learnerNames = (backend: InProcessApi) => (backend.database.sqlite.prepare('SELECT display_name AS n FROM learner_profiles ORDER BY n').all() as Array<{ n: string }>).map((r) => r.n);
const startsWithAgeHeader = (file: File) => file.slice(0, AGE_HEADER.length).text().then((head) => head === AGE_HEADER);
const promptFor = (panel: HTMLElement, fileName: string) => within(panel).findByRole('form', { name: `“${fileName}” is protected with a passphrase` }, FILE_WAIT);

describe('a profile file protected with a passphrase', () => {
  it('checks the passphrase before making it; the other computer asks for it, a wrong one changes nothing, the right one imports', async () => {
    const a = await newBackend();
    const b = await newBackend();
    await addLearnerWithWork(a.api, 'Amara');
    const { panel } = await openMovePanel(a);
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('checkbox', { name: 'Protect with a passphrase' }));
    // No school passphrase here: only a typed one is offered.
    expect(within(panel).queryByRole('radio', { name: 'Use the school passphrase' })).toBeNull();
    const first = within(panel).getByLabelText('Passphrase') as HTMLInputElement;
    const again = within(panel).getByLabelText('Type the passphrase again') as HTMLInputElement;
    expect(first.type).toBe('password');
    const save = within(panel).getByRole('button', { name: 'Save profile file' });

    await user.type(first, 'too short');
    await user.click(save);
    expect(within(panel).getByText(/^Use at least 12 characters/)).toBeTruthy();
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(first);
    await user.clear(first);
    await user.type(first, PASSPHRASE);
    await user.type(again, 'purple otter sings softly');
    await user.click(save);
    expect(within(panel).getByText('The two passphrases are not the same. Type them again.')).toBeTruthy();
    expect([first.value, again.value]).toEqual(['', '']);
    expect(a.savedFiles).toHaveLength(0);

    await user.type(first, PASSPHRASE);
    await user.type(again, `${PASSPHRASE}{Enter}`);
    await within(panel).findByText(/^Saved as Amara-\d{4}-\d{2}-\d{2}\.dalaprofile\. Look in your downloads folder\.$/, {}, FILE_WAIT);
    const file = lastSavedFile(a);
    expect(await startsWithAgeHeader(file)).toBe(true);
    expect(await file.text()).not.toContain('Amara');
    expect(first.value).toBe('');
    cleanup();

    const other = await openMovePanel(b);
    const chooser = within(other.panel).getByLabelText('Choose a profile file');
    await user.upload(chooser, file);
    let prompt = await promptFor(other.panel, file.name);
    let field = within(prompt).getByLabelText('Passphrase for this file') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(prompt.textContent).toContain('This file is protected with a passphrase.');
    // Cancel goes back to choosing a file.
    await user.click(within(prompt).getByRole('button', { name: 'Cancel' }));
    expect(within(other.panel).queryByRole('form')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(chooser));

    await user.upload(chooser, file);
    prompt = await promptFor(other.panel, file.name);
    field = within(prompt).getByLabelText('Passphrase for this file') as HTMLInputElement;
    await user.type(field, 'not the passphrase{Enter}');
    await within(prompt).findByText(/^That passphrase does not open this file\. Nothing was changed\./, {}, FILE_WAIT);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    expect(learnerNames(b)).toEqual([]);

    await user.type(field, `${PASSPHRASE}{Enter}`);
    await within(other.panel).findByRole('heading', { name: `What importing ${file.name} will change` }, FILE_WAIT);
    expect(within(other.panel).queryByRole('form', { name: /is protected with a passphrase/ })).toBeNull();
    await user.click(within(other.panel).getByRole('button', { name: 'Import now' }));
    await within(other.panel).findByRole('heading', { name: 'Import finished' });
    expect(learnerNames(b)).toEqual(['Amara']);
    const amara = must(await b.api.listLearners({}))[0]!;
    expect(must(await b.api.getActivityAttempts({ learnerId: amara.id }))).toHaveLength(2);
  });

  it('proposes the school passphrase once set; a computer with the same one opens the file without typing, another asks', async () => {
    const a = await newBackend();
    const b = await newBackend();
    const c = await newBackend();
    await setSchoolPassphrase(a, SCHOOL);
    await setSchoolPassphrase(b, SCHOOL);
    await setSchoolPassphrase(c, 'another school passphrase');
    await addLearnerWithWork(a.api, 'Amara');
    const { panel } = await openMovePanel(a);
    const user = userEvent.setup();
    const school = await within(panel).findByRole('radio', { name: 'Use the school passphrase' });
    expect(school).toHaveProperty('checked', true);
    expect(within(panel).getByRole('checkbox', { name: 'Protect with a passphrase' })).toHaveProperty('checked', true);
    expect(within(panel).queryByLabelText('Passphrase')).toBeNull();
    await user.click(within(panel).getByRole('radio', { name: 'Use a passphrase for this file only' }));
    expect(within(panel).getByLabelText('Passphrase')).toBeTruthy();
    await user.click(school);
    await user.click(within(panel).getByRole('button', { name: 'Save profile file' }));
    await within(panel).findByText(/^Saved as Amara-.+\.dalaprofile\. Look in your downloads folder\.$/, {}, FILE_WAIT);
    const file = lastSavedFile(a);
    expect(await startsWithAgeHeader(file)).toBe(true);
    cleanup();

    const same = await openMovePanel(b);
    await user.upload(within(same.panel).getByLabelText('Choose a profile file'), file);
    await within(same.panel).findByRole('heading', { name: `What importing ${file.name} will change` }, FILE_WAIT);
    expect(within(same.panel).queryByRole('form')).toBeNull();
    cleanup();

    const elsewhere = await openMovePanel(c);
    await user.upload(within(elsewhere.panel).getByLabelText('Choose a profile file'), file);
    const prompt = await promptFor(elsewhere.panel, file.name);
    expect(prompt.textContent).toContain('not the school passphrase');
    await user.type(within(prompt).getByLabelText('Passphrase for this file'), `${SCHOOL}{Enter}`);
    await within(elsewhere.panel).findByRole('heading', { name: `What importing ${file.name} will change` }, FILE_WAIT);
  });
});

describe('in the desktop app', () => {
  it('the main process’s own dialogs choose and save the file; a cancelled save can be done again', async () => {
    const folder = makeTempFolder('dala-dialogs-');
    try {
      let saves = 0;
      const a = await newBackend({ fileDialogs: { chooseOpen: async () => undefined, chooseSave: async (name) => (saves++ === 0 ? undefined : folder.join(`copy-of-${name}`)) } });
      await addLearnerWithWork(a.api, 'Amara');
      const { panel } = await openMovePanel(a);
      const user = userEvent.setup();
      await user.click(within(panel).getByRole('button', { name: 'Save profile file' }));
      await within(panel).findByText('The file was not saved. Use “Save the file again” to choose where.');
      await user.click(within(panel).getByRole('button', { name: 'Save the file again' }));
      const saved = await within(panel).findByText(/^Saved as copy-of-Amara-.+\.dalaprofile\.$/);
      const [name] = folder.list();
      expect(saved.textContent).toBe(`Saved as ${name}.`);
      expect(a.savedFiles).toHaveLength(0);
      cleanup();

      const asked: string[] = [];
      const b = await newBackend({ fileDialogs: { chooseOpen: async (purpose) => (asked.push(purpose), folder.join(name!)), chooseSave: async () => undefined } });
      const other = await openMovePanel(b);
      // No file input: the button opens the main process's dialog.
      expect(within(other.panel).queryByLabelText('Choose a profile file')).toBeNull();
      await user.click(within(other.panel).getByRole('button', { name: 'Choose a profile file' }));
      await within(other.panel).findByRole('heading', { name: `What importing ${name} will change` }, FILE_WAIT);
      expect(asked).toEqual(['profile']);
    } finally {
      folder.remove();
    }
  });
});
