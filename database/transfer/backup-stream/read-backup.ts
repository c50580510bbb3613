import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupHeaderSchema, backupLearnerSchema, backupV1Schema, MAX_BACKUP_FILE_BYTES, parseBackupFile, type BackupHeader } from '../backup-file';
import { canonicalJson } from '../canonical-json';
import { fileError, jsonPath } from '../file-text';
import type { LearnerTransfer } from '../profile-file';
import { checkEnvelope } from '../profile-file';
import { RECORD_TABLES, type RecordCounts } from '../../../electron/common/merge/records-schema';
import { AttemptOwners } from './attempt-owners';
import { decodeChunks } from './decode-chunks';
import { NotAnObject, scanMembers } from './json-members';
import { LayoutChecksum } from './layout-checksum';
import { readStagingFile, StagingFileWriter } from './staging-file';

/** The plaintext of a backup, from its start, as many times as the reader asks (at most twice). */
export type BackupSource = () => Promise<AsyncIterable<Uint8Array | string>>;

/** A backup checked whole, its learners waiting in a staging file (or only counted). */
export interface ReadBackup {
  header: BackupHeader;
  learnerIds: string[];
  /** The learners as validated, one at a time (only when read with a staging file). */
  transfers(): Iterable<LearnerTransfer>;
  /** Removes the staging file. */
  dispose(): void;
}

const WHAT = 'backup file';

/**
 * Reads and checks a backup in constant memory, accepting and refusing exactly the files
 * parseBackupFile does (the whole-file reader, kept as the reference the tests compare with):
 * the same checks, in the same order of importance (JSON, envelope, values, counts, checksum).
 * The learners are validated one at a time and, with `stagingFile`, kept there for the apply.
 */
export async function readBackupStream(open: BackupSource, options: { stagingFile?: string; onLearner?: (count: number) => void } = {}): Promise<ReadBackup> {
  const staging = options.stagingFile ? new StagingFileWriter(options.stagingFile) : undefined;
  const dispose = () => {
    if (options.stagingFile) fs.rmSync(options.stagingFile, { force: true });
  };
  try {
    const read = await firstPass(open, staging, options.onLearner);
    staging?.close();
    const header = checkWhole(read);
    if (read.layoutChecksum !== header.checksum.value && (await canonicalChecksum(open, read)) !== header.checksum.value) {
      throw fileError(`The ${WHAT} was changed or damaged after it was made (its checksum does not match).`, 'checksum.value');
    }
    const file = options.stagingFile;
    return { header, learnerIds: read.learnerIds, transfers: () => (file ? readStagingFile<LearnerTransfer>(file) : []), dispose };
  } catch (error) {
    try {
      staging?.close();
    } catch {
      // Closing after a failed write: the file is removed next.
    }
    dispose();
    if (error instanceof NotAnObject) throw wholeFileError(await readWhole(open));
    throw error;
  }
}

interface FirstPass {
  members: Map<string, unknown>;
  /** How many times `learners` began as an array (the last one counts). */
  occurrences: number;
  learnerIds: string[];
  counts: RecordCounts;
  /** The first problem with a learner, as parseBackupFile words it. */
  learnerIssue: { message: string; path: string } | undefined;
  layoutChecksum: string | undefined;
}

async function firstPass(open: BackupSource, staging: StagingFileWriter | undefined, onLearner?: (count: number) => void): Promise<FirstPass> {
  const layout = new LayoutChecksum();
  const read: FirstPass = { members: new Map(), occurrences: 0, learnerIds: [], counts: zeroCounts(), learnerIssue: undefined, layoutChecksum: undefined };
  let seen = new Set<string>();
  let owners = new AttemptOwners();
  await scanMembers(decodeChunks(await open(), MAX_BACKUP_FILE_BYTES, WHAT, (b) => layout.update(b)), 'learners', WHAT, {
    member(key, value) {
      read.members.set(key, value);
      if (key === 'learners') read.occurrences = 0;
    },
    arrayStart() {
      read.members.delete('learners');
      read.occurrences++;
      read.learnerIds = [];
      read.counts = zeroCounts();
      read.learnerIssue = undefined;
      seen = new Set();
      owners = new AttemptOwners();
      if (read.occurrences > 1) staging?.restart();
    },
    element(value) {
      const index = read.learnerIds.length;
      if (read.learnerIssue) {
        read.learnerIds.push('');
        return;
      }
      const parsed = backupLearnerSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        read.learnerIssue = { message: issue?.message ?? 'invalid', path: jsonPath(['learners', index, ...(issue?.path ?? [])]) };
        read.learnerIds.push('');
        return;
      }
      const learner = parsed.data;
      const id = learner.learner.id;
      read.learnerIds.push(id);
      if (seen.has(id)) read.learnerIssue = { message: `duplicate learner "${id}"`, path: jsonPath(['learners', index, 'learner', 'id']) };
      seen.add(id);
      learner.records.activityAttempts.forEach((a, j) => {
        const earlier = owners.claim(a.attemptUid, index);
        if (earlier !== undefined && !read.learnerIssue) {
          read.learnerIssue = {
            message: `attempt uid "${a.attemptUid}" also belongs to learner "${read.learnerIds[earlier]}"`,
            path: jsonPath(['learners', index, 'records', 'activityAttempts', j, 'attemptUid']),
          };
        }
      });
      for (const table of RECORD_TABLES) read.counts[table] += learner.records[table].length;
      staging?.append(learner);
      onLearner?.(index + 1);
    },
  });
  read.layoutChecksum = layout.result();
  return read;
}

