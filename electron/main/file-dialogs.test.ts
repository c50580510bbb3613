import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow, FakeSession } from '../test-support/fake-electron';
import { ALL_FILES, BACKUP_FILES, createTransferFileDialogs, PROFILE_FILES, saveFilters, type FileDialogApi } from './file-dialogs';

/** Plays Electron's dialog module: records each call (with its parent window, if any) and answers as told. */
class FakeFileDialog {
  readonly opens: Array<{ parent: unknown; options: OpenDialogOptions }> = [];
  readonly saves: Array<{ parent: unknown; options: SaveDialogOptions }> = [];
  openAnswer: OpenDialogReturnValue = { canceled: true, filePaths: [] };
  saveAnswer: SaveDialogReturnValue = { canceled: true, filePath: '' };
  showOpenDialog(...args: unknown[]): Promise<OpenDialogReturnValue> {
    this.opens.push(args.length > 1 ? { parent: args[0], options: args[1] as OpenDialogOptions } : { parent: undefined, options: args[0] as OpenDialogOptions });
    return Promise.resolve(this.openAnswer);
  }
  showSaveDialog(...args: unknown[]): Promise<SaveDialogReturnValue> {
    this.saves.push(args.length > 1 ? { parent: args[0], options: args[1] as SaveDialogOptions } : { parent: undefined, options: args[0] as SaveDialogOptions });
    return Promise.resolve(this.saveAnswer);
  }
}

const documents = path.resolve('/home/ann/Documents');

function setUp(options: { window?: FakeBrowserWindow; defaultFolder?: () => string } = {}) {
  const fake = new FakeFileDialog();
  const window = options.window as unknown as BrowserWindow | undefined;
  const dialogs = createTransferFileDialogs(fake as unknown as FileDialogApi, () => window, { defaultFolder: options.defaultFolder ?? (() => documents) });
  return { fake, dialogs };
}

describe('chooseOpen', () => {
  it('asks for one profile file, DALA profile files first, and returns the path chosen', async () => {
    const { fake, dialogs } = setUp();
    fake.openAnswer = { canceled: false, filePaths: ['/media/stick/Ann-2026-03-02.dalaprofile', '/media/stick/other.dalaprofile'] };
    expect(await dialogs.chooseOpen('profile')).toBe('/media/stick/Ann-2026-03-02.dalaprofile');
    expect(fake.opens).toEqual([
      {
        parent: undefined,
        options: {
          title: "Import a learner's profile",
          filters: [{ name: 'DALA profile files', extensions: ['dalaprofile'] }, { name: 'All files', extensions: ['*'] }],
          properties: ['openFile'],
        },
      },
    ]);
  });

  it('asks for a backup with the backup filters (plain, gzip, passphrase-protected)', async () => {
    const { fake, dialogs } = setUp();
    fake.openAnswer = { canceled: false, filePaths: ['/media/stick/dala-backup-2026-03-02.json.gz'] };
    expect(await dialogs.chooseOpen('backup')).toBe('/media/stick/dala-backup-2026-03-02.json.gz');
    expect(fake.opens[0]!.options).toEqual({
      title: 'Choose a backup to restore',
      filters: [{ name: 'DALA backups', extensions: ['json', 'gz', 'age'] }, ALL_FILES],
      properties: ['openFile'],
    });
  });

  it('returns undefined when the user cancels, or the dialog gives no path', async () => {
    const { fake, dialogs } = setUp();
    fake.openAnswer = { canceled: true, filePaths: ['/ignored/when/cancelled.dalaprofile'] };
    expect(await dialogs.chooseOpen('profile')).toBeUndefined();
    fake.openAnswer = { canceled: false, filePaths: [] };
    expect(await dialogs.chooseOpen('backup')).toBeUndefined();
  });

  it('attaches the dialog to the window while it is open, and not to a closed one', async () => {
    const window = new FakeBrowserWindow({}, new FakeSession());
    const { fake, dialogs } = setUp({ window });
    await dialogs.chooseOpen('profile');
    expect(fake.opens[0]!.parent).toBe(window);
    window.close();
    await dialogs.chooseOpen('profile');
    expect(fake.opens[1]!.parent).toBeUndefined();
  });
});

describe('chooseSave', () => {
  it('proposes <Documents>/<fileName> with the profile filter and returns the path chosen', async () => {
    const window = new FakeBrowserWindow({}, new FakeSession());
    const { fake, dialogs } = setUp({ window });
    fake.saveAnswer = { canceled: false, filePath: '/media/stick/Ann.dalaprofile' };
    expect(await dialogs.chooseSave('Ann-2026-03-02.dalaprofile')).toBe('/media/stick/Ann.dalaprofile');
    expect(fake.saves).toHaveLength(1);
    expect(fake.saves[0]!.parent).toBe(window);
    expect(fake.saves[0]!.options).toMatchObject({ defaultPath: path.join(documents, 'Ann-2026-03-02.dalaprofile'), filters: [PROFILE_FILES, ALL_FILES] });
  });

  it('returns undefined when the user cancels (or Electron gives an empty path)', async () => {
    const { fake, dialogs } = setUp();
    fake.saveAnswer = { canceled: true, filePath: '/ignored.json' };
    expect(await dialogs.chooseSave('dala-backup-2026-03-02.json')).toBeUndefined();
    fake.saveAnswer = { canceled: false, filePath: '' };
    expect(await dialogs.chooseSave('dala-backup-2026-03-02.json')).toBeUndefined();
  });

  it('proposes a name only: a folder in the file name does not choose where the dialog opens', async () => {
    const { fake, dialogs } = setUp();
    await dialogs.chooseSave('../../etc/Ann.dalaprofile');
    expect(fake.saves[0]!.options.defaultPath).toBe(path.join(documents, 'Ann.dalaprofile'));
  });

  it('falls back to the home folder when the Documents folder cannot be found', async () => {
    const { fake, dialogs } = setUp({
      defaultFolder: () => {
        throw new Error("Failed to get 'documents' path");
      },
    });
    await dialogs.chooseSave('Ann.dalaprofile');
    expect(fake.saves[0]!.options.defaultPath).toBe(path.join(os.homedir(), 'Ann.dalaprofile'));
  });
});

describe('saveFilters', () => {
  it('offers the file\'s own extension only, so that Windows does not append another one', () => {
    expect(saveFilters('Ann.dalaprofile')).toEqual([PROFILE_FILES, ALL_FILES]);
    expect(saveFilters('dala-backup-2026-03-02.json')).toEqual([{ name: BACKUP_FILES.name, extensions: ['json'] }, ALL_FILES]);
    expect(saveFilters('dala-backup-2026-03-02.json.gz')).toEqual([{ name: BACKUP_FILES.name, extensions: ['gz'] }, ALL_FILES]);
    expect(saveFilters('dala-backup-2026-03-02.json.age')).toEqual([{ name: BACKUP_FILES.name, extensions: ['age'] }, ALL_FILES]);
    expect(saveFilters('notes.txt')).toEqual([ALL_FILES]);
  });
});
