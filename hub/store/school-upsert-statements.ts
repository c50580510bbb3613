import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import type { LearnerRow } from './batch-merge';
import { DIFFERS, statement, tieKey, winnerSet } from './upsert-statements';

/**
 * The upserts of the school's own records, encoding school-merge-rules.ts: last writer wins by the
 * record's time, equal times by the greater canonical JSON of the whole row (tie_key). A version
 * that differs from the hub's takes a number: the winner's, written or sent again (DIFFERS in
 * upsert-statements.ts says why); the same row changes nothing.
 */

// Classes, educators and coaching name no learner: every row of them may be written.
const ANY_ROW = 'true';

// The records field by field, as school-merge-rules.ts compares them (no stray keys in the tie key).
const classRecord = (r: ClassRecord): ClassRecord => ({ id: r.id, name: r.name, signInMethod: r.signInMethod, createdAt: r.createdAt, updatedAt: r.updatedAt, archivedAt: r.archivedAt });
const educatorRecord = (r: EducatorRecord): EducatorRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  passwordHash: r.passwordHash,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  disabledAt: r.disabledAt,
});
const coachRow = (r: ClassCoachRow): ClassCoachRow => ({ classId: r.classId, educatorId: r.educatorId, assignedAt: r.assignedAt, removedAt: r.removedAt });
const memberRow = (r: ClassMemberRow): ClassMemberRow => ({ classId: r.classId, addedAt: r.addedAt, removedAt: r.removedAt });
const secretRow = (r: LearnerSecretRow): LearnerSecretRow => ({ kind: r.kind, secretHash: r.secretHash, updatedAt: r.updatedAt });

const newerBy = (time: (table: string) => string) => `(${time('EXCLUDED')}, EXCLUDED.tie_key) > (${time('t')}, t.tie_key)`;
const UPDATED_LATER = newerBy((t) => `${t}.updated_at`);
// A membership or coaching is ordered by its latest event: the removal, else the adding.
const MEMBERSHIP_LATER = newerBy((t) => `coalesce(${t}.removed_at, ${t}.added_at)`);
const COACHING_LATER = newerBy((t) => `coalesce(${t}.removed_at, ${t}.assigned_at)`);

export const classUpsert = statement<ClassRecord>({
  name: 'push.upsert.classes',
  table: 'classes',
  key: ['class_id'],
  columns: [['class_id', 'text'], ['name', 'text'], ['sign_in_method', 'text'], ['created_at', 'text'], ['updated_at', 'text'], ['archived_at', 'text'], ['tie_key', 'bytea']],
  values: (r) => [r.id, r.name, r.signInMethod, r.createdAt, r.updatedAt, r.archivedAt, tieKey(classRecord(r))],
  filter: ANY_ROW,
  set: winnerSet(['name', 'sign_in_method', 'created_at', 'updated_at', 'archived_at', 'tie_key'], UPDATED_LATER),
  when: DIFFERS,
});

export const educatorUpsert = statement<EducatorRecord>({
  name: 'push.upsert.educators',
  table: 'educators',
  key: ['educator_id'],
  columns: [
    ['educator_id', 'text'],
    ['username', 'text'],
    ['display_name', 'text'],
    ['role', 'text'],
    ['password_hash', 'text'],
    ['created_at', 'text'],
    ['updated_at', 'text'],
    ['disabled_at', 'text'],
    ['tie_key', 'bytea'],
  ],
  values: (r) => [r.id, r.username, r.displayName, r.role, r.passwordHash, r.createdAt, r.updatedAt, r.disabledAt, tieKey(educatorRecord(r))],
  filter: ANY_ROW,
  set: winnerSet(['username', 'display_name', 'role', 'password_hash', 'created_at', 'updated_at', 'disabled_at', 'tie_key'], UPDATED_LATER),
  when: DIFFERS,
});

export const classCoachUpsert = statement<ClassCoachRow>({
  name: 'push.upsert.class_coaches',
  table: 'class_coaches',
  key: ['class_id', 'educator_id'],
  columns: [['class_id', 'text'], ['educator_id', 'text'], ['assigned_at', 'text'], ['removed_at', 'text'], ['tie_key', 'bytea']],
  values: (r) => [r.classId, r.educatorId, r.assignedAt, r.removedAt, tieKey(coachRow(r))],
  filter: ANY_ROW,
  set: winnerSet(['assigned_at', 'removed_at', 'tie_key'], COACHING_LATER),
  when: DIFFERS,
});

// Memberships and secrets are a learner's rows: those of a learner the hub does not know (never
// pushed, or deleted) are ignored, by the default filter.
export const classMemberUpsert = statement<LearnerRow<ClassMemberRow>>({
  name: 'push.upsert.class_members',
  table: 'class_members',
  key: ['class_id', 'learner_id'],
  columns: [['learner_id', 'text'], ['class_id', 'text'], ['added_at', 'text'], ['removed_at', 'text'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.classId, r.addedAt, r.removedAt, tieKey(memberRow(r))],
  set: winnerSet(['added_at', 'removed_at', 'tie_key'], MEMBERSHIP_LATER),
  when: DIFFERS,
});

export const learnerSecretUpsert = statement<LearnerRow<LearnerSecretRow>>({
  name: 'push.upsert.learner_secrets',
  table: 'learner_secrets',
  key: ['learner_id'],
  columns: [['learner_id', 'text'], ['kind', 'text'], ['secret_hash', 'text'], ['updated_at', 'text'], ['tie_key', 'bytea']],
  values: ({ learnerId, row: r }) => [learnerId, r.kind, r.secretHash, r.updatedAt, tieKey(secretRow(r))],
  set: winnerSet(['kind', 'secret_hash', 'updated_at', 'tie_key'], UPDATED_LATER),
  when: DIFFERS,
});
