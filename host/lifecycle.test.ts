import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DalaError } from '../electron/common/errors';
import { HostStartError } from './listen';
import { startBrowserHost } from './server';
import { apiRequest, useTempHosts, unlockAsFirstAdmin } from './test-support/host-fixture';

const hosts = useTempHosts();

function occupyPort(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address() as net.AddressInfo;
      resolve(Object.assign(server, { port: address.port }));
    });
  });
}

describe('starting and stopping', () => {
  it('falls back to a free port when the wanted one is taken, and says so', async () => {
    const blocker = await occupyPort();
    try {
      const lines: string[] = [];
      const { host } = await hosts.start({ port: blocker.port, fallbackToFreePort: true, log: (l) => lines.push(l) });
      expect(host.port).not.toBe(blocker.port);
      expect(host.port).toBeGreaterThan(0);
      expect(lines).toEqual([`port ${blocker.port} is in use; using port ${host.port} instead`]);
      expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
    } finally {
      blocker.close();
    }
  });

  it('without fallback, a taken port is a HostStartError that says what to do, and the database is closed again', async () => {
    const blocker = await occupyPort();
    const dir = hosts.tempDir();
    try {
      const start = startBrowserHost({ dataDir: dir, port: blocker.port, host: '127.0.0.1', rendererDir: dir });
      await expect(start).rejects.toThrow(HostStartError);
      await expect(start).rejects.toThrow(/already in use.*--port/);
    } finally {
      blocker.close();
    }
    // A still-open connection would leave the WAL file behind.
    expect(fs.existsSync(path.join(dir, 'dala.db-wal'))).toBe(false);
  });

  it('a damaged database is refused with a typed storage error before anything listens', async () => {
    const dir = hosts.tempDir();
    fs.writeFileSync(path.join(dir, 'dala.db'), 'this is not a database, just text that is long enough to be read as a header....'.repeat(20));
    const start = startBrowserHost({ dataDir: dir, port: 0, host: '127.0.0.1', rendererDir: dir });
    await expect(start).rejects.toThrow(DalaError);
    await expect(start).rejects.toThrow(/not a DALA database or is damaged/);
  });

  it('a database from a newer app is refused', async () => {
    const dir = hosts.tempDir();
    const sqlite = new Database(path.join(dir, 'dala.db'));
    sqlite.pragma('user_version = 9999');
    sqlite.close();
    await expect(startBrowserHost({ dataDir: dir, port: 0, host: '127.0.0.1', rendererDir: dir })).rejects.toThrow(/newer version/);
  });

  it('refuses a short token', async () => {
    const dir = hosts.tempDir();
    await expect(startBrowserHost({ dataDir: dir, port: 0, host: '127.0.0.1', rendererDir: dir, token: 'short' })).rejects.toThrow(/at least 32/);
  });

  it('close() stops listening and closes the database; calling it twice is fine', async () => {
    const { host } = await hosts.start();
    await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' });
    await Promise.all([host.close(), host.close()]);
    expect(host.database.sqlite.open).toBe(false);
    await expect(apiRequest(host, 'listLearners', {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('close() stops a running job before it closes the database', async () => {
    const { host } = await hosts.start();
    await unlockAsFirstAdmin(host);
    await apiRequest(host, 'createLearnerProfile', { displayName: 'Ada' });
    const started = JSON.parse((await apiRequest(host, 'startBackup', {})).text) as { ok: true; value: { jobId: string } };
    const status = JSON.parse((await apiRequest(host, 'getJobStatus', { jobId: started.value.jobId })).text) as { ok: boolean; value: { kind: string } };
    expect(status).toMatchObject({ ok: true, value: { kind: 'backup' } });
    await host.close();
    expect(host.database.sqlite.open).toBe(false);
  });

  it('answers concurrent calls one at a time, each correctly', async () => {
    const { host } = await hosts.start();
    const names = Array.from({ length: 20 }, (_, i) => `Learner ${i}`);
    const responses = await Promise.all(names.map((displayName) => apiRequest(host, 'createLearnerProfile', { displayName })));
    expect(responses.map((r) => r.status)).toEqual(names.map(() => 200));
    expect((host.database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n).toBe(20);
  });
});
