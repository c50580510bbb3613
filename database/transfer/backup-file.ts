import { z } from 'zod';
import type Database from 'better-sqlite3';
import { isoTimestamp, learnerId } from '../../electron/common/dto';
import { canonicalDocumentText } from './canonical-json';
import { decodeJsonFile, fileError } from './file-text';
import { readLearner, readLearnerRecords } from './learner-rows';
import { checkEnvelope, checkPayload, type LearnerTransfer } from './profile-file';
import { readSchoolRecords, schoolRecordsSchema } from './school-records';
import { countRecords, learnerRecordSchema, learnerRecordsSchema, RECORD_TABLES, recordCountsSchema, type LearnerRecords, type RecordCounts } from '../../electron/common/merge/records-schema';

/** A full backup: every (or the chosen) learner with all their rows, counts and a checksum. */
export const BACKUP_FORMAT = 'dala-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MAX_BACKUP_FILE_BYTES = 1024 * 1_048_576;

export const backupFiltersSchema = z.object({
  learnerIds: z.array(learnerId).optional(),
  since: isoTimestamp.optional(),
  until: isoTimestamp.optional(),
});
export type BackupFilters = z.output<typeof backupFiltersSchema>;

/** One element of a backup's `learners`: a streamed restore validates them one at a time. */
export const backupLearnerSchema = z.object({ learner: learnerRecordSchema, records: learnerRecordsSchema });

