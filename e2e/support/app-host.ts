import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** SIGTERM, then wait: the host closes the database cleanly. */
  stop(): Promise<number | null>;
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dala-e2e-'));
}

export interface StartHostOptions {
  /**
   * The port to listen on (default 0: any free port). A restart test passes the port of the host it
   * replaces, so the app keeps its origin and the same browser page can simply load it again.
   */
  port?: number;
}

/** Starts `dala-host` as a user would (a real process, a real data dir) and waits for its line. */
export function startHost(dataDir: string = freshDataDir(), options: StartHostOptions = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'dala-host.cjs'), '--port', String(options.port ?? 0), '--data-dir', dataDir], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DALA is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        origin: new URL(url).origin,
        dataDir,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code}:\n${output}`));
    });
  });
}

/** Runs the `dala` CLI on a data dir, as an educator would. */
export function dala(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'dala.cjs'), '--data-dir', dataDir, ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
