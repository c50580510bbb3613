import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The real command: `node bin/dala-host.cjs` in its own process, as `npm start -- --browser` runs
 * it. This is the "Done when": a learner created over HTTP is listed by the CLI afterwards.
 */

const root = path.resolve(__dirname, '..');
const hostBin = path.join(root, 'bin', 'dala-host.cjs');
const dalaBin = path.join(root, 'bin', 'dala.cjs');
const RUNNING_LINE = /^DALA is running at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([0-9a-f]{64})\n$/;

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-host-process-'));
  dirs.push(dir);
  return dir;
};

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startHost(args: string[]): Running {
  const child = spawn(process.execPath, [hostBin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitForLine(running: Running): Promise<RegExpExecArray> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (running.stdout().includes('\n')) break;
    if (running.child.exitCode !== null) throw new Error(`dala-host exited early: ${running.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const match = RUNNING_LINE.exec(running.stdout());
  if (!match) throw new Error(`unexpected output: ${JSON.stringify(running.stdout())} / ${running.stderr()}`);
  return match;
}

describe('node bin/dala-host.cjs', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints the running line, serves the API, and on %s closes the database and exits 0', async (signal) => {
    const dataDir = tempDir();
    const running = startHost(['--port', '0', '--data-dir', dataDir]);
    const [, origin, port, token] = await waitForLine(running);
    expect(Number(port)).toBeGreaterThan(0);

    const page = await fetch(`${origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const created = await fetch(`${origin}/api/createLearnerProfile`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Ada over HTTP' }),
    });
    expect(created.status).toBe(200);
    const body = (await created.json()) as { ok: boolean; value: { id: string } };
    expect(body.ok).toBe(true);
    expect((await fetch(`${origin}/api/listLearners`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(401);

    running.child.kill(signal);
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.stdout().split('\n').filter(Boolean)).toHaveLength(1);
    // Closed cleanly: the last connection's close checkpoints and removes the WAL file.
    expect(fs.existsSync(path.join(dataDir, 'dala.db-wal'))).toBe(false);

    const listed = spawnSync(process.execPath, [dalaBin, '--data-dir', dataDir, 'learners', 'list', '--json'], { cwd: root, encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    const learners = JSON.parse(listed.stdout) as Array<{ id: string; displayName: string }>;
    expect(learners).toEqual([expect.objectContaining({ id: body.value.id, displayName: 'Ada over HTTP' })]);
  });

  it('bad arguments: one line on stderr, exit code 2, nothing on stdout', async () => {
    const running = startHost(['--port', 'eighty']);
    expect((await running.exited).code).toBe(2);
    expect(running.stdout()).toBe('');
    expect(running.stderr()).toMatch(/^dala-host: --port must be a whole number\. Usage: dala-host \[--port N\] \[--data-dir DIR\]\n$/);
  });

  it('a damaged database: one clear line, no stack trace, exit code 1', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'dala.db'), 'not a database '.repeat(200));
    const running = startHost(['--port', '0', '--data-dir', dataDir]);
    expect((await running.exited).code).toBe(1);
    expect(running.stdout()).toBe('');
    const lines = running.stderr().split('\n').filter((l) => l && !l.includes('pages are not built'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dala-host: The file .*dala\.db is not a DALA database or is damaged/);
    expect(running.stderr()).not.toMatch(/\n\s+at /);
  });
});
