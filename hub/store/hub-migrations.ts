import type pg from 'pg';
import { HUB_MIGRATION_SOURCES } from '../migrations';

/**
 * The hub's own migrations (hub/migrations/NNNN_name.ts), committed, applied in order, each in one
 * transaction with its row in `hub_schema_migrations`. The schema version is the number of the
 * latest applied migration; a database newer than this code is refused (reading it with an older
 * schema could lose data), like the app refuses a newer dala.db.
 */

export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration this hub knows, oldest first; versions are 1, 2, 3… without gaps. */
export function knownHubMigrations(): HubMigration[] {
  return HUB_MIGRATION_SOURCES.map((m, i) => ({ version: i + 1, name: m.name, sql: m.sql }));
}

export function expectedHubSchemaVersion(): number {
  return knownHubMigrations().length;
}

/** The database's version: 0 before the first migration. Works for the owner and the app role. */
export async function readHubSchemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.hub_schema_migrations') IS NOT NULL AS exists`);
  if (!table.rows[0]?.exists) return 0;
  const version = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM hub_schema_migrations');
  return version.rows[0]?.version ?? 0;
}

export function newerDatabaseMessage(found: number, known: number): string {
  return (
    `The hub database is at schema version ${found}, newer than this hub understands (version ${known} at most). ` +
    'Install the newer hub, or point it at another database. Nothing was changed.'
  );
}

/** Throws unless the database is exactly at the version this code knows. */
export function requireCurrentSchema(found: number): void {
  const known = expectedHubSchemaVersion();
  if (found > known) throw new Error(newerDatabaseMessage(found, known));
  if (found < known) throw new Error(`The hub database is at schema version ${found}; this hub needs version ${known}. Run "dala hub migrate --database-url URL" with the owner's URL first.`);
}

// Two `dala hub migrate` at once wait for each other rather than both applying a migration.
const MIGRATION_LOCK = 0x44414c41; // "DALA"

/** Applies every migration the database lacks, each in its own transaction. */
export async function migrateHubDatabase(client: pg.ClientBase): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const from = await readHubSchemaVersion(client);
    const known = knownHubMigrations();
    if (from > known.length) throw new Error(newerDatabaseMessage(from, known.length));
    for (const migration of known.filter((m) => m.version > from)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO hub_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`The hub migration ${String(migration.version).padStart(4, '0')}_${migration.name} failed, nothing of it was applied: ${(error as Error).message}`, { cause: error });
      }
    }
    return { from, to: Math.max(from, known.length) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
