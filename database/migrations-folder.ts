import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';

/**
 * Where drizzle-kit's committed output is found: beside this file when run from source (CLI,
 * tests), two levels up from a bundle in out/<target>/ (Electron, browser host, packaged asar).
 */
function migrationsFolder(): string {
  // Never from the environment: SQL that runs against the learners' data ships with the app.
  const candidates = [path.join(__dirname, 'migrations'), path.join(__dirname, '..', '..', 'database', 'migrations')];
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'meta', '_journal.json')));
  if (!found) throw new Error(`The database migrations are missing (looked in ${candidates.join(', ')}). Reinstall the app.`);
  return found;
}

let cached: MigrationMeta[] | undefined;
let cachedTags: string[] | undefined;

/** The name of each migration (drizzle-kit's tag, e.g. `0001_school_accounts`), oldest first. */
export function migrationTags(): string[] {
  cachedTags ??= (JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> }).entries.map((e) => e.tag);
  return cachedTags;
}

/** Every migration the app knows, oldest first; the schema version is their count. */
export function knownMigrations(): MigrationMeta[] {
  cached ??= readMigrationFiles({ migrationsFolder: migrationsFolder() });
  return cached;
}

export function appSchemaVersion(): number {
  return knownMigrations().length;
}
