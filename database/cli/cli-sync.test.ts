import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runDala, useTempDirs, type DalaRun } from '../test-support/temp-database';
import { useFakeHubs } from '../sync/test-support/fake-hub';

/**
 * `dala sync …` through the real bin. The fake hub answers from this process, so the CLI runs
 * asynchronously here (runDala's spawnSync would block the hub's event loop).
 */

const dirs = useTempDirs();
const hubs = useFakeHubs();

function dala(args: readonly string[]): Promise<DalaRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DALA_DATA_DIR;
    const child = spawn(process.execPath, [path.join('bin', 'dala.cjs'), ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('dala sync', () => {
  it('status --json of a machine that is not enrolled; now and leave say so', async () => {
    const dataDir = dirs.make();
    const status = runDala(['--data-dir', dataDir, 'sync', 'status', '--json']);
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'not_enrolled', hub: null, schoolId: null, pending: 0, lastSyncAt: null });
    const now = runDala(['--data-dir', dataDir, 'sync', 'now']);
    expect(now).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('not enrolled in a school hub') });
    expect(runDala(['--data-dir', dataDir, 'sync', 'leave'])).toMatchObject({ status: 0, stdout: expect.stringContaining('not enrolled') });
  });

  it('enroll, now --json, status --json, offline, leave', async () => {
    const hub = await hubs.start();
    const dataDir = dirs.make();
    expect(runDala(['--data-dir', dataDir, 'learners', 'create', '--name', 'Ada', '--id', 'ada']).status).toBe(0);

    const enrolled = await dala(['--data-dir', dataDir, 'sync', 'enroll', '--hub', hub.url, '--code', hub.code, '--name', 'lab-pc-03']);
    expect(enrolled.stderr).toBe('');
    expect(enrolled.status).toBe(0);
    expect(enrolled.stdout).toContain('Riverside Primary');
    expect(hub.requests[0]?.body).toEqual({ code: hub.code, machineName: 'lab-pc-03' });

    const before = JSON.parse(runDala(['--data-dir', dataDir, 'sync', 'status', '--json']).stdout) as Record<string, unknown>;
    expect(before).toMatchObject({ hub: hub.url, schoolId: hub.schoolId, pending: 1, lastSyncAt: null, state: 'pending' });

    const now = await dala(['--data-dir', dataDir, 'sync', 'now', '--json']);
    expect(now.status, now.stderr).toBe(0);
    expect(JSON.parse(now.stdout)).toMatchObject({ pushed: 1, pulled: 1 });

    const after = JSON.parse(runDala(['--data-dir', dataDir, 'sync', 'status', '--json']).stdout) as Record<string, unknown>;
    expect(after).toMatchObject({ hub: hub.url, schoolId: hub.schoolId, pending: 0, lastSyncAt: expect.any(String), state: 'up_to_date' });
    expect(runDala(['--data-dir', dataDir, 'sync', 'status']).stdout).toMatch(/Waiting:\s+0 changes/);

    // The hub goes away: exit 1, the change is kept.
    expect(runDala(['--data-dir', dataDir, 'learners', 'create', '--name', 'Ben']).status).toBe(0);
    await hub.close();
    const offline = await dala(['--data-dir', dataDir, 'sync', 'now']);
    expect(offline.status).toBe(1);
    expect(offline.stderr).toBe(`dala: The school hub at ${hub.url} cannot be reached just now. 1 change kept on this machine for the next sync; nothing is lost.\n`);
    expect(JSON.parse(runDala(['--data-dir', dataDir, 'sync', 'status', '--json']).stdout)).toMatchObject({ state: 'offline', pending: 1 });

    const left = runDala(['--data-dir', dataDir, 'sync', 'leave']);
    expect(left).toMatchObject({ status: 0, stdout: expect.stringContaining('left Riverside Primary') });
    expect(JSON.parse(runDala(['--data-dir', dataDir, 'sync', 'status', '--json']).stdout)).toMatchObject({ state: 'not_enrolled' });
  });

  it('refuses bad arguments before touching anything', () => {
    const dataDir = dirs.make();
    const missing = runDala(['--data-dir', dataDir, 'sync', 'enroll', '--code', 'ABCD-EFGH-2345']);
    expect(missing).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('--hub is needed') });
    const badUrl = runDala(['--data-dir', dataDir, 'sync', 'enroll', '--hub', 'ftp://hub', '--code', 'ABCD-EFGH-2345']);
    expect(badUrl).toMatchObject({ status: 2, stderr: expect.stringContaining('--hub') });
  });
});
