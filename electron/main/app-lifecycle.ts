import fs from 'node:fs';
import path from 'node:path';
import type { App, BrowserWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, Menu, Protocol, Session, Shell } from 'electron';
import { createChannelDispatcher, type ChannelDispatcher } from '../../database/channels/dispatch';
import type { OpenedDatabase, OpenOptions } from '../../database/open';
import { startSyncLoop, type SyncLoop, type SyncLoopOptions } from '../../database/sync/sync-loop';
import { ipcEvent } from '../common/channels';
import type { MenuCommand } from '../common/contract';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { dataDirOverride, profileFilesFromArgv } from './command-line';
import { showAboutDialog, showStartupError } from './dialogs';
import { createTransferFileDialogs } from './file-dialogs';
import { registerIpcHandlers } from './ipc';
import { createMainLog, type MainLog } from './log';
import { buildMenuTemplate } from './menu';
import { denyAllPermissions, guardAllWebContents } from './navigation-guards';
import { createProfileFileInbox, type ProfileFileInbox } from './profile-files';
import { bringToFront, createMainWindow } from './window';

/** How long quitting waits for calls and jobs in flight before it closes the database anyway. */
export const QUIT_GRACE_MS = 10_000;

/**
 * The Electron-ABI better-sqlite3 a checkout runs Electron with (scripts/electron-native.mjs).
 * A packaged app never loads native code named by the environment: its fuses forbid exactly that.
 */
export function developmentNativeBinding(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  return isPackaged ? undefined : env.DALA_SQLITE_NATIVE_BINDING || undefined;
}

/** The parts of the `electron` module the main process uses; tests pass a fake. */
export interface ElectronMain {
  app: App;
  BrowserWindow: { new (options: BrowserWindowConstructorOptions): BrowserWindow; getFocusedWindow(): BrowserWindow | null };
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox' | 'showOpenDialog' | 'showSaveDialog'>;
  Menu: { buildFromTemplate: typeof Menu.buildFromTemplate; setApplicationMenu: typeof Menu.setApplicationMenu };
  shell: Pick<Shell, 'openPath'>;
  /** Read only after ready (Electron refuses `defaultSession` before). */
  session: { readonly defaultSession: Session };
}

export interface LaunchOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform: NodeJS.Platform;
  /** The folder of the main bundle (out/main): the preload and the renderer are its siblings. */
  mainDir: string;
  openDatabase: (options: OpenOptions) => Promise<OpenedDatabase>;
  /** Automatic backups while running and at quit (on in the app; tests of other things turn them off). */
  automaticBackups?: boolean;
  /** Starts the school hub's background sync once the database is open (tests shorten its waits or watch it). */
  startSyncLoop?: (options: SyncLoopOptions) => SyncLoop;
}

export interface LaunchedApp {
  /** False when another copy already runs: this one quits at once. */
  primary: boolean;
  dataDir: string;
  /** Settles when startup has finished, whether it opened the window or gave up. */
  ready: Promise<void>;
  profileFiles: ProfileFileInbox;
  mainWindow(): BrowserWindow | undefined;
  database(): OpenedDatabase | undefined;
  log: MainLog;
}

/**
 * Puts Electron's own files (and its single-instance lock) in the chosen data folder, so that
 * separate data folders (tests, e2e) run side by side. setPath throws for a missing folder, so it
 * is created first; if it cannot be, userData stays put and opening the database reports why.
 */
function moveUserData(app: Pick<App, 'setPath'>, dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    app.setPath('userData', dataDir);
  } catch {
    // openDatabase names the folder and the problem in the startup dialog.
  }
}

/**
 * The whole life of the main process: what must happen before ready (data folder, privileged
 * scheme, sandbox, single-instance lock, guards, OS file events), then the database, IPC, menu and
 * window once ready, and closing the database on quit.
 */
