import { z } from 'zod';
import type Database from 'better-sqlite3';
import { DalaError } from '../../electron/common/errors';
import { canonicalDocumentText, checksumOfCanonicalDocument, payloadChecksum } from './canonical-json';
import { decodeJsonFile, fileError, jsonPath } from './file-text';
import { readLearner, readLearnerRecords } from './learner-rows';
import { countRecords, learnerRecordSchema, learnerRecordsSchema, RECORD_TABLES, recordCountsSchema, type LearnerRecord, type LearnerRecords } from '../../electron/common/merge/records-schema';

/** `.dalaprofile`: one learner and all their rows, with counts and a SHA-256 of the payload. */
export const PROFILE_FORMAT = 'dala-learner-profile';
export const PROFILE_FORMAT_VERSION = 1;
export const PROFILE_FILE_EXTENSION = '.dalaprofile';
export const MAX_PROFILE_FILE_BYTES = 32 * 1_048_576;

export const profileFileV1Schema = z.object({
  format: z.literal(PROFILE_FORMAT),
  formatVersion: z.literal(PROFILE_FORMAT_VERSION),
  appVersion: z.string().max(50),
  exportedAt: z.string(),
  learner: learnerRecordSchema,
  records: learnerRecordsSchema,
  counts: recordCountsSchema,
  checksum: z.object({ algorithm: z.literal('sha256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type ProfileFileV1 = z.output<typeof profileFileV1Schema>;

export interface LearnerTransfer {
  learner: LearnerRecord;
  records: LearnerRecords;
}

function profileBody(transfer: LearnerTransfer, appVersion: string, exportedAt: string) {
  return {
    format: PROFILE_FORMAT,
    formatVersion: PROFILE_FORMAT_VERSION,
    appVersion,
    exportedAt,
    learner: transfer.learner,
    records: transfer.records,
    counts: countRecords(transfer.records),
  } as const;
}

export function buildProfileDocument(transfer: LearnerTransfer, appVersion: string, exportedAt: string): ProfileFileV1 {
  const body = profileBody(transfer, appVersion, exportedAt);
  return { ...body, checksum: { algorithm: 'sha256', value: payloadChecksum(body) } };
}

export function readLearnerTransfer(sqlite: Database.Database, learnerId: string): LearnerTransfer {
  return sqlite.transaction(() => {
    const learner = readLearner(sqlite, learnerId);
    if (!learner) throw new DalaError('not_found', `There is no learner with id "${learnerId}".`, 'learnerId');
    return { learner, records: readLearnerRecords(sqlite, learnerId) };
  })();
}

export function exportProfileFile(sqlite: Database.Database, learnerId: string, appVersion: string, now: string = new Date().toISOString()): string {
  return exportProfile(sqlite, learnerId, appVersion, now).content;
}

/**
 * The profile file of a learner, and who it is. The text is written in the canonical layout
 * (checksum first, then canonical JSON; see canonicalDocumentText): the JSON that the checksum is
 * computed over is built once and is the file, and an import checks the checksum by hashing it.
 */
export function exportProfile(sqlite: Database.Database, learnerId: string, appVersion: string, now: string = new Date().toISOString()): { content: string; learner: LearnerRecord } {
  const transfer = readLearnerTransfer(sqlite, learnerId);
  return { content: `${canonicalDocumentText(profileBody(transfer, appVersion, now)).text}\n`, learner: transfer.learner };
}

/** Checks the envelope first so that the message names the real problem (format, version, checksum). */
export function checkEnvelope(document: unknown, format: string, supportedVersion: number, what: string): Record<string, unknown> {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw fileError(`The ${what} does not hold a DALA document (expected a JSON object).`, '$');
  const d = document as Record<string, unknown>;
  if (d.format !== format) throw fileError(`The ${what} is not a DALA ${what} (format is ${JSON.stringify(d.format ?? null)}, expected "${format}").`, 'format');
  if (typeof d.formatVersion !== 'number' || !Number.isInteger(d.formatVersion)) throw fileError(`The ${what} has no valid format version.`, 'formatVersion');
  if (d.formatVersion > supportedVersion) {
    throw fileError(`The ${what} was made by a newer version of DALA (format version ${d.formatVersion}); this app reads version ${supportedVersion}. Update the app to open it.`, 'formatVersion');
  }
  return d;
}

/** `text`, when given, is the file's text: a file in the canonical layout has its checksum checked by hashing it. */
export function checkPayload<T>(schema: z.ZodType<T>, d: Record<string, unknown>, what: string, text?: string): T {
  const parsed = schema.safeParse(d);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = jsonPath(issue?.path ?? []);
    throw fileError(`The ${what} has a wrong value: ${issue?.message ?? 'invalid'}`, path);
  }
  const checksum = d.checksum as { value: string };
  const matchesFast = text !== undefined && checksumOfCanonicalDocument(text) === checksum.value;
  if (!matchesFast && payloadChecksum(d) !== checksum.value) throw fileError(`The ${what} was changed or damaged after it was made (its checksum does not match).`, 'checksum.value');
  return parsed.data;
}

/** Validates a whole profile file before anything is written. Throws invalid_input with a JSON path. */
export function parseProfileFile(bytes: Uint8Array | string): ProfileFileV1 {
  let text: string | undefined;
  const d = checkEnvelope(
    decodeJsonFile(bytes, MAX_PROFILE_FILE_BYTES, 'profile file', (t) => (text = t)),
    PROFILE_FORMAT,
    PROFILE_FORMAT_VERSION,
    'profile file',
  );
  const file = checkPayload(profileFileV1Schema, d, 'profile file', text);
  for (const table of RECORD_TABLES) {
    if (file.counts[table] !== file.records[table].length) {
      throw fileError(`The profile file says it has ${file.counts[table]} ${table} but holds ${file.records[table].length}.`, `counts.${table}`);
    }
  }
  return file;
}
