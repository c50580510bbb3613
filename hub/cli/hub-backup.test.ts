import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse, PushResponse } from '../../electron/common/sync/hub-protocol';
import { call, createSchool, enrol, learnerOperations, pullAll, pushBody, startTestHub } from '../server/test-support/hub-test-kit';
import { HUB_DATABASE, OWNER_ROLE, runSql, startThrowawayCluster, type ThrowawayCluster } from '../test-support/pg-cluster';

/**
 * Backing up and restoring the hub as docs/school-hub.md tells an IT person to: pg_dump of the
 * whole database (the owner needs --enable-row-security, because every table forces row-level
 * security; the postgres superuser does not), then pg_restore as the superuser into a new,
 * empty database owned by dala_hub_owner. The restored hub serves every change again, and the
 * operations it had applied stay applied (a machine retrying a batch gets duplicates).
 */

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

let cluster: ThrowawayCluster;
let dir: string;
let machine: EnrolResponse;
let reader: EnrolResponse;
let batch: ReturnType<typeof learnerOperations>;

const databaseUrl = (base: string, database: string) => base.replace(/\/[^/]+$/, `/${database}`);

beforeAll(async () => {
  cluster = await startThrowawayCluster();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-hub-backup-'));
  const hub = await startTestHub(cluster);
  try {
    const code = (await createSchool(cluster, 'Hill School')).enrolmentCode;
    machine = await enrol(hub.url, code, 'lab-pc-01');
    reader = await enrol(hub.url, code, 'lab-pc-02');
    batch = learnerOperations(50);
    const pushed = await call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(batch.operations), credential: machine.credential });
    expect(pushed.body.changed).toBe(51);
  } finally {
    await hub.stop();
  }
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(program: string, args: string[]): Promise<string> {
  try {
    await run(path.join(BIN, program), args);
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

describe('backing up the hub with pg_dump and restoring it with pg_restore', () => {
  it('refuses a plain pg_dump as the owner or the app role: every table forces row-level security', async () => {
    expect(await failure('pg_dump', ['-Fc', '-d', cluster.ownerUrl, '-f', path.join(dir, 'refused.dump')])).toContain('row-level security');
    expect(await failure('pg_dump', ['-Fc', '-d', cluster.appUrl, '-f', path.join(dir, 'refused.dump')])).toContain('row-level security');
  });

  for (const who of ['owner', 'superuser'] as const) {
    it(`restores a dump made by the ${who}: every change and every applied operation comes back`, async () => {
      const file = path.join(dir, `${who}.dump`);
      const dumpArgs = who === 'owner' ? ['-Fc', '--enable-row-security', '-d', cluster.ownerUrl, '-f', file] : ['-Fc', '-d', cluster.superuserUrl, '-f', file];
      await run(path.join(BIN, 'pg_dump'), dumpArgs);

      // A new database, as on a rebuilt server: created by the superuser, owned by the owner role.
      const restored = `${HUB_DATABASE}_restored_${who}`;
      await runSql(databaseUrl(cluster.superuserUrl, 'postgres'), [`CREATE DATABASE ${restored} OWNER ${OWNER_ROLE}`]);
      await run(path.join(BIN, 'pg_restore'), ['--exit-on-error', '-d', databaseUrl(cluster.superuserUrl, restored), file]);

      const hub = await startTestHub({ ...cluster, appUrl: databaseUrl(cluster.appUrl, restored) });
      try {
        expect((await call(hub.url, 'GET', '/health')).status).toBe(200);
        const changes = await pullAll(hub.url, reader.credential);
        expect(changes.filter((c) => c.change.learnerId === batch.learnerId)).toHaveLength(51);
        const retried = await call<PushResponse>(hub.url, 'POST', '/v1/push', { body: pushBody(batch.operations), credential: machine.credential });
        expect(retried.body).toMatchObject({ received: 51, duplicates: 51, changed: 0 });
      } finally {
        await hub.stop();
      }
    });
  }

  it('restores onto a new server once the roles are created there (roles are not in a dump)', async () => {
    // The superuser's dump from the test above.
    const file = path.join(dir, 'superuser.dump');
    // The new server as docs/school-hub.md sets it up, up to (not including) "dala hub migrate".
    const target = await startThrowawayCluster({ migrate: false });
    try {
      await runSql(target.superuserUrl, ['CREATE ROLE dala_hub_app NOLOGIN', 'CREATE ROLE dala_hub LOGIN IN ROLE dala_hub_app']);
      await run(path.join(BIN, 'pg_restore'), ['--exit-on-error', '-d', target.superuserUrl, file]);
      const hub = await startTestHub(target);
      try {
        const changes = await pullAll(hub.url, reader.credential);
        expect(changes.filter((c) => c.change.learnerId === batch.learnerId)).toHaveLength(51);
      } finally {
        await hub.stop();
      }
    } finally {
      await target.stop();
    }
  }, 120_000);
});
