import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { vi, describe, expect, it } from 'vitest';
import { databasePath } from '../../database/data-dir';
import { openDatabase } from '../../database/open';
import { ipcChannel, ipcEvent } from '../common/channels';
import { CHANNEL_NAMES } from '../common/contract';
import { createFakeMain, FakeEvent } from '../test-support/fake-electron';
import { learnerCount, MAIN_DIR, useLaunchedApps } from '../test-support/launch-fixture';
import { developmentNativeBinding, launchApp } from './app-lifecycle';
import { STARTUP_ERROR_TITLE } from './dialogs';
import { secureWebPreferences } from './window';

const { dirs, start, startReady } = useLaunchedApps();

describe('before ready', () => {
  it('moves userData to --data-dir, registers the privileged scheme, enables the sandbox and takes the lock', () => {
    const { fake, launched, dataDir, opens } = start();
    expect(launched.dataDir).toBe(dataDir);
    expect(fake.app.getPath('userData')).toBe(dataDir);
    expect(fake.app.calls).toEqual(['setPath:userData', 'requestSingleInstanceLock']);
    expect(fake.protocol.registeredBeforeReady).toBe(true);
    expect(fake.protocol.privileged).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(opens).toEqual([]);
    expect(fake.windows).toEqual([]);
  });

  it('creates a --data-dir that does not exist yet before moving userData there (setPath refuses missing folders)', () => {
    const fresh = path.join(dirs.make(), 'new', 'data');
    const { fake, launched } = start({ argv: () => ['dala', '--data-dir', fresh] });
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fake.app.getPath('userData')).toBe(fresh);
    expect(launched.dataDir).toBe(fresh);
  });

  it('still starts, and reports the folder problem once ready, when the data folder cannot be created', async () => {
    const blocker = path.join(dirs.make(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const { fake, launched } = start({ argv: () => ['dala', '--data-dir', path.join(blocker, 'data')] });
    expect(fake.app.getPath('userData')).toBe('/fake/userData');
    fake.app.markReady();
    await launched.ready;
    expect(fake.dialog.errorBoxes[0]?.content).toMatch(/cannot be created/);
    expect(fake.windows).toEqual([]);
    expect(fake.app.quitCalls).toBe(1);
  });

  it('takes --data-dir=DIR, then DALA_DATA_DIR, then userData (left where it is)', () => {
    const fromFlag = start({ argv: (d) => ['dala', `--data-dir=${d}`], env: { DALA_DATA_DIR: '/elsewhere' } });
    expect(fromFlag.launched.dataDir).toBe(fromFlag.dataDir);
    const envDir = dirs.make();
    const fromEnv = start({ argv: () => ['dala'], env: { DALA_DATA_DIR: envDir } });
    expect(fromEnv.launched.dataDir).toBe(envDir);
    expect(fromEnv.fake.app.getPath('userData')).toBe(envDir);
    const fromUserData = start({ argv: () => ['dala'], env: {} });
    expect(fromUserData.launched.dataDir).toBe('/fake/userData');
    expect(fromUserData.fake.app.calls).not.toContain('setPath:userData');
  });

  it('quits at once, opening nothing, when another copy holds the lock', async () => {
    const { fake, launched, opens } = start({ hasLock: false });
    expect(launched.primary).toBe(false);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    fake.app.markReady();
    await launched.ready;
    expect(opens).toEqual([]);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('once ready', () => {
  it('takes a native SQLite binding from the environment only when not packaged: an installed app loads no code the environment names', async () => {
    const env = { DALA_SQLITE_NATIVE_BINDING: '/tmp/evil/better_sqlite3.node' };
    const checkout = await startReady({ env });
    expect(checkout.opens.map((o) => o.nativeBinding)).toEqual(['/tmp/evil/better_sqlite3.node']);
    const installed = await startReady({ env, isPackaged: true });
    expect(installed.opens.map((o) => o.nativeBinding)).toEqual([undefined]);
    expect(installed.launched.database()?.sqlite.open).toBe(true);
    expect(developmentNativeBinding(true, env)).toBeUndefined();
    expect(developmentNativeBinding(false, {})).toBeUndefined();
  });

  it('opens the database before creating the one secure window, then serves app://, every channel and the menu', async () => {
    const { fake, dataDir, opens } = await startReady();
    expect(opens).toEqual([{ dataDir, windowsBefore: 0, nativeBinding: undefined }]);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toStrictEqual(secureWebPreferences(path.join(MAIN_DIR, '..', 'preload', 'index.cjs')));
    expect(window.loadedUrls).toEqual(['app://dala/index.html']);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    expect(fake.menuTemplates).toHaveLength(1);
    expect(fake.applicationMenu).toEqual({ template: fake.menuTemplates[0] });
  });

  it('guards the window: navigation away, window.open, webviews and permissions are refused', async () => {
    const { fake } = await startReady();
    const contents = fake.windows[0]!.webContents;
    expect(contents.navigate('will-navigate', 'https://example.com').defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', 'app://dala/x').defaultPrevented).toBe(false);
    expect(contents.openWindow('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.attachWebview('https://example.com').defaultPrevented).toBe(true);
    expect(await fake.defaultSession.requestPermission('media')).toBe(false);
    expect(fake.defaultSession.checkPermission('notifications')).toBe(false);
  });

  it('round-trips a learner from the window through IPC into the database', async () => {
    const { fake, launched } = await startReady();
    const contents = fake.windows[0]!.webContents;
    const result = await fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('createLearnerProfile'), { displayName: 'Ann' });
    expect(result).toMatchObject({ ok: true, value: { displayName: 'Ann' } });
    expect(learnerCount(launched.database())).toBe(1);
    const info = await fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('getAppInfo'), {});
    expect(info).toMatchObject({ ok: true, value: { appVersion: '0.1.0-test', shell: 'electron' } });
  });

  it('shows the error box and quits, creating no window, when the database is from a newer app', async () => {
    const dataDir = dirs.make();
    (await openDatabase({ dataDir })).close();
    const raw = new Database(databasePath(dataDir));
    raw.pragma('user_version = 999');
    raw.close();
    const { fake, launched } = await startReady({ dataDir });
    expect(fake.dialog.errorBoxes).toHaveLength(1);
    const box = fake.dialog.errorBoxes[0]!;
    expect(box.title).toBe(STARTUP_ERROR_TITLE);
    expect(box.content).toMatch(/newer version of DALA Learner Profile \(schema version 999\)/);
    expect(box.content).not.toMatch(/\n\s+at /);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(launched.database()).toBeUndefined();
    expect(fs.readFileSync(launched.log.file, 'utf8')).toMatch(/ERROR database-refused code=storage/);
  });

  it('shows a readable error, not a crash, when opening fails unexpectedly', async () => {
    const fake = createFakeMain();
    const dataDir = dirs.make();
    const launched = launchApp(fake.electron, {
      argv: ['dala', '--data-dir', dataDir],
      env: {},
      cwd: dataDir,
      platform: 'linux',
      mainDir: MAIN_DIR,
      openDatabase: () => Promise.reject(new Error('The module was compiled against a different Node.js version')),
    });
    fake.app.markReady();
    await launched.ready;
    expect(fake.dialog.errorBoxes[0]?.content).toMatch(/^The database could not be opened \(The module was compiled/);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toEqual([]);
  });
});

describe('files opened by the OS and second launches', () => {
  it('focuses the window on a second launch and forwards its .dalaprofile path as an id', async () => {
    const { fake, launched } = await startReady();
    const window = fake.windows[0]!;
    window.webContents.emit('did-finish-load');
    window.minimize();
    const secondCwd = path.resolve('/home/ann/Desktop');
    fake.app.emit('second-instance', new FakeEvent(), ['/opt/DALA/dala', '--no-sandbox', 'Ann.dalaprofile'], secondCwd, {});
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
    const sent = window.webContents.sent.filter((m) => m.channel === ipcEvent('profileFileOpened'));
    expect(sent).toHaveLength(1);
    const payload = sent[0]!.args[0] as { fileId: string; fileName: string };
    expect(payload.fileName).toBe('Ann.dalaprofile');
    expect(sent[0]!.args).toHaveLength(1);
    expect(launched.profileFiles.takeProfileFilePath(payload.fileId)).toBe(path.join(secondCwd, 'Ann.dalaprofile'));
  });

  it('focuses the window on a second launch without a file, sending nothing', async () => {
    const { fake } = await startReady();
    const window = fake.windows[0]!;
    window.webContents.emit('did-finish-load');
    fake.app.emit('second-instance', new FakeEvent(), ['/opt/DALA/dala'], '/', {});
    expect(window.focused).toBe(true);
    expect(window.webContents.sent).toEqual([]);
  });

  it('remembers files from the first command line and macOS open-file, announcing them once the window has loaded', async () => {
    const started = start({ argv: (d) => ['dala', '--data-dir', d, path.join(d, 'First.dalaprofile')], platform: 'darwin' });
    const openFile = new FakeEvent();
    started.fake.app.emit('open-file', openFile, path.join(started.dataDir, 'Mac.dalaprofile'));
    expect(openFile.defaultPrevented).toBe(true);
    started.fake.app.markReady();
    await started.launched.ready;
    const contents = started.fake.windows[0]!.webContents;
    expect(contents.sent).toEqual([]);
    contents.emit('did-finish-load');
    expect(contents.sent.map((m) => (m.args[0] as { fileName: string }).fileName)).toEqual(['First.dalaprofile', 'Mac.dalaprofile']);
    expect(contents.sent.every((m) => m.channel === ipcEvent('profileFileOpened'))).toBe(true);
  });
});

describe('menu and quitting', () => {
  const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? i.submenu : [])]).find((i) => i.label === label);
  const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as unknown as () => void)();

  it('sends menu commands to the focused window, opens the data folder and shows About with the version', async () => {
    const { fake, dataDir } = await startReady();
    const template = fake.menuTemplates[0]!;
    const window = fake.windows[0]!;
    click(find(template, 'New learner'));
    fake.focusedWindow = window;
    click(find(template, 'Export profile…'));
    expect(window.webContents.sent).toEqual([
      { channel: ipcEvent('menuCommand'), args: ['newLearner'] },
      { channel: ipcEvent('menuCommand'), args: ['exportProfile'] },
    ]);
    click(find(template, 'Open data folder'));
    expect(fake.openedPaths).toEqual([dataDir]);
    click(find(template, 'About DALA Learner Profile'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.stringify(fake.dialog.messageBoxes)).toContain('Version 0.1.0-test');
  });

  it('quits when the window is closed and closes the database on will-quit', async () => {
    const { fake, launched } = await startReady();
    const database = launched.database()!;
    fake.windows[0]!.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(1);
    const willQuit = new FakeEvent();
    fake.app.emit('will-quit', willQuit);
    // Quitting waits for the calls in flight and the jobs, closes the database, then quits again.
    expect(willQuit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(database.sqlite.open).toBe(false));
    expect(launched.database()).toBeUndefined();
    expect(launched.mainWindow()).toBeUndefined();
    expect(fake.app.quitCalls).toBe(2);
    // The second will-quit lets Electron go.
    const again = new FakeEvent();
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('lets a save that is in flight finish before the database closes on will-quit', async () => {
    const { fake, launched } = await startReady({ asAdmin: true });
    const contents = fake.windows[0]!.webContents;
    const database = launched.database()!;
    const created = fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('createLearnerProfile'), { displayName: 'Ann', id: 'ann' });
    // A snapshot awaits SQLite's backup API: a call that is still running when quitting starts.
    const snapshot = fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('createSnapshot'), {});
    fake.app.emit('will-quit', new FakeEvent());
    expect(await created).toMatchObject({ ok: true });
    expect(await snapshot).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(database.sqlite.open).toBe(false));
    expect(await fake.ipcMain.callFrom(contents, contents.mainFrame, ipcChannel('listLearners'), {})).toMatchObject({ ok: false, error: { code: 'storage' } });
  });
});
