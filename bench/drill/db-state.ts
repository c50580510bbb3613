import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { databasePath } from '../../database/data-dir';

/** What a drill checks after each trial, read with a bare connection (no app code). */
export interface DbState {
  integrity: string;
  foreignKeys: number;
  hash: string;
}

/**
 * SHA-256 over every row of every table (sqlite_sequence too): equal means nothing was written.
 * The audit log is left out: it records that a restore was started even when its file is then
 * refused, which is what an audit log is for.
 */
export function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence') AND name <> 'audit_log' ORDER BY name")
    .all() as Array<{ name: string }>;
  for (const { name } of tables) {
    hash.update(`${name}\n`);
    const where = name === 'sqlite_sequence' ? " WHERE name <> 'audit_log'" : '';
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"${where} ORDER BY rowid`).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

export function inspect(dataDir: string): DbState {
  const sqlite = new Database(databasePath(dataDir));
  try {
    return {
      integrity: String(sqlite.pragma('integrity_check', { simple: true })),
      foreignKeys: (sqlite.pragma('foreign_key_check') as unknown[]).length,
      hash: contentHash(sqlite),
    };
  } finally {
    sqlite.close();
  }
}

export function rowCount(dataDir: string, table: string): number {
  const sqlite = new Database(databasePath(dataDir), { readonly: true });
  try {
    return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}
