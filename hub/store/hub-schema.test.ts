import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runSql } from '../test-support/pg-cluster';
import { useHubCluster } from '../test-support/hub-fixture';
import { openHubAdministration } from './hub-administration';
import { expectedHubSchemaVersion } from './hub-migrations';
import { openHubStore } from './open-hub-store';

const hub = useHubCluster();

async function rows<R extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A second database of the cluster, owned by the hub's owner, for tests that spoil their schema. */
async function spareDatabase(name: string): Promise<string> {
  await runSql(hub.cluster.superuserUrl, [`CREATE DATABASE ${name} OWNER dala_hub_owner`]);
  return hub.cluster.ownerUrl.replace(/\/dala_hub$/, `/${name}`);
}

describe('hub migrations', () => {
  it('are applied once: migrating a current database changes nothing', async () => {
    expect(await hub.admin.migrate()).toEqual({ from: expectedHubSchemaVersion(), to: expectedHubSchemaVersion() });
    const applied = await rows<{ version: number }>(hub.cluster.ownerUrl, 'SELECT version FROM hub_schema_migrations ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(Array.from({ length: expectedHubSchemaVersion() }, (_, i) => i + 1));
  });

  it('migrate an empty database from 0, and refuse one newer than this code', async () => {
    const url = await spareDatabase('dala_hub_newer');
    const admin = await openHubAdministration(url);
    try {
      expect(await admin.migrate()).toEqual({ from: 0, to: expectedHubSchemaVersion() });
      await runSql(url, [`INSERT INTO hub_schema_migrations (version, name) VALUES (${expectedHubSchemaVersion() + 1}, 'from_the_future')`]);
      await expect(admin.migrate()).rejects.toThrow(/newer than this hub understands/);
      await expect(admin.listSchools()).rejects.toThrow(/newer than this hub understands/);
    } finally {
      await admin.close();
    }
    await expect(openHubStore(hub.cluster.appUrl.replace(/\/dala_hub$/, '/dala_hub_newer'))).rejects.toThrow(/newer than this hub understands/);
  });

  it('refuse to serve a database that is not migrated yet', async () => {
    const url = await spareDatabase('dala_hub_empty');
    await expect(openHubStore(url.replace('dala_hub_owner@', 'dala_hub@'))).rejects.toThrow(/dala hub migrate/);
  });
});

// The tables of 0002_school_records.
const SCHOOL_RECORD_TABLES = ['classes', 'educators', 'class_coaches', 'class_members', 'learner_secrets'];

describe('the hub schema keeps schools apart by row-level security', () => {
  it('every hub table has row-level security enabled and forced', async () => {
    const tables = await rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      hub.cluster.superuserUrl,
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    expect(tables.map((t) => t.relname)).toEqual(
      expect.arrayContaining(['hub_schema_migrations', 'schools', 'machines', 'enrolment_codes', 'applied_operations', 'learners', 'lo_progress', ...SCHOOL_RECORD_TABLES]),
    );
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const table of tables) expect({ table: table.relname, enabled: table.relrowsecurity, forced: table.relforcerowsecurity }).toEqual({ table: table.relname, enabled: true, forced: true });
  });

  it('the school records have the school policy for the app, the owner policy and the app grants', async () => {
    const policies = await rows<{ tablename: string; policyname: string; roles: string }>(
      hub.cluster.superuserUrl,
      `SELECT tablename, policyname, roles::text AS roles FROM pg_policies WHERE tablename = ANY($1) ORDER BY tablename, policyname`,
      [SCHOOL_RECORD_TABLES],
    );
    expect(policies).toEqual(
      [...SCHOOL_RECORD_TABLES].sort().flatMap((t) => [
        { tablename: t, policyname: `${t}_owner`, roles: '{dala_hub_owner}' },
        { tablename: t, policyname: `${t}_school`, roles: '{dala_hub_app}' },
      ]),
    );
    const grants = await rows<{ table_name: string; privileges: string }>(
      hub.cluster.superuserUrl,
      `SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges FROM information_schema.role_table_grants
        WHERE grantee = 'dala_hub_app' AND table_name = ANY($1) GROUP BY table_name ORDER BY table_name`,
      [SCHOOL_RECORD_TABLES],
    );
    expect(grants).toEqual([...SCHOOL_RECORD_TABLES].sort().map((t) => ({ table_name: t, privileges: 'DELETE,INSERT,SELECT,UPDATE' })));
  });

  it('the serving roles own nothing and cannot bypass row-level security', async () => {
    const roles = await rows<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      hub.cluster.superuserUrl,
      `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
              (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::integer AS owned
         FROM pg_roles r WHERE r.rolname IN ('dala_hub_app', 'dala_hub') ORDER BY r.rolname`,
    );
    expect(roles).toEqual([
      { rolname: 'dala_hub', rolsuper: false, rolbypassrls: false, owned: 0 },
      { rolname: 'dala_hub_app', rolsuper: false, rolbypassrls: false, owned: 0 },
    ]);
    const owner = await rows<{ rolsuper: boolean }>(hub.cluster.superuserUrl, `SELECT rolsuper FROM pg_roles WHERE rolname = 'dala_hub_owner'`);
    expect(owner).toEqual([{ rolsuper: false }]);
  });

  it('openHubStore refuses a superuser, the owner, and a role with BYPASSRLS', async () => {
    await expect(openHubStore(hub.cluster.superuserUrl)).rejects.toThrow(/superuser/);
    await expect(openHubStore(hub.cluster.ownerUrl)).rejects.toThrow(/owns/);
    await runSql(hub.cluster.superuserUrl, ['CREATE ROLE dala_hub_bypass LOGIN BYPASSRLS IN ROLE dala_hub_app']);
    await expect(openHubStore(hub.cluster.appUrl.replace('dala_hub@', 'dala_hub_bypass@'))).rejects.toThrow(/BYPASSRLS/);
  });

  it('health reports the schema version against the expected one', async () => {
    expect(await hub.store.health()).toMatchObject({ status: 'ok', database: true, schemaVersion: expectedHubSchemaVersion(), expectedSchemaVersion: expectedHubSchemaVersion() });
  });
});
