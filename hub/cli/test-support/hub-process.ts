import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `dala hub …` as an IT person runs it: `node bin/dala.cjs hub …` in a child process, through the
 * launcher and the built bundle (out/main/hub.js). The child gets the test's environment without
 * DALA_HUB_DATABASE_URL, plus what the test passes, so the variable is there only when asked for.
 */

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const LAUNCHER = path.join(PROJECT_ROOT, 'bin', 'dala.cjs');

function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DALA_HUB_DATABASE_URL;
  return { ...env, ...extra };
}

/** Builds the bundles when the sources are newer (what the launcher does on its first run). */
export function ensureBuilt(): void {
  const built = spawnSync(process.execPath, [LAUNCHER, 'hub', 'help'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: childEnv({}), timeout: 170_000 });
  if (built.status !== 0) throw new Error(`dala hub help failed (${built.status}): ${built.stderr}`);
}

export interface HubRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end. */
export function runHub(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<HubRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, 'hub', ...args], { cwd: PROJECT_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export interface ServingHub {
  child: ChildProcess;
  /** From the "DALA hub is running at …" line. */
  url: string;
  /** Everything printed on stdout so far (the one line, nothing else). */
  stdout(): string;
  /** The structured log so far, one JSON object per line. */
  stderr(): string;
  /** Once the process ended: its exit code, or the signal that killed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const RUNNING_LINE = /^DALA hub is running at (https?:\/\/\S+)\n/;

/** Starts `dala hub serve --port 0 …` and resolves once it printed its line (rejects if it exits first). */
export function serveHub(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ServingHub> {
  const child = spawn(process.execPath, [LAUNCHER, 'hub', 'serve', '--port', '0', ...args], { cwd: PROJECT_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dala hub serve printed no line in 60 s:\n${out}\n${err}`));
    }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const match = RUNNING_LINE.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`dala hub serve ended (${code ?? signal}) before it was running:\n${out}\n${err}`));
    });
  });
}
