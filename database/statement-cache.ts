import type Database from 'better-sqlite3';

/**
 * Prepared statements, compiled once per connection and reused. Preparing costs more than running
 * a small query, so the hot paths (a save, a profile load) ask for their statements here instead
 * of calling `prepare` (or building a drizzle query) on every call. SQLite recompiles a cached
 * statement by itself if the schema changes; the cache dies with its connection.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** A cached statement that returns rows as arrays (no per-row object with column names: the fastest way out of SQLite). */
export function cachedRowsStatement(sqlite: Database.Database, sql: string): Database.Statement {
  return cachedStatement(sqlite, `${sql} -- rows as arrays`).raw(true);
}
