import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import type { SyncChange } from '../../electron/common/sync/hub-protocol';

/** Changes of the school's own records for the hub's tests, valid by the protocol's schemas. */

export const at = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** Scrypt hashes in the form database/accounts/secret-hash.ts writes (only hashes travel). */
export const HASH_1 = 'scrypt$16384$8$1$c2FsdDE=$aGFzaDE=';
export const HASH_2 = 'scrypt$16384$8$1$c2FsdDI=$aGFzaDI=';

export const classChange = (row: Partial<ClassRecord> = {}): SyncChange => ({
  table: 'class',
  learnerId: null,
  row: { id: 'class-1', name: 'Year 3 Kestrels', signInMethod: 'pin', createdAt: at(0), updatedAt: at(0), archivedAt: null, ...row },
});

export const educatorChange = (row: Partial<EducatorRecord> = {}): SyncChange => ({
  table: 'educator',
  learnerId: null,
  row: { id: 'edu-1', username: 'ms.okafor', displayName: 'Ms Okafor', role: 'coach', passwordHash: HASH_1, createdAt: at(0), updatedAt: at(0), disabledAt: null, ...row },
});

export const coachChange = (row: Partial<ClassCoachRow> = {}): SyncChange => ({
  table: 'classCoaches',
  learnerId: null,
  row: { classId: 'class-1', educatorId: 'edu-1', assignedAt: at(0), removedAt: null, ...row },
});

export const memberChange = (learnerId: string, row: Partial<ClassMemberRow> = {}): SyncChange => ({
  table: 'classMembers',
  learnerId,
  row: { classId: 'class-1', addedAt: at(0), removedAt: null, ...row },
});

export const secretChange = (learnerId: string, row: Partial<LearnerSecretRow> = {}): SyncChange => ({
  table: 'learnerSecret',
  learnerId,
  row: { kind: 'pin', secretHash: HASH_1, updatedAt: at(0), ...row },
});
