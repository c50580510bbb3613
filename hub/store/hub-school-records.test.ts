import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { mergeClassCoach, mergeClassMember, mergeClassRecord, mergeEducatorRecord, mergeLearnerSecret } from '../../electron/common/merge/school-merge-rules';
import type { SyncChange } from '../../electron/common/sync/hub-protocol';
import { learnerChange, op, preferenceChange, useHubCluster, type EnrolledMachine } from '../test-support/hub-fixture';
import { pullEverything } from '../test-support/hub-reading';
import { HubError } from './hub-store';
import { at, classChange, coachChange, educatorChange, HASH_2, memberChange, secretChange } from './school-change-fixtures';

const hub = useHubCluster();
const L = 'pupil-1';

async function schoolWithPupil(): Promise<EnrolledMachine> {
  const school = await hub.newSchool();
  const machine = await school.enrol();
  await hub.store.pushBatch(machine, { operations: [op(learnerChange(L, at(0)))] });
  return machine;
}

const push = (machine: EnrolledMachine, ...changes: SyncChange[]) => hub.store.pushBatch(machine, { operations: changes.map(op) });

/** The hub's current rows of one kind, as pulled. */
async function rowsOf(machine: EnrolledMachine, table: SyncChange['table']): Promise<unknown[]> {
  const { changes } = await pullEverything(hub.store, machine);
  return changes.filter((c) => c.change.table === table).map((c) => c.change.row);
}

