// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DalaEvents, EventPayload, MenuCommand } from '../../../../electron/common/contract';
import type { InProcessApi } from '../../../../tests/support/in-process-api';
import { writeTempFile } from '../../../../tests/support/temp-file';
import { App } from '../../App';
import { unlockAdmin } from '../../test-support/classes-fixture';
import { renderWithStore } from '../../test-support/render-app';
import { addLearnerWithWork, FILE_WAIT, profileFileOf, useBackends } from '../../test-support/transfer-fixture';

const newBackend = useBackends();

/** Plays the preload's window.dalaEvents: the test sends what the main process would. */
function fakeEvents() {
  const menu = new Set<(c: MenuCommand) => void>();
  const files = new Set<(p: EventPayload<'profileFileOpened'>) => void>();
  const events: DalaEvents = {
    onMenuCommand: (l) => (menu.add(l), () => menu.delete(l)),
    onProfileFileOpened: (l) => (files.add(l), () => files.delete(l)),
  };
  window.dalaEvents = events;
  return {
    menu: (command: MenuCommand) => act(() => menu.forEach((l) => l(command))),
    fileOpened: (payload: EventPayload<'profileFileOpened'>) => act(() => files.forEach((l) => l(payload))),
    listeners: () => menu.size + files.size,
  };
}
afterEach(() => {
  delete window.dalaEvents;
});

/** A profile file of a new learner `name`, made on `backend` (another computer); protected when a passphrase is given. */
async function fileOfNewLearner(backend: InProcessApi, name: string, passphrase?: string): Promise<File> {
  const learnerId = await addLearnerWithWork(backend.api, name);
  return profileFileOf(backend, learnerId, passphrase ? { passphrase } : {});
}

const selectedTab = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;

describe('menu commands from the main process', () => {
  it('open the matching educator panel, and unsubscribe when the window goes', async () => {
    const main = fakeEvents();
    const backend = await newBackend();
    await unlockAdmin(backend);
    const { store, unmount } = await renderWithStore(<App />, backend);
    main.menu('backup');
    await waitFor(() => expect(selectedTab()).toBe('Backup and restore'));
    main.menu('importProfile');
    await waitFor(() => expect(selectedTab()).toBe('Move a learner'));
    main.menu('restore');
    await waitFor(() => expect(selectedTab()).toBe('Backup and restore'));
    main.menu('exportProfile');
    await waitFor(() => expect(selectedTab()).toBe('Move a learner'));
    main.menu('educatorTools');
    expect(store.getState().screen).toEqual({ name: 'educator' });
    expect(selectedTab()).toBe('Move a learner');
    unmount();
    expect(main.listeners()).toBe(0);
  });

  it('New learner leaves the open learner and puts the cursor in the name field', async () => {
    const main = fakeEvents();
    const backend = await newBackend();
    const learnerId = await addLearnerWithWork(backend.api, 'Amara');
    const { store } = await renderWithStore(<App />, backend);
    await store.getState().openLearner(learnerId);
    await waitFor(() => expect(store.getState().screen.name).not.toBe('picker'));
    main.menu('newLearner');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Your name')));
    expect(store.getState().profile).toBeNull();
    main.menu('newLearner');
    expect(document.activeElement).toBe(screen.getByLabelText('Your name'));
  });
});

describe('a .dalaprofile opened by the OS', () => {
  it('goes to the import panel and previews the file by its id', async () => {
    const main = fakeEvents();
    const file = await fileOfNewLearner(await newBackend(), 'Amara');
    const opened = writeTempFile('Amara.dalaprofile', await file.text());
    const filePath = opened.path;
    const asked: string[] = [];
    const backend = await newBackend({ resolveProfileFile: (fileId) => (asked.push(fileId), fileId === 'file-1' ? filePath : undefined) });
    try {
      await unlockAdmin(backend);
      await renderWithStore(<App />, backend);
      main.fileOpened({ fileId: 'file-1', fileName: 'Amara.dalaprofile' });
      await screen.findByRole('heading', { name: 'What importing Amara.dalaprofile will change' }, FILE_WAIT);
      expect(selectedTab()).toBe('Move a learner');
      expect(asked).toEqual(['file-1']);
    } finally {
      opened.remove();
    }
  });

  it('asks for the passphrase of a protected one, and previews it once given', async () => {
    const main = fakeEvents();
    const passphrase = 'quiet harbour at dawn';
    const file = await fileOfNewLearner(await newBackend(), 'Amara', passphrase);
    const opened = writeTempFile('Amara.dalaprofile', new Uint8Array(await file.arrayBuffer()));
    const backend = await newBackend({ resolveProfileFile: (fileId) => (fileId === 'file-2' ? opened.path : undefined) });
    try {
      await renderWithStore(<App />, backend);
      main.fileOpened({ fileId: 'file-2', fileName: 'Amara.dalaprofile' });
      const prompt = await screen.findByRole('form', { name: '“Amara.dalaprofile” is protected with a passphrase' }, FILE_WAIT);
      const field = within(prompt).getByLabelText('Passphrase for this file');
      await waitFor(() => expect(document.activeElement).toBe(field));
      await userEvent.setup().type(field, `${passphrase}{Enter}`);
      await screen.findByRole('heading', { name: 'What importing Amara.dalaprofile will change' }, FILE_WAIT);
    } finally {
      opened.remove();
    }
  });
});

describe('dropping a file on the window', () => {
  const dataTransfer = (files: File[]) => ({ types: ['Files'], files, dropEffect: 'none' });

  it('shows the drop overlay while a file is dragged, and previews a dropped .dalaprofile', async () => {
    const dropped = await fileOfNewLearner(await newBackend(), 'Amara');
    const backend = await newBackend();
    await unlockAdmin(backend);
    await renderWithStore(<App />, backend);
    fireEvent.dragEnter(window, { dataTransfer: dataTransfer([dropped]) });
    expect(screen.getByText('Drop the .dalaprofile file to import it')).toBeTruthy();
    fireEvent.dragLeave(window, { dataTransfer: dataTransfer([dropped]) });
    expect(screen.queryByText('Drop the .dalaprofile file to import it')).toBeNull();
    fireEvent.dragEnter(window, { dataTransfer: dataTransfer([dropped]) });
    fireEvent.drop(window, { dataTransfer: dataTransfer([dropped]) });
    expect(screen.queryByText('Drop the .dalaprofile file to import it')).toBeNull();
    const heading = await screen.findByRole('heading', { name: `What importing ${dropped.name} will change` }, FILE_WAIT);
    const panel = screen.getByRole('tabpanel', { name: 'Move a learner' });
    expect(panel.contains(heading)).toBe(true);
    expect(within(panel).getByText('New on this computer.')).toBeTruthy();
  });

  it('refuses a file that is not a .dalaprofile in plain words', async () => {
    const backend = await newBackend();
    await renderWithStore(<App />, backend);
    const photo = new File(['not a profile'], 'holiday.jpg');
    fireEvent.dragEnter(window, { dataTransfer: dataTransfer([photo]) });
    fireEvent.drop(window, { dataTransfer: dataTransfer([photo]) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“holiday.jpg” is not a profile file.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