export function launchApp(electron: ElectronMain, options: LaunchOptions): LaunchedApp {
  const { app } = electron;
  const override = dataDirOverride(options.argv, options.env, options.cwd);
  if (override !== undefined) moveUserData(app, override);
  const dataDir = override ?? app.getPath('userData');
  registerAppScheme(electron.protocol);
  app.enableSandbox();

  const log = createMainLog(dataDir);
  let window: BrowserWindow | undefined;
  let database: OpenedDatabase | undefined;
  let dispatcher: ChannelDispatcher | undefined;
  let syncLoop: SyncLoop | undefined;
  const profileFiles = createProfileFileInbox({
    announce: (payload) => {
      if (window && !window.isDestroyed()) window.webContents.send(ipcEvent('profileFileOpened'), payload);
    },
  });
  const launched: LaunchedApp = { primary: true, dataDir, ready: Promise.resolve(), profileFiles, mainWindow: () => window, database: () => database, log };

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ...launched, primary: false };
  }

  for (const file of profileFilesFromArgv(options.argv, options.cwd)) profileFiles.remember(file);
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    profileFiles.remember(filePath);
    bringToFront(window);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront(window);
    for (const file of profileFilesFromArgv(argv, workingDirectory)) profileFiles.remember(file);
  });
  guardAllWebContents(app);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!dispatcher && !database) return;
    // Quitting waits for the calls in flight to finish (a save is never cut off), then running jobs
    // (backup, restore) are stopped: each writes in one transaction on its own connection, so a job
    // stopped half way leaves nothing half-written. The school hub's sync starts no new run and the
    // one under way ends (an operation the hub took but this machine had not yet crossed off is sent
    // again next time, and the hub skips it). Then the database closes and quitting resumes.
    event.preventDefault();
    const closing = Promise.all([syncLoop?.stop(), dispatcher?.close()]);
    dispatcher = undefined;
    syncLoop = undefined;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, QUIT_GRACE_MS).unref());
    void Promise.race([closing, grace])
      .catch(() => log.write('warn', { event: 'close-failed' }))
      .finally(() => {
        database?.close();
        database = undefined;
        app.quit();
      });
  });

  const sendMenuCommand = (command: MenuCommand): void => {
    const target = electron.BrowserWindow.getFocusedWindow() ?? window;
    if (target && !target.isDestroyed()) target.webContents.send(ipcEvent('menuCommand'), command);
  };

  const start = async (): Promise<void> => {
    denyAllPermissions(electron.session.defaultSession);
    try {
      database = await options.openDatabase({ dataDir, nativeBinding: developmentNativeBinding(app.isPackaged, options.env) });
    } catch (error) {
      log.write('error', { event: 'database-refused', code: (error as { code?: string })?.code ?? 'unknown' });
      showStartupError(electron.dialog, error);
      app.quit();
      return;
    }
    const opened = database;
    log.write('info', { event: 'database-opened' });
    serveRenderer(electron.protocol, path.join(options.mainDir, '..', 'renderer'));
    const logEvent = (event: string, detail: string) => log.write(event.endsWith('failed') ? 'warn' : 'info', { event, detail });
    // Every minute while enrolled in a school hub, and soon after a save; idle when not enrolled.
    const loop = (options.startSyncLoop ?? startSyncLoop)({ database: opened, onEvent: logEvent });
    syncLoop = loop;
    const channels = createChannelDispatcher(
      opened,
      {
        appVersion: app.getVersion(),
        shell: 'electron',
        // A .dalaprofile the OS opened: the renderer only has its id; the path is handed out once.
        resolveProfileFile: (fileId) => profileFiles.takeProfileFilePath(fileId),
        // Files to import and places to save are chosen here, in native dialogs over the window;
        // the window only ever gets a file id back.
        fileDialogs: createTransferFileDialogs(electron.dialog, () => window, { defaultFolder: () => app.getPath('documents') }),
        automaticBackups: options.automaticBackups !== false,
        onEvent: logEvent,
        // Cheap: the loop looks whether the call queued changes for the hub, and syncs soon if so.
        afterCall: () => loop.noteLocalChange(),
      },
      log.handlerLogger,
    );
    dispatcher = channels;
    registerIpcHandlers(electron.ipcMain, channels, {
      log: log.handlerLogger,
      onRefusedSender: (channel) => log.write('warn', { event: 'ipc-sender-refused', channel, code: 'invalid_input' }),
    });
    const actions = {
      sendMenuCommand,
      openDataFolder: () => {
        void electron.shell.openPath(dataDir).then((failure) => {
          if (failure) log.write('warn', { event: 'open-data-folder-failed' });
        });
      },
      showAbout: () => void showAboutDialog(electron.dialog, window, { appVersion: app.getVersion(), schemaVersion: opened.schemaVersion }),
    };
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(buildMenuTemplate(actions, options.platform, { isPackaged: app.isPackaged })));

    window = createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      preloadPath: path.join(options.mainDir, '..', 'preload', 'index.cjs'),
      onLoadFailed: () => log.write('error', { event: 'renderer-load-failed' }),
    });
    // After a reload the preload buffers events until the renderer subscribes again.
    window.webContents.on('did-finish-load', () => profileFiles.windowReady());
    window.on('closed', () => {
      profileFiles.windowNotReady();
      window = undefined;
    });
  };

  launched.ready = app.whenReady().then(start).catch((error: unknown) => {
    log.write('error', { event: 'startup-failed', detail: (error as Error)?.name });
    showStartupError(electron.dialog, error);
    app.quit();
  });
  return launched;
}
