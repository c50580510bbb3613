import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/common/merge/canonical-json';
import { mergeClassCoach, mergeClassMember, mergeClassRecord, mergeEducatorRecord, mergeLearnerSecret } from '../../electron/common/merge/school-merge-rules';
import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import { syncChangeSchema, type SyncChange } from '../../electron/common/sync/hub-protocol';
import { learnerChange, op, useHubCluster } from '../test-support/hub-fixture';
import { HASH_1, HASH_2 } from './school-change-fixtures';

const hub = useHubCluster();

const t = (minute: number) => `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

/**
 * The school records in two dialects: the hub's upserts (and its fold of one batch) must keep what
 * school-merge-rules.ts keeps of the same two versions of a key. Times come from two values so that
 * ties are frequent; texts mix case, an astral character and U+FF01, which order differently in
 * UTF-8 and UTF-16.
 */
const time = fc.constantFrom(t(1), t(2));
const optionalTime = fc.option(time, { nil: null });
const text = fc.constantFrom('Blue', 'b\u{1F600}', 'b\uFF01');
const notBefore = (from: string, at: string) => (at < from ? from : at);

interface SchoolLaw<R> {
  table: 'class' | 'educator' | 'classCoaches' | 'classMembers' | 'learnerSecret';
  /** A version of the row, of one key. */
  version: fc.Arbitrary<R>;
  /** The same version under another key: each run has its own. */
  withKey: (row: R, key: string) => R;
  merge: (a: R, b: R) => R;
  learnerScoped: boolean;
}

const classLaw: SchoolLaw<ClassRecord> = {
  table: 'class',
  version: fc
      .record({ name: text, signInMethod: fc.constantFrom('none', 'pin', 'picture'), createdAt: time, updatedAt: time, archivedAt: optionalTime })
      .map((c) => ({ id: 'class', ...c, updatedAt: notBefore(c.createdAt, c.updatedAt) })),
  withKey: (c, id) => ({ ...c, id }),
  merge: mergeClassRecord,
  learnerScoped: false,
};
const educatorLaw: SchoolLaw<EducatorRecord> = {
  table: 'educator',
  version: fc
      .record({
        username: fc.constantFrom('amina', 'Amina', 'amina.b'),
        displayName: text,
        role: fc.constantFrom('admin', 'coach'),
        passwordHash: fc.constantFrom(HASH_1, HASH_2),
        createdAt: time,
        updatedAt: time,
        disabledAt: optionalTime,
      })
      .map((e) => ({ id: 'edu', ...e, updatedAt: notBefore(e.createdAt, e.updatedAt) })),
  withKey: (e, id) => ({ ...e, id }),
  merge: mergeEducatorRecord,
  learnerScoped: false,
};
const coachLaw: SchoolLaw<ClassCoachRow> = {
  table: 'classCoaches',
  version: fc.record({ assignedAt: time, removedAt: optionalTime }).map((c) => ({ classId: 'class', educatorId: 'edu', ...c, removedAt: c.removedAt && notBefore(c.assignedAt, c.removedAt) })),
  withKey: (c, classId) => ({ ...c, classId }),
  merge: mergeClassCoach,
  learnerScoped: false,
};
const memberLaw: SchoolLaw<ClassMemberRow> = {
  table: 'classMembers',
  version: fc.record({ addedAt: time, removedAt: optionalTime }).map((m) => ({ classId: 'class', ...m, removedAt: m.removedAt && notBefore(m.addedAt, m.removedAt) })),
  // The learner is the run's own; the class may stay.
  withKey: (m) => m,
  merge: mergeClassMember,
  learnerScoped: true,
};
const secretLaw: SchoolLaw<LearnerSecretRow> = {
  table: 'learnerSecret',
  version: fc.record({ kind: fc.constantFrom('pin', 'picture', null), secretHash: fc.constantFrom(HASH_1, HASH_2), updatedAt: time }).map((s) => ({ ...s, secretHash: s.kind === null ? null : s.secretHash })),
  withKey: (s) => s,
  merge: mergeLearnerSecret,
  learnerScoped: true,
};

/** Parsed as the hub's HTTP layer would: the store gets exactly what the protocol schema makes. */
function parsedChange(change: unknown): SyncChange {
  const parsed = syncChangeSchema.safeParse(change);
  if (!parsed.success) throw new Error(`generated an invalid change: ${parsed.error.message}\n${JSON.stringify(change)}`);
  return parsed.data;
}

let run = 0;

async function checkSchoolLaw<R>(law: SchoolLaw<R>, numRuns: number): Promise<void> {
  const machine = await (await hub.newSchool()).enrol();
  let cursor = 0;
  await fc.assert(
    fc.asyncProperty(law.version, law.version, fc.boolean(), fc.boolean(), async (rowA, rowB, oneBatch, reversed) => {
      run++;
      const learnerId = law.learnerScoped ? `pupil-${run}` : null;
      const changes = [rowA, rowB].map((row) => parsedChange({ table: law.table, learnerId, row: law.withKey(row, `k${run}`) }));
      if (reversed) changes.reverse();
      const learner = learnerId === null ? [] : [learnerChange(learnerId)];
      if (oneBatch) await hub.store.pushBatch(machine, { operations: [...learner, ...changes].map(op) });
      else for (const [i, change] of changes.entries()) await hub.store.pushBatch(machine, { operations: [...(i === 0 ? learner : []), change].map(op) });

      const pulled = await hub.store.pull(machine, { after: cursor, limit: 1000 });
      cursor = pulled.cursor;
      const merged = law.merge(changes[0]?.row as R, changes[1]?.row as R);
      const hubRows = pulled.changes.filter((c) => c.change.table === law.table).map((c) => c.change.row);
      expect(canonicalJson(hubRows)).toBe(canonicalJson([merged]));
      // The records sent with the page are the hub's current ones too.
      if (law.table === 'class') expect(canonicalJson(pulled.classes)).toBe(canonicalJson([merged]));
      if (law.table === 'educator') expect(canonicalJson(pulled.educators)).toBe(canonicalJson([merged]));
    }),
    { numRuns },
  );
}

describe('the hub merges two versions of a school record as school-merge-rules.ts does', () => {
  it('class', () => checkSchoolLaw(classLaw, 60));
  it('educator', () => checkSchoolLaw(educatorLaw, 60));
  it('classCoaches', () => checkSchoolLaw(coachLaw, 60));
  it('classMembers', () => checkSchoolLaw(memberLaw, 60));
  it('learnerSecret', () => checkSchoolLaw(secretLaw, 60));
});
