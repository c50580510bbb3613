import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupLearnerIds, readBackupLearner, type BackupFilters } from '../backup-file';
import { canonicalJson } from '../canonical-json';
import { readSchoolRecords } from '../school-records';
import { RECORD_TABLES, type RecordCounts } from '../../../electron/common/merge/records-schema';

/** Text handed to the sink at a time: large enough for few awaits, small enough for flat memory. */
const WRITE_AT = 1 << 20;

export interface WrittenBackup {
  learners: number;
  records: number;
  checksum: string;
}

/**
 * Writes a backup a learner at a time, in the checksum-last canonical layout (see
 * layout-checksum.ts): the members in sorted order, exactly the canonical JSON the checksum is
 * computed over, then the checksum, which only the end knows. Everything is read in one read
 * transaction held across the awaits, so the backup is a consistent picture; `sqlite` must be a
 * connection nobody else uses meanwhile (a job worker's, the CLI's).
 */
export async function writeBackupStream(
  sqlite: Database.Database,
  filters: BackupFilters,
  appVersion: string,
  now: string,
  sink: (text: string) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<WrittenBackup> {
  const hash = createHash('sha256');
  let pending = '';
  const emit = async (text: string, force = false) => {
    pending += text;
    if (pending.length < WRITE_AT && !force) return;
    hash.update(pending, 'utf8');
    const out = pending;
    pending = '';
    await sink(out);
  };
  sqlite.exec('BEGIN');
  try {
    const ids = backupLearnerIds(sqlite, filters);
    await emit(`{"appVersion":${JSON.stringify(appVersion)},"createdAt":${JSON.stringify(now)},"filters":${canonicalJson(filters)},"format":"${BACKUP_FORMAT}","formatVersion":${BACKUP_FORMAT_VERSION},"learners":[`);
    const counts = Object.fromEntries(RECORD_TABLES.map((t) => [t, 0])) as RecordCounts;
    const written = new Set<string>();
    for (let i = 0; i < ids.length; i++) {
      const transfer = readBackupLearner(sqlite, ids[i] as string, filters);
      onProgress?.(i + 1, ids.length);
      if (!transfer) continue;
      for (const table of RECORD_TABLES) counts[table] += transfer.records[table].length;
      await emit(`${written.size === 0 ? '' : ','}${canonicalJson(transfer)}`);
      written.add(transfer.learner.id);
    }
    const school = readSchoolRecords(sqlite, filters.learnerIds ? written : undefined);
    await emit(`],"metadata":${canonicalJson({ counts, learners: written.size })},"school":${canonicalJson(school)}`);
    hash.update(pending, 'utf8');
    hash.update('}');
    const checksum = hash.digest('hex');
    await sink(`${pending},"checksum":{"algorithm":"sha256","value":"${checksum}"}}\n`);
    pending = '';
    return { learners: written.size, records: Object.values(counts).reduce((a, b) => a + b, 0), checksum };
  } finally {
    sqlite.exec('COMMIT');
  }
}
