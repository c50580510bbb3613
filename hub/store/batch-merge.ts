import { foldVersion, mergeLearnerRecord, RECORD_LAWS, type RecordLaw } from '../../electron/common/merge/merge-rules';
import type { LearnerRecord, LearnerRecords, RecordTable } from '../../electron/common/merge/records-schema';
import { mergeClassCoach, mergeClassMember, mergeClassRecord, mergeEducatorRecord, mergeLearnerSecret } from '../../electron/common/merge/school-merge-rules';
import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import type { SyncChange, SyncOperation } from '../../electron/common/sync/hub-protocol';
import { HubError } from './hub-store';
import { storableText } from './merge-keys';

/**
 * The operations of one push, merged key by key in Node with the common merge functions before
 * they reach PostgreSQL: one INSERT … ON CONFLICT DO UPDATE may not touch a row twice, so each key
 * must appear once per statement. The SQL then merges each result with the hub's row by the same
 * laws.
 */

export interface LearnerRow<T> {
  learnerId: string;
  row: T;
}

export type RecordRow<T extends RecordTable> = LearnerRecords[T][number];

export type MergedRows = { [T in RecordTable]: Map<string, LearnerRow<RecordRow<T>>> };

/** The school's own records of a batch, each key once (school-merge-rules.ts). */
export interface SchoolRecordRows {
  /** By class id. */
  classes: Map<string, ClassRecord>;
  /** By educator id. */
  educators: Map<string, EducatorRecord>;
  /** By class and educator. */
  classCoaches: Map<string, ClassCoachRow>;
  /** By learner and class. */
  classMembers: Map<string, LearnerRow<ClassMemberRow>>;
  /** By learner. */
  learnerSecrets: Map<string, LearnerRow<LearnerSecretRow>>;
}

export interface MergedBatch {
  /** Learner id → the earliest deletedAt of the batch. */
  deletions: Map<string, string>;
  learners: Map<string, LearnerRecord>;
  rows: MergedRows;
  school: SchoolRecordRows;
}

type Pick<T> = (a: T, b: T) => T;

function emptyRows(): MergedRows {
  return {
    preferences: new Map(),
    interests: new Map(),
    struggles: new Map(),
    cognitiveMetrics: new Map(),
    loProgress: new Map(),
    badges: new Map(),
    activityAttempts: new Map(),
  };
}

function emptySchoolRows(): SchoolRecordRows {
  return { classes: new Map(), educators: new Map(), classCoaches: new Map(), classMembers: new Map(), learnerSecrets: new Map() };
}

function addRow<T extends RecordTable>(rows: MergedRows, table: T, learnerId: string, row: RecordRow<T>): void {
  const rule = RECORD_LAWS[table] as RecordLaw<RecordRow<T>>;
  const map = rows[table] as Map<string, LearnerRow<RecordRow<T>>>;
  // Attempt uids are unique in a school, not per learner: the key has no learner in it.
  const key = table === 'activityAttempts' ? rule.key(row) : `${learnerId}\u0000${rule.key(row)}`;
  const seen = map.get(key);
  if (seen === undefined) map.set(key, { learnerId, row });
  // An attempt never moves to another learner: a second learner's copy of a uid is dropped.
  else if (seen.learnerId === learnerId) seen.row = rule.merge(seen.row, row);
}

function foldLearnerRow<T>(map: Map<string, LearnerRow<T>>, key: string, learnerId: string, row: T, merge: Pick<T>): void {
  const seen = map.get(key);
  map.set(key, { learnerId, row: seen === undefined ? row : merge(seen.row, row) });
}

const SEPARATOR = '\u0000';

function checkStorable(change: SyncChange, index: number): void {
  // School records name no learner (learnerId null); every text of the row is checked all the same.
  const values: unknown[] = [change.learnerId, ...Object.values(change.row)];
  if (values.every((v) => typeof v !== 'string' || storableText(v))) return;
  throw new HubError('invalid_input', `operations[${index}] has text with U+0000 or an unpaired surrogate, which the hub cannot store exactly; nothing of the batch was applied.`);
}

export function mergeBatch(operations: readonly SyncOperation[]): MergedBatch {
  const batch: MergedBatch = { deletions: new Map(), learners: new Map(), rows: emptyRows(), school: emptySchoolRows() };
  const { school } = batch;
  for (const { change } of operations) {
    switch (change.table) {
      case 'learnerDeletion': {
        const seen = batch.deletions.get(change.learnerId);
        if (seen === undefined || change.row.deletedAt < seen) batch.deletions.set(change.learnerId, change.row.deletedAt);
        break;
      }
      case 'learner': {
        const seen = batch.learners.get(change.learnerId);
        batch.learners.set(change.learnerId, seen === undefined ? change.row : mergeLearnerRecord(seen, change.row));
        break;
      }
      case 'class':
        foldVersion(school.classes, change.row.id, change.row, mergeClassRecord);
        break;
      case 'educator':
        foldVersion(school.educators, change.row.id, change.row, mergeEducatorRecord);
        break;
      case 'classCoaches':
        foldVersion(school.classCoaches, `${change.row.classId}${SEPARATOR}${change.row.educatorId}`, change.row, mergeClassCoach);
        break;
      case 'classMembers':
        foldLearnerRow(school.classMembers, `${change.learnerId}${SEPARATOR}${change.row.classId}`, change.learnerId, change.row, mergeClassMember);
        break;
      case 'learnerSecret':
        foldLearnerRow(school.learnerSecrets, change.learnerId, change.learnerId, change.row, mergeLearnerSecret);
        break;
      default:
        addRow(batch.rows, change.table, change.learnerId, change.row);
    }
  }
  return batch;
}

/** Every text value of a batch must be storable; checked before anything is written. */
export function checkBatchStorable(operations: readonly SyncOperation[]): void {
  operations.forEach(({ change }, index) => checkStorable(change, index));
}
