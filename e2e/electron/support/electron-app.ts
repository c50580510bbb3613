import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';
import { dala, projectRoot } from '../../support/app-host';
import type { ElectronTarget } from './global-setup';

export { dala, projectRoot };

/** Set by the global setup: what to launch, or why nothing can be. */
export const electronTarget: ElectronTarget = inject('dalaElectron');
export const electronMissing = electronTarget.kind === 'missing';

export const PICKER_HEADING = 'Who is learning today?';

export interface Command {
  executable: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * The command line that starts DALA on a data folder, as a user (or the OS, for a double-clicked
 * file) would, plus `extra` arguments such as a .dalaprofile path.
 */
export function dalaCommand(dataDir: string, extra: string[] = []): Command {
  if (electronTarget.kind === 'missing') throw new Error(`Electron is not available: ${electronTarget.reason}`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Nothing from the outside may change which data or code the app uses.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.DALA_DATA_DIR;
  delete env.NODE_OPTIONS;
  Object.assign(env, electronTarget.env);
  const appArgs = electronTarget.kind === 'checkout' ? [electronTarget.appDir] : [];
  // Chromium refuses to start as root with its sandbox (CI containers run as root). The renderer is
  // still sandboxed by Electron (sandbox: true, contextIsolation); only the OS-level layer is off.
  const rootOnLinux = process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;
  const chromium = rootOnLinux ? ['--no-sandbox'] : [];
  return { executable: electronTarget.executable, args: [...appArgs, '--data-dir', dataDir, ...chromium, ...extra], env };
}

export interface RunningDala {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  /** What the main process printed (for failure messages). */
  output(): string;
}

/** Runs a second, plain process (no Playwright) and resolves with how it ended. */
export function runDalaProcess(dataDir: string, extra: string[] = [], timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const command = dalaCommand(dataDir, extra);
  const child = spawn(command.executable, command.args, { cwd: projectRoot, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the second DALA process did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/**
 * Per spec file: fresh data folders, Electron apps launched through Playwright, and everything
 * closed and removed after each test, even a failed one.
 */
export function useDala() {
  const running: RunningDala[] = [];
  const dataDirs: string[] = [];
  afterEach(async () => {
    for (const dalaApp of running.splice(0)) await dalaApp.app.close().catch(() => undefined);
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** A new, empty data folder (removed after the test). */
    dataDir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-electron-e2e-'));
      dataDirs.push(dir);
      return dir;
    },
    async launch(dataDir: string, extra: string[] = []): Promise<RunningDala> {
      const command = dalaCommand(dataDir, extra);
      const app = await _electron.launch({ executablePath: command.executable, args: command.args, env: command.env, cwd: projectRoot, timeout: 60_000 });
      let output = '';
      app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      app.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const dalaApp: RunningDala = { app, page: await app.firstWindow({ timeout: 60_000 }), dataDir, output: () => output };
      running.push(dalaApp);
      await dalaApp.page.waitForLoadState('domcontentloaded');
      return dalaApp;
    },
    /** Quits like a user closing the window (the database is closed on will-quit). */
    async quit(dalaApp: RunningDala): Promise<void> {
      const index = running.indexOf(dalaApp);
      if (index !== -1) running.splice(index, 1);
      await dalaApp.app.close();
    },
  };
}

/** Writes a real .dalaprofile with the CLI, from a learner in a separate data folder. */
export function exportProfileFile(directory: string, displayName: string): string {
  const source = path.join(directory, 'source-data');
  const created = dala(source, 'learners', 'create', '--name', displayName, '--json');
  if (created.status !== 0) throw new Error(`dala learners create failed: ${created.stderr}`);
  const { id } = JSON.parse(created.stdout) as { id: string };
  const file = path.join(directory, `${displayName}.dalaprofile`);
  const exported = dala(source, 'export', id, '--out', file);
  if (exported.status !== 0) throw new Error(`dala export failed: ${exported.stderr}`);
  return file;
}

export function learnersIn(dataDir: string): Array<{ id: string; displayName: string }> {
  const listed = dala(dataDir, 'learners', 'list', '--json');
  if (listed.status !== 0) throw new Error(`dala learners list failed: ${listed.stderr}`);
  return JSON.parse(listed.stdout) as Array<{ id: string; displayName: string }>;
}
