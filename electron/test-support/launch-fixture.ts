import path from 'node:path';
import { afterEach, expect, vi } from 'vitest';
import { openDatabase, type OpenedDatabase, type OpenOptions } from '../../database/open';
import { TEST_ADMIN } from '../../database/test-support/accounts';
import { useTempDirs, type TempDirs } from '../../database/test-support/temp-database';
import { launchApp, type LaunchedApp } from '../main/app-lifecycle';
import { createFakeMain, FakeEvent, type FakeMain } from './fake-electron';

/**
 * Launches the real main-process lifecycle against the fake `electron` module and a real
 * database in a temp folder; every app launched is quit (will-quit) after the test.
 */

export const MAIN_DIR = path.resolve('/app/out/main');

export interface Started {
  fake: FakeMain;
  launched: LaunchedApp;
  dataDir: string;
  /** Calls to openDatabase, with how many windows existed at that moment and the native binding asked for. */
  opens: Array<{ dataDir: string; windowsBefore: number; nativeBinding: string | undefined }>;
}

export interface StartOptions {
  argv?: (dataDir: string) => string[];
  env?: NodeJS.ProcessEnv;
  hasLock?: boolean;
  platform?: NodeJS.Platform;
  dataDir?: string;
  /** Plays an installed app (`app.isPackaged`). */
  isPackaged?: boolean;
  /** Automatic backups (off unless a test is about them). */
  automaticBackups?: boolean;
  /** Once ready, sets up the machine's first admin from the window, which unlocks Educator tools there. */
  asAdmin?: boolean;
}

export interface LaunchFixture {
  dirs: TempDirs;
  /** Launched, not yet ready (the test calls `fake.app.markReady()`). */
  start(options?: StartOptions): Started;
  /** Launched and through startup: database open, IPC registered, window created. */
  startReady(options?: StartOptions): Promise<Started>;
}

export function useLaunchedApps(): LaunchFixture {
  const dirs = useTempDirs();
  const running: Array<{ fake: FakeMain; launched: LaunchedApp }> = [];
  afterEach(async () => {
    for (const { fake, launched } of running.splice(0)) {
      fake.app.emit('will-quit', new FakeEvent());
      // Quitting closes the database once the calls in flight are done.
      await vi.waitFor(() => expect(launched.database()).toBeUndefined());
    }
  });
  const start = (options: StartOptions = {}): Started => {
    const fake = createFakeMain();
    fake.app.hasLock = options.hasLock ?? true;
    fake.app.isPackaged = options.isPackaged ?? false;
    const dataDir = options.dataDir ?? dirs.make();
    const opens: Started['opens'] = [];
    const spyOpen = (o: OpenOptions): Promise<OpenedDatabase> => {
      opens.push({ dataDir: o.dataDir, windowsBefore: fake.windows.length, nativeBinding: o.nativeBinding });
      // The binding is recorded, not loaded: the one named in a test's environment does not exist.
      return openDatabase({ ...o, nativeBinding: undefined });
    };
    const argv = options.argv ? options.argv(dataDir) : ['electron', '.', '--data-dir', dataDir];
    const launched = launchApp(fake.electron, { argv, env: options.env ?? {}, cwd: dataDir, platform: options.platform ?? 'linux', mainDir: MAIN_DIR, openDatabase: spyOpen, automaticBackups: options.automaticBackups ?? false });
    running.push({ fake, launched });
    return { fake, launched, dataDir, opens };
  };
  const startReady = async (options: StartOptions = {}): Promise<Started> => {
    const started = start(options);
    started.fake.app.markReady();
    await started.launched.ready;
    if (options.asAdmin) {
      const contents = started.fake.windows[0]!.webContents;
      const answer = (await started.fake.ipcMain.callFrom(contents, contents.mainFrame, 'dala:setUpFirstAdmin', TEST_ADMIN)) as { ok: boolean };
      if (!answer.ok) throw new Error(`setUpFirstAdmin failed: ${JSON.stringify(answer)}`);
    }
    return started;
  };
  return { dirs, start, startReady };
}

export const learnerCount = (database: OpenedDatabase | undefined): number =>
  (database!.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;
