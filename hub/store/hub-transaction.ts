import pg from 'pg';
import { HubError, type HubStoreObserver } from './hub-store';

/**
 * Transactions of the serving side. Each statement has a fixed name: it labels the statement's
 * duration for the observer (metrics, slow-statement log), and names the prepared statement on
 * the connection, so the hot statements are parsed and planned once per connection. A name
 * therefore always stands for the same SQL text.
 */

export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(name: string, text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

export interface TransactionOptions {
  /** `SET LOCAL app.school_id`: the school the row-level security policies let this transaction see. */
  schoolId?: string;
  /** Other settings the policies read (app.credential_hash, app.enrolment_code_hash), also local. */
  settings?: Record<string, string>;
}

const NO_OBSERVER: HubStoreObserver = { statement: () => undefined };

export function timedQuery(client: pg.PoolClient, observer: HubStoreObserver = NO_OBSERVER): Query {
  return async <R extends pg.QueryResultRow>(name: string, text: string, values?: unknown[]) => {
    const started = process.hrtime.bigint();
    try {
      return values === undefined ? await client.query<R>(text) : await client.query<R>({ name, text, values });
    } finally {
      observer.statement(name, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

const SET_SETTING = 'SELECT set_config($1, $2, true)';

/** Connection-level failures: PostgreSQL is down, restarting or refusing connections. */
function isUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  return typeof e.message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message);
}

export function unavailable(error: unknown): HubError {
  return new HubError('unavailable', `The hub database is not reachable: try again later (${(error as Error).message}).`);
}

/**
 * Runs `work` in one transaction (READ COMMITTED) with the settings local to it; rolls back on any
 * error. Errors of the connection become HubError('unavailable'); HubErrors pass through.
 */
export async function inTransaction<T>(pool: pg.Pool, observer: HubStoreObserver | undefined, options: TransactionOptions, work: (query: Query) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw unavailable(error);
  }
  const query = timedQuery(client, observer);
  let broken: Error | undefined;
  try {
    await query('transaction.begin', 'BEGIN');
    if (options.schoolId !== undefined) await query('transaction.school', SET_SETTING, ['app.school_id', options.schoolId]);
    for (const [name, value] of Object.entries(options.settings ?? {})) await query('transaction.setting', SET_SETTING, [name, value]);
    const result = await work(query);
    await query('transaction.commit', 'COMMIT');
    return result;
  } catch (error) {
    if (isUnavailable(error)) {
      broken = error as Error;
      throw unavailable(error);
    }
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    // A connection that failed is discarded, not handed to the next request.
    client.release(broken);
  }
}
