import fs from 'node:fs';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { TransferFileView } from '../common/transfer-views';
import { ipcChannel, ipcEvent } from '../common/channels';
import { FakeEvent, type FakeMain } from '../test-support/fake-electron';
import { learnerCount, useLaunchedApps, type Started } from '../test-support/launch-fixture';

/**
 * The main process's part in transfers: the native open and save dialogs, files the OS opened,
 * payload limits over IPC, jobs on quit.
 */
const { dirs, startReady } = useLaunchedApps();

type Answer<T> = T | (() => Promise<T>);

/**
 * Puts showOpenDialog and showSaveDialog on the fake dialog module (the shared fake has only the
 * message boxes): each call is recorded with the window it was attached to, and answered as told.
 */
function stubFileDialogs(fake: FakeMain) {
  const calls = { opens: [] as Array<{ parent: unknown; options: OpenDialogOptions }>, saves: [] as Array<{ parent: unknown; options: SaveDialogOptions }> };
  const answers: { open: Answer<OpenDialogReturnValue>; save: Answer<SaveDialogReturnValue> } = { open: { canceled: true, filePaths: [] }, save: { canceled: true, filePath: '' } };
  const split = <O>(args: unknown[]) => (args.length > 1 ? { parent: args[0], options: args[1] as O } : { parent: undefined, options: args[0] as O });
  Object.assign(fake.dialog, {
    showOpenDialog: (...args: unknown[]) => {
      calls.opens.push(split<OpenDialogOptions>(args));
      return typeof answers.open === 'function' ? answers.open() : Promise.resolve(answers.open);
    },
    showSaveDialog: (...args: unknown[]) => {
      calls.saves.push(split<SaveDialogOptions>(args));
      return typeof answers.save === 'function' ? answers.save() : Promise.resolve(answers.save);
    },
  });
  return { calls, answers };
}

function windowCalls({ fake }: Started) {
  const contents = fake.windows[0]!.webContents;
  return (channel: Parameters<typeof ipcChannel>[0], payload: unknown) => fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel(channel), payload);
}

