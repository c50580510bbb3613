import fs from 'node:fs';
import path from 'node:path';

/**
 * The record of the last import or restore: the snapshot that undoes it. While it is there, that
 * snapshot is never rotated away (snapshots.ts), whatever other snapshots are taken after it.
 */
const MARKER = 'last-import.json';

export interface LastImportRecord {
  snapshotId: string;
  importedAt: string;
  source: string;
  learnerIds: string[];
}

export function recordLastImport(dataDir: string, record: LastImportRecord): void {
  const file = path.join(dataDir, MARKER);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function readLastImport(dataDir: string): LastImportRecord | undefined {
  const file = path.join(dataDir, MARKER);
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LastImportRecord;
  } catch {
    return undefined;
  }
}

export function forgetLastImport(dataDir: string): void {
  fs.rmSync(path.join(dataDir, MARKER), { force: true });
}
