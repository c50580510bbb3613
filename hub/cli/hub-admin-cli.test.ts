import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MachineListing, SchoolCreated } from '../store/hub-store';
import { createAppLogin, runSql, startThrowawayCluster, type ThrowawayCluster } from '../test-support/pg-cluster';
import { call, enrol } from '../server/test-support/hub-test-kit';
import { ensureBuilt, runHub, serveHub } from './test-support/hub-process';

let cluster: ThrowawayCluster;

beforeAll(async () => {
  ensureBuilt();
  cluster = await startThrowawayCluster({ migrate: false });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('dala hub (spawned processes)', { timeout: 90_000 }, () => {
  it('refuses bad arguments with exit code 2 before contacting PostgreSQL', async () => {
    // Independent processes: run them side by side (each starts Node and the bundle).
    const [noUrl, notPostgres, noName, badId, badPort, loneCert, unknown] = await Promise.all([
      runHub(['migrate']),
      runHub(['migrate', '--database-url', 'mysql://x@y/z']),
      runHub(['schools', 'create', '--database-url', cluster.ownerUrl]),
      runHub(['machines', 'revoke', 'not-an-id', '--database-url', cluster.ownerUrl]),
      runHub(['serve', '--port', '70000', '--database-url', cluster.appUrl]),
      runHub(['serve', '--tls-cert', 'x.pem', '--database-url', cluster.appUrl]),
      runHub(['teleport']),
    ]);
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain('--database-url is needed (or set DALA_HUB_DATABASE_URL)');
    expect(notPostgres.status).toBe(2);
    expect(noName.status).toBe(2);
    expect(noName.stderr).toContain('--name');
    expect(badId.status).toBe(2);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port must be at most 65535');
    expect(loneCert.status).toBe(2);
    expect(loneCert.stderr).toContain('--tls-cert and --tls-key go together');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('dala hub help');
    const help = await runHub(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('dala hub schools create');
  });

  it('migrates, creates a school, enrols through a served hub, lists and revokes machines', async () => {
    const migrated = await runHub(['migrate', '--database-url', cluster.ownerUrl]);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/upgraded from schema version 0 to \d+/);
    const again = await runHub(['migrate'], { DALA_HUB_DATABASE_URL: cluster.ownerUrl });
    expect(again.stdout).toMatch(/up to date/);
    await createAppLogin(cluster);

    const created = await runHub(['schools', 'create', '--name', 'Hill School', '--json'], { DALA_HUB_DATABASE_URL: cluster.ownerUrl });
    expect(created.status).toBe(0);
    const school = JSON.parse(created.stdout) as SchoolCreated;
    expect(school.schoolId).toMatch(UUID);
    expect(school.name).toBe('Hill School');
    expect(Date.parse(school.codeExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const plain = await runHub(['schools', 'create', '--name', 'River School', '--database-url', cluster.ownerUrl]);
    expect(plain.stdout).toMatch(/enrolment code: +\S+/);
    const listed = JSON.parse((await runHub(['schools', 'list', '--json', '--database-url', cluster.ownerUrl])).stdout) as Array<{ name: string }>;
    expect(listed.map((s) => s.name).sort()).toEqual(['Hill School', 'River School']);

    const hub = await serveHub([], { DALA_HUB_DATABASE_URL: cluster.appUrl });
    try {
      expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(hub.stdout()).toBe(`DALA hub is running at ${hub.url}\n`);
      expect((await call(hub.url, 'GET', '/health')).status).toBe(200);
      const machine = await enrol(hub.url, school.enrolmentCode, 'lab-pc-07');

      const machines = JSON.parse((await runHub(['machines', 'list', '--school', school.schoolId, '--json', '--database-url', cluster.ownerUrl])).stdout) as MachineListing[];
      expect(machines).toEqual([expect.objectContaining({ machineId: machine.machineId, name: 'lab-pc-07', schoolName: 'Hill School', revokedAt: null })]);
      const table = await runHub(['machines', 'list', '--database-url', cluster.ownerUrl]);
      expect(table.stdout).toContain('lab-pc-07');

      const revoked = await runHub(['machines', 'revoke', machine.machineId, '--database-url', cluster.ownerUrl]);
      expect(revoked.status).toBe(0);
      expect(revoked.stdout).toContain('revoked');
      expect((await call(hub.url, 'GET', '/v1/pull?after=0', { credential: machine.credential })).status).toBe(403);
      const missing = await runHub(['machines', 'revoke', '00000000-0000-4000-8000-000000000000', '--database-url', cluster.ownerUrl]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('There is no machine');

      const fresh = JSON.parse((await runHub(['codes', 'create', '--school', school.schoolId, '--json', '--database-url', cluster.ownerUrl])).stdout) as { enrolmentCode: string };
      const codesRevoked = await runHub(['codes', 'revoke', '--school', school.schoolId, '--database-url', cluster.ownerUrl]);
      expect(codesRevoked.stdout).toMatch(/^2 enrolment codes revoked/);
      const refused = await call<{ error: { code: string } }>(hub.url, 'POST', '/v1/enrol', { body: { code: fresh.enrolmentCode, machineName: 'lab-pc-08' } });
      expect(refused.body.error.code).toBe('code_invalid');
    } finally {
      hub.child.kill('SIGTERM');
      expect((await hub.exited).code).toBe(0);
    }
  });

  it('refuses to serve as the owner, and a hub database newer than this hub', async () => {
    const asOwner = await runHub(['serve', '--port', '0', '--database-url', cluster.ownerUrl]);
    expect(asOwner.status).toBe(1);
    expect(asOwner.stderr).toMatch(/refuses to serve as dala_hub_owner/);
    expect(asOwner.stdout).toBe('');

    await runSql(cluster.ownerUrl, [`INSERT INTO hub_schema_migrations (version, name) VALUES (999, 'from_the_future')`]);
    try {
      const migrate = await runHub(['migrate', '--database-url', cluster.ownerUrl]);
      expect(migrate.status).toBe(1);
      expect(migrate.stderr).toContain('newer than this hub understands');
      const serve = await runHub(['serve', '--port', '0', '--database-url', cluster.appUrl]);
      expect(serve.status).toBe(1);
      expect(serve.stderr).toContain('schema version 999');
    } finally {
      await runSql(cluster.ownerUrl, ['DELETE FROM hub_schema_migrations WHERE version = 999']);
    }
  });
});
