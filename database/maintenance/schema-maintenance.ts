import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import { databasePath } from '../data-dir';
import { putBackDatabaseFile } from '../database-file-swap';
import { knownMigrations, migrationTags } from '../migrations-folder';
import { HISTORY_TABLE } from '../open';
import { listSnapshots, type SnapshotInfo } from '../snapshots';

/** `dala db history`, `dala db migrate --dry-run` and `dala db rollback`. */

export interface SchemaHistoryEntry {
  version: number;
  tag: string;
  applied: boolean;
  /** When this database got it; null for versions applied before the history was kept (app 0.1). */
  appliedAt: string | null;
  appVersion: string | null;
}

export function schemaHistory(sqlite: Database.Database, fileVersion: number): SchemaHistoryEntry[] {
  const hasHistory = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(HISTORY_TABLE) !== undefined;
  const recorded = new Map(
    (hasHistory ? (sqlite.prepare(`SELECT version, applied_at AS appliedAt, app_version AS appVersion FROM "${HISTORY_TABLE}"`).all() as Array<{ version: number; appliedAt: string; appVersion: string }>) : []).map(
      (r) => [r.version, r],
    ),
  );
  return migrationTags().map((tag, i) => {
    const version = i + 1;
    const row = recorded.get(version);
    return { version, tag, applied: version <= fileVersion, appliedAt: row?.appliedAt ?? null, appVersion: row?.appVersion ?? null };
  });
}

/** The SQL an upgrade from `fileVersion` would run, by migration, without running it. */
export function pendingMigrationSql(fileVersion: number): Array<{ version: number; tag: string; statements: string[] }> {
  const tags = migrationTags();
  return knownMigrations()
    .slice(fileVersion)
    .map((m, i) => ({ version: fileVersion + i + 1, tag: tags[fileVersion + i] ?? 'unknown', statements: m.sql.map((s) => s.trim()).filter(Boolean) }));
}

function fileSchemaVersion(file: string): number {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    return sqlite.pragma('user_version', { simple: true }) as number;
  } finally {
    sqlite.close();
  }
}

/**
 * Puts back the database as it was before its last upgrade: the newest `pre-migrate` snapshot,
 * the file the previous version wrote, byte for byte its content. The newer database is kept as a
 * `pre-rollback` snapshot first. Works on the files alone, so it needs no newer code than the
 * snapshot's, and refuses while the app has the database open.
 */
export async function rollBackLastUpgrade(dataDir: string): Promise<{ restored: SnapshotInfo; safety: SnapshotInfo | undefined; fromVersion: number; toVersion: number }> {
  const file = databasePath(dataDir);
  if (!fs.existsSync(file)) throw new DalaError('not_found', `There is no database at ${file} to roll back.`);
  const fromVersion = fileSchemaVersion(file);
  const candidate = listSnapshots(dataDir).find((s) => s.reason === 'pre-migrate' && fileSchemaVersion(s.path) < fromVersion);
  if (!candidate) throw new DalaError('not_found', 'There is no snapshot from before an upgrade of this database, so there is nothing to roll back to. Nothing was changed.');
  const { safety, schemaVersion } = await putBackDatabaseFile(dataDir, candidate.path, 'pre-rollback');
  return { restored: candidate, safety, fromVersion, toVersion: schemaVersion };
}