const envelopeShape = {
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string().max(50),
  createdAt: isoTimestamp,
  filters: backupFiltersSchema,
  metadata: z.object({ learners: z.number().int().min(0), counts: recordCountsSchema }),
};
const trailerShape = {
  /** Accounts, classes, secrets and settings (absent in backups made before version 0.2). */
  school: schoolRecordsSchema.optional(),
  checksum: z.object({ algorithm: z.literal('sha256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
};
/** Everything of a backup but its learners. */
export const backupHeaderSchema = z.object({ ...envelopeShape, ...trailerShape });
export type BackupHeader = z.output<typeof backupHeaderSchema>;

export const backupV1Schema = z
  .object({ ...envelopeShape, learners: z.array(backupLearnerSchema), ...trailerShape })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    const attemptOwner = new Map<string, string>();
    b.learners.forEach((l, i) => {
      if (seen.has(l.learner.id)) ctx.addIssue({ code: 'custom', message: `duplicate learner "${l.learner.id}"`, path: ['learners', i, 'learner', 'id'] });
      seen.add(l.learner.id);
      // An attempt uid is global: two learners holding one would collide on restore.
      l.records.activityAttempts.forEach((a, j) => {
        const owner = attemptOwner.get(a.attemptUid);
        if (owner !== undefined && owner !== l.learner.id) {
          ctx.addIssue({ code: 'custom', message: `attempt uid "${a.attemptUid}" also belongs to learner "${owner}"`, path: ['learners', i, 'records', 'activityAttempts', j, 'attemptUid'] });
        }
        attemptOwner.set(a.attemptUid, l.learner.id);
      });
    });
  });
export type BackupV1 = z.output<typeof backupV1Schema>;

const TIME_OF: { [T in keyof LearnerRecords]: (r: LearnerRecords[T][number]) => string } = {
  preferences: (r) => r.timestamp,
  interests: (r) => r.timestamp,
  struggles: (r) => r.timestamp,
  cognitiveMetrics: (r) => r.timestamp,
  loProgress: (r) => r.completedAt ?? r.startedAt,
  badges: (r) => r.earnedDate,
  activityAttempts: (r) => r.attemptTimestamp,
};

/** Keeps the rows whose own time falls in [since, until]. */
export function filterByTime(records: LearnerRecords, since?: string, until?: string): LearnerRecords {
  if (!since && !until) return records;
  const inRange = (t: string) => (!since || t >= since) && (!until || t <= until);
  const out = {} as Record<string, unknown[]>;
  for (const table of RECORD_TABLES) out[table] = (records[table] as unknown[]).filter((r) => inRange((TIME_OF[table] as (x: unknown) => string)(r)));
  return out as unknown as LearnerRecords;
}

export function sumCounts(transfers: readonly LearnerTransfer[]): RecordCounts {
  const counts = Object.fromEntries(RECORD_TABLES.map((t) => [t, 0])) as RecordCounts;
  for (const t of transfers) for (const table of RECORD_TABLES) counts[table] += t.records[table].length;
  return counts;
}

/** The learners a backup with these filters holds, in the order it holds them. */
export function backupLearnerIds(sqlite: Database.Database, filters: BackupFilters): string[] {
  return filters.learnerIds ? [...new Set(filters.learnerIds)] : (sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
}

/** One learner as a backup holds them (undefined: created after `until`, so not in it). */
export function readBackupLearner(sqlite: Database.Database, id: string, filters: BackupFilters): LearnerTransfer | undefined {
  const learner = readLearner(sqlite, id);
  if (!learner) throw fileError(`There is no learner with id "${id}" to back up.`, 'learnerIds');
  if (filters.until && learner.createdAt > filters.until) return undefined;
  return { learner, records: filterByTime(readLearnerRecords(sqlite, id), filters.since, filters.until) };
}

/** Reads the learners for a backup in one read transaction, so the backup is a consistent picture. */
export function collectBackup(sqlite: Database.Database, filters: BackupFilters, appVersion: string, now: string, onProgress?: (done: number, total: number) => void): BackupV1 {
  return collectBackupFile(sqlite, filters, appVersion, now, onProgress).backup;
}

/**
 * collectBackup and the file's text at once: the text is the canonical JSON the checksum is
 * computed over, written once (see canonicalDocumentText), so a restore can check it by hashing.
 */
export function collectBackupFile(
  sqlite: Database.Database,
  filters: BackupFilters,
  appVersion: string,
  now: string,
  onProgress?: (done: number, total: number) => void,
): { backup: BackupV1; content: string } {
  const transfers = sqlite.transaction(() => {
    const ids = backupLearnerIds(sqlite, filters);
    return ids.flatMap((id, i): LearnerTransfer[] => {
      const transfer = readBackupLearner(sqlite, id, filters);
      onProgress?.(i + 1, ids.length);
      return transfer ? [transfer] : [];
    });
  })();
  const body = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion,
    createdAt: now,
    filters,
    metadata: { learners: transfers.length, counts: sumCounts(transfers) },
    learners: transfers,
    school: readSchoolRecords(sqlite, filters.learnerIds ? new Set(transfers.map((t) => t.learner.id)) : undefined),
  } as const;
  const written = canonicalDocumentText(body);
  return { backup: { ...body, checksum: { algorithm: 'sha256', value: written.checksum } }, content: written.text };
}

/** Validates a whole backup (schema, duplicate learners, counts, checksum) before anything is written. */
export function parseBackupFile(bytes: Uint8Array | string): BackupV1 {
  let text: string | undefined;
  const d = checkEnvelope(
    decodeJsonFile(bytes, MAX_BACKUP_FILE_BYTES, 'backup file', (t) => (text = t)),
    BACKUP_FORMAT,
    BACKUP_FORMAT_VERSION,
    'backup file',
  );
  const backup = checkPayload(backupV1Schema, d, 'backup file', text);
  if (backup.metadata.learners !== backup.learners.length) {
    throw fileError(`The backup file says it has ${backup.metadata.learners} learners but holds ${backup.learners.length}.`, 'metadata.learners');
  }
  const actual = sumCounts(backup.learners);
  for (const table of RECORD_TABLES) {
    if (backup.metadata.counts[table] !== actual[table]) {
      throw fileError(`The backup file says it has ${backup.metadata.counts[table]} ${table} but holds ${actual[table]}.`, `metadata.counts.${table}`);
    }
  }
  return backup;
}

/** The text of a backup file, without the final newline, in the canonical layout (its own checksum kept as it is). */
export function backupFileContent(backup: BackupV1): string {
  return canonicalDocumentText(backup, backup.checksum.value).text;
}

/** Whether a backup holds only some learners or some dates (it was made with filters), so it cannot stand for the whole machine. */
export function isFilteredBackup(filters: BackupFilters): boolean {
  return Boolean(filters.learnerIds?.length || filters.since || filters.until);
}

/** What checkBackupFile and `dala backup verify` answer about a valid backup. */
export function checkBackupView(backup: BackupHeader): { createdAt: string; appVersion: string; learners: number; counts: RecordCounts; filters: BackupFilters; filtered: boolean; accounts: boolean } {
  return {
    createdAt: backup.createdAt,
    appVersion: backup.appVersion,
    learners: backup.metadata.learners,
    counts: backup.metadata.counts,
    filters: backup.filters,
    filtered: isFilteredBackup(backup.filters),
    accounts: backup.school !== undefined,
  };
}

export { countRecords };
