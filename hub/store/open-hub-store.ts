import pg from 'pg';
import { HUB_PROTOCOL_VERSION, type HubHealth } from '../../electron/common/sync/hub-protocol';
import { expectedHubSchemaVersion, readHubSchemaVersion, requireCurrentSchema } from './hub-migrations';
import { type HubStore, type HubStoreObserver, type HubStoreOptions, type SchoolGauge } from './hub-store';
import { unavailable } from './hub-transaction';
import { authenticateMachine, enrolMachine } from './machine-access';
import { pullChanges } from './pull-changes';
import { pushBatch } from './push-batch';
import { HubSetupError, describeDatabase } from './hub-setup-error';

/**
 * The serving side of the hub over a pg Pool, as a role that cannot see past row-level security.
 * Opening refuses a role that could (superuser, BYPASSRLS, owner of a hub table or member of the
 * owner) and a database whose migrations are not the ones this code knows.
 */

const ROLE = `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
// Owning a table, or inheriting from its owner, would pass the owner's permissive policy.
const OWNED_TABLES = `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'MEMBER') ORDER BY c.relname`;
const APP_MEMBER = `SELECT pg_has_role(current_user, 'dala_hub_app', 'USAGE') AS member`;

async function checkServingRole(client: pg.ClientBase, where: string): Promise<void> {
  const role = (await client.query<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(ROLE)).rows[0];
  if (!role) throw new HubSetupError(`The hub cannot read its own role at ${where}.`);
  const fix = 'Serve with a login role that is a member of dala_hub_app (docs/school-hub.md: CREATE ROLE dala_hub LOGIN PASSWORD … IN ROLE dala_hub_app).';
  if (role.rolsuper) throw new HubSetupError(`The hub refuses to serve as ${role.name}, a superuser: row-level security would not keep schools apart. ${fix}`);
  if (role.rolbypassrls) throw new HubSetupError(`The hub refuses to serve as ${role.name}, which has BYPASSRLS: row-level security would not keep schools apart. ${fix}`);
  const owned = (await client.query<{ relname: string }>(OWNED_TABLES)).rows.map((r) => r.relname);
  if (owned.length > 0) {
    throw new HubSetupError(`The hub refuses to serve as ${role.name}, which owns (or is a member of the owner of) the hub's tables (${owned.slice(0, 3).join(', ')}…); use the owner's URL for "dala hub migrate|schools|machines" only. ${fix}`);
  }
  requireCurrentSchema(await readHubSchemaVersion(client));
  if (!(await client.query<{ member: boolean }>(APP_MEMBER)).rows[0]?.member) throw new HubSetupError(`The role ${role.name} is not a member of dala_hub_app. ${fix}`);
}

export async function openHubStore(databaseUrl: string, options: HubStoreOptions = {}): Promise<HubStore> {
  const where = describeDatabase(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection that breaks (PostgreSQL restarted) is dropped by the pool; the next
  // request gets a new one or an 'unavailable' error. Without a listener it would crash the hub.
  pool.on('error', () => undefined);
  // Scores come back as JSON numbers from float8: the shortest text that reads back exactly.
  pool.on('connect', (client) => void client.query('SET extra_float_digits = 1').catch(() => undefined));
  try {
    const client = await pool.connect();
    try {
      await checkServingRole(client, where);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    if (error instanceof HubSetupError) throw error;
    if (error instanceof Error && /schema version/.test(error.message)) throw new HubSetupError(error.message);
    throw new HubSetupError(`The hub cannot connect to its database at ${where}: ${(error as Error).message}`);
  }
  return serveStore(pool, options.observer);
}

function serveStore(pool: pg.Pool, observer: HubStoreObserver | undefined): HubStore {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  let closed: Promise<void> | undefined;
  /** Every call is tracked, so that close() can let the batches in flight finish. */
  const track = <T>(work: () => Promise<T>): Promise<T> => {
    if (closing) return Promise.reject(unavailable(new Error('the hub is shutting down')));
    const promise = work();
    inFlight.add(promise);
    const done = () => inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  };
  const expected = expectedHubSchemaVersion();

  return {
    health: () =>
      track(async (): Promise<HubHealth> => {
        let schemaVersion: number | null;
        try {
          const client = await pool.connect();
          try {
            schemaVersion = await readHubSchemaVersion(client);
          } finally {
            client.release();
          }
        } catch {
          schemaVersion = null;
        }
        const database = schemaVersion !== null;
        return { status: database && schemaVersion === expected ? 'ok' : 'unavailable', database, schemaVersion, expectedSchemaVersion: expected, protocolVersion: HUB_PROTOCOL_VERSION };
      }),
    enrolMachine: (request) => track(() => enrolMachine(pool, observer, request)),
    authenticateMachine: (credential) => track(() => authenticateMachine(pool, observer, credential)),
    pushBatch: (machine, request) => track(() => pushBatch(pool, observer, machine, request)),
    pull: (machine, query) => track(() => pullChanges(pool, observer, machine, query)),
    schoolGauges: () =>
      track(async (): Promise<SchoolGauge[]> => {
        const started = process.hrtime.bigint();
        let result: pg.QueryResult<{ school_id: string; machines: number; changes_not_yet_pulled: string; pending_on_machines: string }>;
        try {
          result = await pool.query('SELECT school_id::text, machines, changes_not_yet_pulled::text, pending_on_machines::text FROM hub_school_gauges()');
        } catch (error) {
          throw unavailable(error);
        } finally {
          observer?.statement('gauges.schools', Number(process.hrtime.bigint() - started) / 1e9);
        }
        return result.rows.map((r) => ({ schoolId: r.school_id, machines: r.machines, changesNotYetPulled: Number(r.changes_not_yet_pulled), pendingOnMachines: Number(r.pending_on_machines) }));
      }),
    close: () => {
      closing = true;
      closed ??= Promise.allSettled([...inFlight]).then(() => pool.end());
      return closed;
    },
  };
}