/** Counts a learner's rows in a table as the superuser sees them (past row-level security). */
async function countRows(table: string, schoolId: string, learnerId: string): Promise<number> {
  const client = new pg.Client({ connectionString: hub.cluster.superuserUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE school_id = $1 AND learner_id = $2`, [schoolId, learnerId])).rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

describe('school records: push is idempotent', () => {
  it('a retried batch changes nothing, nor do the same changes under new ids', async () => {
    const machine = await schoolWithPupil();
    const batch = { operations: [classChange(), educatorChange(), coachChange(), memberChange(L), secretChange(L)].map(op) };
    const first = await hub.store.pushBatch(machine, batch);
    expect(first).toMatchObject({ received: 5, duplicates: 0, changed: 5 });
    const before = await pullEverything(hub.store, machine);
    expect(await hub.store.pushBatch(machine, batch)).toEqual({ received: 5, duplicates: 5, changed: 0, latestSeq: first.latestSeq });
    // A machine receiving its own changes back.
    expect(await hub.store.pushBatch(machine, { operations: before.changes.map((c) => op(c.change)) })).toMatchObject({ duplicates: 0, changed: 0, latestSeq: first.latestSeq });
    expect(await pullEverything(hub.store, machine)).toEqual(before);
  });

  it('numbers a batch in apply order: learners, classes, educators, learner rows, then coaching', async () => {
    const school = await hub.newSchool();
    const machine = await school.enrol();
    await push(machine, coachChange(), secretChange('p'), memberChange('p'), preferenceChange('p', 'colour', 'blue', at(1)), educatorChange(), classChange(), learnerChange('p'));
    const { changes } = await pullEverything(hub.store, machine);
    expect(changes.map((c) => c.change.table)).toEqual(['learner', 'class', 'educator', 'preferences', 'classMembers', 'learnerSecret', 'classCoaches']);
  });
});

/** Per kind: an older and a newer version of one key, and two different versions at one time. */
const LAWS = [
  {
    table: 'class',
    older: classChange({ name: 'Kestrels', updatedAt: at(1) }),
    newer: classChange({ name: 'Owls', updatedAt: at(2), archivedAt: at(2) }),
    tie: [classChange({ name: 'Owls', updatedAt: at(3) }), classChange({ name: 'owls', updatedAt: at(3) })],
    merge: mergeClassRecord,
  },
  {
    table: 'educator',
    older: educatorChange({ role: 'admin', updatedAt: at(1) }),
    newer: educatorChange({ passwordHash: HASH_2, updatedAt: at(2), disabledAt: at(2) }),
    tie: [educatorChange({ displayName: 'Ms O', updatedAt: at(3) }), educatorChange({ displayName: 'Ms O\u{1F600}', updatedAt: at(3) })],
    merge: mergeEducatorRecord,
  },
  {
    table: 'classCoaches',
    older: coachChange({ assignedAt: at(1) }),
    // Taken off the class: the removal at 4 is the coaching's latest event.
    newer: coachChange({ assignedAt: at(1), removedAt: at(4) }),
    tie: [coachChange({ assignedAt: at(5) }), coachChange({ assignedAt: at(2), removedAt: at(5) })],
    merge: mergeClassCoach,
  },
  {
    table: 'classMembers',
    older: memberChange(L, { addedAt: at(3) }),
    newer: memberChange(L, { addedAt: at(1), removedAt: at(4) }),
    tie: [memberChange(L, { addedAt: at(5) }), memberChange(L, { addedAt: at(2), removedAt: at(5) })],
    merge: mergeClassMember,
  },
  {
    table: 'learnerSecret',
    older: secretChange(L, { updatedAt: at(1) }),
    // A reset to "pick your name" is a version too.
    newer: secretChange(L, { kind: null, secretHash: null, updatedAt: at(2) }),
    tie: [secretChange(L, { kind: 'picture', secretHash: HASH_2, updatedAt: at(3) }), secretChange(L, { kind: 'pin', updatedAt: at(3) })],
    merge: mergeLearnerSecret,
  },
] as const;

describe('school records: last writer wins by the record time, equal times by the greater canonical row', () => {
  for (const law of LAWS) {
    it(`${law.table}: the newer version wins in either order; an older one leaves the row and sends it again`, async () => {
      for (const order of [
        [law.older, law.newer],
        [law.newer, law.older],
      ]) {
        const machine = await schoolWithPupil();
        const [first, second] = order as [SyncChange, SyncChange];
        await push(machine, first);
        // Either way one number: the newer written, or the hub's newer sent again for the machine behind.
        expect(await push(machine, second)).toMatchObject({ changed: 1 });
        expect(await rowsOf(machine, law.table)).toEqual([law.newer.row]);
      }
    });

    it(`${law.table}: equal times keep the greater canonical row, pushed in either order or in one batch`, async () => {
      const [a, b] = law.tie;
      const winner = (law.merge as (x: unknown, y: unknown) => unknown)(a.row, b.row);
      expect([a.row, b.row]).toContainEqual(winner);
      const results: unknown[] = [];
      for (const batches of [[[a], [b]], [[b], [a]], [[a, b]], [[b, a]]]) {
        const machine = await schoolWithPupil();
        for (const batch of batches) await push(machine, ...batch);
        results.push(await rowsOf(machine, law.table));
        // The winner pushed again is no change.
        expect(await push(machine, { ...a, row: winner } as SyncChange)).toMatchObject({ changed: 0 });
      }
      expect(results).toEqual([[winner], [winner], [winner], [winner]]);
    });
  }

  it('a membership taken away comes back only with a later adding', async () => {
    const machine = await schoolWithPupil();
    await push(machine, memberChange(L, { addedAt: at(1) }), memberChange(L, { classId: 'class-2', addedAt: at(1) }));
    await push(machine, memberChange(L, { addedAt: at(1), removedAt: at(3) }));
    expect(await push(machine, memberChange(L, { addedAt: at(2) }))).toMatchObject({ changed: 1 });
    // Sent again as it was: the later number comes last.
    expect(await rowsOf(machine, 'classMembers')).toEqual([memberChange(L, { classId: 'class-2', addedAt: at(1) }).row, memberChange(L, { addedAt: at(1), removedAt: at(3) }).row]);
    await push(machine, memberChange(L, { addedAt: at(6) }));
    expect(await rowsOf(machine, 'classMembers')).toEqual([memberChange(L, { classId: 'class-2', addedAt: at(1) }).row, memberChange(L, { addedAt: at(6) }).row]);
  });
});

describe('school records of learners the hub does not hold', () => {
  it('a membership or secret of an unknown learner is ignored; with the learner in the batch it is kept', async () => {
    const machine = await schoolWithPupil();
    expect(await push(machine, memberChange('stranger'), secretChange('stranger'))).toMatchObject({ changed: 0 });
    expect(await push(machine, memberChange('newcomer'), secretChange('newcomer'), learnerChange('newcomer'))).toMatchObject({ changed: 3 });
  });

  it('a learner deletion removes their memberships and secret, and later ones of theirs are ignored', async () => {
    const machine = await schoolWithPupil();
    await push(machine, classChange(), memberChange(L), memberChange(L, { classId: 'class-2' }), secretChange(L), learnerChange('other'), memberChange('other'));
    const deleted = await push(machine, { table: 'learnerDeletion', learnerId: L, row: { deletedAt: at(10) } });
    expect(deleted.changed).toBe(1);
    expect(await countRows('class_members', machine.schoolId, L)).toBe(0);
    expect(await countRows('learner_secrets', machine.schoolId, L)).toBe(0);
    const later = await push(machine, memberChange(L, { addedAt: at(20) }), secretChange(L, { updatedAt: at(20) }), learnerChange(L, at(0)));
    expect(later).toMatchObject({ changed: 0, latestSeq: deleted.latestSeq });
    const { changes } = await pullEverything(hub.store, machine);
    // The class and the other learner's membership stay.
    expect(changes.map((c) => [c.change.table, c.change.learnerId])).toEqual([
      ['learner', 'other'],
      ['class', null],
      ['classMembers', 'other'],
      ['learnerDeletion', L],
    ]);
    // In one batch with the learner's own membership and secret, the deletion wins too.
    expect(await push(machine, learnerChange('brief'), memberChange('brief'), secretChange('brief'), { table: 'learnerDeletion', learnerId: 'brief', row: { deletedAt: at(2) } })).toMatchObject({ changed: 1 });
  });
});

describe('school records: storable text', () => {
  it('a class name with an unpaired surrogate is refused before anything is written', async () => {
    const machine = await schoolWithPupil();
    const refused = await push(machine, educatorChange(), classChange({ name: 'Owls \uD800' })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).code).toBe('invalid_input');
    expect((refused as HubError).message).toMatch(/operations\[1\]/);
    expect(await rowsOf(machine, 'educator')).toEqual([]);
  });
});