/** The envelope, the values, the counts: in parseBackupFile's order. */
function checkWhole(read: FirstPass): BackupHeader {
  const document = Object.fromEntries(read.members) as Record<string, unknown>;
  const d = checkEnvelope(document, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, WHAT);
  if (read.occurrences === 0) {
    // `learners` is missing or not an array: the whole-document schema says so, in its words.
    refuse(backupV1Schema.safeParse(d));
  }
  const header = refuse(backupHeaderSchema.safeParse(d));
  if (read.learnerIssue) throw fileError(`The ${WHAT} has a wrong value: ${read.learnerIssue.message}`, read.learnerIssue.path);
  const learners = read.learnerIds.length;
  if (header.metadata.learners !== learners) throw fileError(`The ${WHAT} says it has ${header.metadata.learners} learners but holds ${learners}.`, 'metadata.learners');
  for (const table of RECORD_TABLES) {
    if (header.metadata.counts[table] !== read.counts[table]) {
      throw fileError(`The ${WHAT} says it has ${header.metadata.counts[table]} ${table} but holds ${read.counts[table]}.`, `metadata.counts.${table}`);
    }
  }
  return header;
}

function refuse<T>(result: z.ZodSafeParseResult<T>): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw fileError(`The ${WHAT} has a wrong value: ${issue?.message ?? 'invalid'}`, jsonPath(issue?.path ?? []));
}

/**
 * A backup not in a canonical layout (reformatted by another program): its checksum is the
 * SHA-256 of canonical JSON of everything but the checksum, computed in a second pass with the
 * learners streamed in their sorted place among the other members.
 */
async function canonicalChecksum(open: BackupSource, read: FirstPass): Promise<string> {
  const hash = createHash('sha256');
  const keys = [...read.members.keys(), ...(read.occurrences > 0 ? ['learners'] : [])].filter((k) => k !== 'checksum').sort();
  const learnersAt = keys.indexOf('learners');
  const writeMembers = (from: number, to: number, first: boolean) => {
    for (let i = from; i < to; i++) {
      const key = keys[i] as string;
      hash.update(`${first && i === 0 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(read.members.get(key))}`);
    }
  };
  hash.update('{');
  if (learnersAt < 0 || read.occurrences === 0) {
    writeMembers(0, keys.length, true);
    return hash.update('}').digest('hex');
  }
  writeMembers(0, learnersAt, true);
  hash.update(`${learnersAt === 0 ? '' : ','}"learners":[`);
  let occurrence = 0;
  let count = 0;
  await scanMembers(decodeChunks(await open(), MAX_BACKUP_FILE_BYTES, WHAT), 'learners', WHAT, {
    member: () => undefined,
    arrayStart: () => {
      occurrence++;
    },
    element(value) {
      if (occurrence !== read.occurrences) return;
      hash.update(`${count++ === 0 ? '' : ','}${canonicalJson(value)}`);
    },
  });
  hash.update(']');
  writeMembers(learnersAt + 1, keys.length, false);
  return hash.update('}').digest('hex');
}

async function readWhole(open: BackupSource): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const chunk of await open()) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_BACKUP_FILE_BYTES) break;
    pieces.push(bytes);
  }
  return Buffer.concat(pieces);
}

/** A document that is not an object: the whole-file reader's message for it. */
function wholeFileError(bytes: Buffer): unknown {
  try {
    parseBackupFile(bytes);
  } catch (error) {
    return error;
  }
  return fileError(`The ${WHAT} does not hold a DALA document (expected a JSON object).`, '$');
}

function zeroCounts(): RecordCounts {
  return Object.fromEntries(RECORD_TABLES.map((t) => [t, 0])) as RecordCounts;
}