describe('the native file dialogs', () => {
  it('saves an exported profile where the user chose, proposing <Documents>/<file name> over the window', async () => {
    const started = await startReady({ asAdmin: true });
    const { fake } = started;
    const invoke = windowCalls(started);
    const documents = dirs.make();
    fake.app.paths.set('documents', documents);
    const dialogs = stubFileDialogs(fake);
    const stick = dirs.make();
    dialogs.answers.save = { canceled: false, filePath: path.join(stick, 'Ann.dalaprofile') };

    const created = (await invoke('createLearnerProfile', { displayName: 'Ann' })) as { value: { id: string } };
    const exported = (await invoke('exportLearnerProfile', { learnerId: created.value.id })) as { ok: true; value: TransferFileView };
    expect(exported.value.fileName).toMatch(/^Ann-\d{4}-\d{2}-\d{2}\.dalaprofile$/);
    expect(await invoke('saveTransferFile', { fileId: exported.value.fileId })).toEqual({ ok: true, value: { kind: 'saved', fileName: 'Ann.dalaprofile' } });
    expect(dialogs.calls.saves).toHaveLength(1);
    expect(dialogs.calls.saves[0]!.parent).toBe(fake.windows[0]);
    expect(dialogs.calls.saves[0]!.options).toMatchObject({ defaultPath: path.join(documents, exported.value.fileName), filters: [{ name: 'DALA profile files', extensions: ['dalaprofile'] }, { name: 'All files', extensions: ['*'] }] });
    expect(JSON.parse(fs.readFileSync(path.join(stick, 'Ann.dalaprofile'), 'utf8'))).toMatchObject({ format: 'dala-learner-profile' });

    // Cancelled: nothing is written, the file can be saved again later.
    dialogs.answers.save = { canceled: true, filePath: '' };
    expect(await invoke('saveTransferFile', { fileId: exported.value.fileId })).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(fs.readdirSync(stick)).toEqual(['Ann.dalaprofile']);
  });

  it('opens a profile chosen in the open dialog by the id it gets, and answers null when cancelled', async () => {
    const started = await startReady({ asAdmin: true });
    const invoke = windowCalls(started);
    const dialogs = stubFileDialogs(started.fake);
    const stick = dirs.make();
    dialogs.answers.save = { canceled: false, filePath: path.join(stick, 'Ann.dalaprofile') };
    const created = (await invoke('createLearnerProfile', { displayName: 'Ann' })) as { value: { id: string } };
    const exported = (await invoke('exportLearnerProfile', { learnerId: created.value.id })) as { ok: true; value: TransferFileView };
    await invoke('saveTransferFile', { fileId: exported.value.fileId });

    dialogs.answers.open = { canceled: false, filePaths: [path.join(stick, 'Ann.dalaprofile')] };
    const chosen = (await invoke('chooseTransferFile', { purpose: 'profile' })) as { ok: true; value: TransferFileView };
    expect(chosen).toMatchObject({ ok: true, value: { fileName: 'Ann.dalaprofile', passphraseProtected: false, compressed: false } });
    // The window learns an id, a name and a size: never the folder the file is in.
    expect(JSON.stringify(chosen)).not.toContain(stick);
    expect(dialogs.calls.opens[0]).toMatchObject({ parent: started.fake.windows[0], options: { title: "Import a learner's profile", properties: ['openFile'] } });
    expect(await invoke('previewProfileImport', { fileId: chosen.value.fileId })).toMatchObject({ ok: true, value: { fileName: 'Ann.dalaprofile', existingLearners: 1 } });

    dialogs.answers.open = { canceled: true, filePaths: [] };
    expect(await invoke('chooseTransferFile', { purpose: 'backup' })).toEqual({ ok: true, value: null });
    expect(dialogs.calls.opens[1]!.options).toMatchObject({ title: 'Choose a backup to restore' });
  });

  it('opens no dialog while Educator tools are locked', async () => {
    const started = await startReady();
    const dialogs = stubFileDialogs(started.fake);
    expect(await windowCalls(started)('chooseTransferFile', { purpose: 'profile' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dialogs.calls.opens).toEqual([]);
  });

  it('keeps answering other calls while a dialog is open (it may stay open for minutes)', async () => {
    const started = await startReady({ asAdmin: true });
    const invoke = windowCalls(started);
    const dialogs = stubFileDialogs(started.fake);
    let close!: (answer: OpenDialogReturnValue) => void;
    dialogs.answers.open = () => new Promise((resolve) => (close = resolve));
    const choosing = invoke('chooseTransferFile', { purpose: 'profile' });
    await vi.waitFor(() => expect(dialogs.calls.opens).toHaveLength(1));
    expect(await invoke('createLearnerProfile', { displayName: 'Ben' })).toMatchObject({ ok: true });
    close({ canceled: true, filePaths: [] });
    expect(await choosing).toEqual({ ok: true, value: null });
  });
});

describe('transfers in the main process', () => {
  it('previews a .dalaprofile from a second launch by the id the window got; the inbox hands the path out once', async () => {
    const started = await startReady({ asAdmin: true });
    const { fake, launched, dataDir } = started;
    const window = fake.windows[0]!;
    const contents = window.webContents;
    window.webContents.emit('did-finish-load');
    const invoke = windowCalls(started);
    const folder = path.join(dataDir, 'Desktop');
    fs.mkdirSync(folder);
    stubFileDialogs(fake).answers.save = { canceled: false, filePath: path.join(folder, 'Ann.dalaprofile') };
    const created = (await invoke('createLearnerProfile', { displayName: 'Ann' })) as { value: { id: string } };
    const exported = (await invoke('exportLearnerProfile', { learnerId: created.value.id })) as { ok: true; value: TransferFileView };
    expect(await invoke('saveTransferFile', { fileId: exported.value.fileId })).toMatchObject({ ok: true, value: { kind: 'saved' } });

    fake.app.emit('second-instance', new FakeEvent(), ['/opt/DALA/dala', 'Ann.dalaprofile'], folder, {});
    const opened = contents.sent.find((m) => m.channel === ipcEvent('profileFileOpened'))!.args[0] as { fileId: string };
    const preview = await invoke('previewProfileImport', { fileId: opened.fileId });
    expect(preview).toMatchObject({ ok: true, value: { fileName: 'Ann.dalaprofile', existingLearners: 1, preview: { summary: '0 new, 0 updated, 0 conflicts' } } });
    expect(launched.profileFiles.takeProfileFilePath(opened.fileId)).toBeUndefined();
    // The transfer store keeps the file under the same id: a retry (with a passphrase) finds it.
    expect(await invoke('previewProfileImport', { fileId: opened.fileId })).toMatchObject({ ok: true, value: { fileName: 'Ann.dalaprofile' } });
    expect(await invoke('previewProfileImport', { fileId: 'made-up' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('opens a dropped file by the path the preload gave, and refuses a folder', async () => {
    const started = await startReady({ asAdmin: true });
    const invoke = windowCalls(started);
    const folder = dirs.make();
    fs.writeFileSync(path.join(folder, 'notes.dalaprofile'), '{}');
    expect(await invoke('openDroppedFile', { path: path.join(folder, 'notes.dalaprofile') })).toMatchObject({ ok: true, value: { fileName: 'notes.dalaprofile', sizeBytes: 2 } });
    expect(await invoke('openDroppedFile', { path: folder })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses an oversize payload over IPC before it reaches a handler', async () => {
    const { fake, launched } = await startReady({ asAdmin: true });
    const contents = fake.windows[0]!.webContents;
    const result = await fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('createLearnerProfile'), { displayName: 'x'.repeat(2_000_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than/) } });
    expect(learnerCount(launched.database())).toBe(0);
  });

  it('stops running jobs on will-quit, before the database closes', async () => {
    const { fake, launched } = await startReady({ asAdmin: true });
    const contents = fake.windows[0]!.webContents;
    const invoke = (channel: Parameters<typeof ipcChannel>[0], payload: unknown) => fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel(channel), payload);
    const started = (await invoke('startBackup', {})) as { ok: true; value: { jobId: string } };
    expect(await invoke('getJobStatus', { jobId: started.value.jobId })).toMatchObject({ ok: true, value: { kind: 'backup' } });
    const database = launched.database()!;
    fake.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(database.sqlite.open).toBe(false));
    // Quitting closed the job runner (its worker is stopped) before the database; later calls are refused.
    expect(await invoke('getJobStatus', { jobId: started.value.jobId })).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/closing/) } });
  });
});
