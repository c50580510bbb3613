import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse, type SyncChange } from '../../electron/common/sync/hub-protocol';
import { learnerChange, op, useHubCluster, type EnrolledMachine } from '../test-support/hub-fixture';
import { foldChanges, hubState, pullEverything } from '../test-support/hub-reading';
import { at, classChange, coachChange, educatorChange, memberChange, secretChange } from './school-change-fixtures';

const hub = useHubCluster();

const push = (machine: EnrolledMachine, ...changes: SyncChange[]) => hub.store.pushBatch(machine, { operations: changes.map(op) });

const SCHOOL_RECORD_TABLES = ['classes', 'educators', 'class_coaches', 'class_members', 'learner_secrets'];

/** The class and educator ids a page's changes name. */
function named(page: PullResponse): { classes: string[]; educators: string[] } {
  const classes = new Set<string>();
  const educators = new Set<string>();
  for (const { change } of page.changes) {
    if (change.table === 'class') classes.add(change.row.id);
    if (change.table === 'classMembers') classes.add(change.row.classId);
    if (change.table === 'classCoaches') {
      classes.add(change.row.classId);
      educators.add(change.row.educatorId);
    }
    if (change.table === 'educator') educators.add(change.row.id);
  }
  return { classes: [...classes].sort(), educators: [...educators].sort() };
}

describe('pull of the school records', () => {
  it('returns the new kinds, with the current record of every class and educator a page names', async () => {
    const school = await hub.newSchool();
    const a = await school.enrol('a');
    const b = await school.enrol('b');
    const changes: SyncChange[] = [
      learnerChange('p1'),
      learnerChange('p2'),
      classChange({ id: 'owls' }),
      classChange({ id: 'kestrels', signInMethod: 'picture' }),
      educatorChange({ id: 'edu-1' }),
      educatorChange({ id: 'edu-2', username: 'mr.banda', role: 'admin' }),
      memberChange('p1', { classId: 'owls' }),
      memberChange('p2', { classId: 'kestrels' }),
      secretChange('p1'),
      secretChange('p2', { kind: null, secretHash: null }),
      coachChange({ classId: 'owls', educatorId: 'edu-1' }),
      coachChange({ classId: 'kestrels', educatorId: 'edu-2' }),
    ];
    const pushed = await push(a, ...changes);
    expect(pushed.changed).toBe(changes.length);
    // A newer version of a class: the records sent with later pages are the hub's current ones.
    await push(a, classChange({ id: 'owls', name: 'Barn owls', updatedAt: at(5) }));
    const current = new Map([...changes, classChange({ id: 'owls', name: 'Barn owls', updatedAt: at(5) })].filter((c) => c.table === 'class' || c.table === 'educator').map((c) => [(c.row as { id: string }).id, c.row]));

    const pulled: SyncChange[] = [];
    let cursor = 0;
    for (;;) {
      const page = await hub.store.pull(b, { after: cursor, limit: 3 });
      // What a machine reads: the protocol's strict schemas take every page as it is.
      expect(pullResponseSchema.parse(page)).toEqual(page);
      const ids = named(page);
      expect(page.classes.map((c) => c.id)).toEqual(ids.classes);
      expect(page.educators.map((e) => e.id)).toEqual(ids.educators);
      for (const record of [...page.classes, ...page.educators]) expect(record).toEqual(current.get(record.id));
      // Memberships and secrets name their learner: the learner record comes with them.
      const learners = new Set(page.changes.map((c) => c.change.learnerId).filter((id) => id !== null));
      expect(page.learners.map((l) => l.id).sort()).toEqual([...learners].sort());
      pulled.push(...page.changes.map((c) => c.change));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(pulled).toHaveLength(changes.length);
    expect(pulled).toEqual(expect.arrayContaining(changes.filter((c) => !(c.table === 'class' && c.row.id === 'owls'))));
    expect(pulled).toContainEqual(classChange({ id: 'owls', name: 'Barn owls', updatedAt: at(5) }));
    // The school-scoped kinds name no learner.
    for (const change of pulled) if (change.table === 'class' || change.table === 'educator' || change.table === 'classCoaches') expect(change.learnerId).toBeNull();
  });

  it('a membership or coaching that reaches the hub before its class is kept, and pulled without a record', async () => {
    const school = await hub.newSchool();
    const machine = await school.enrol();
    await push(machine, learnerChange('p'), memberChange('p', { classId: 'later' }), coachChange({ classId: 'later', educatorId: 'edu-later' }));
    const first = await hub.store.pull(machine, { after: 0, limit: 100 });
    expect(first.changes.map((c) => c.change.table)).toEqual(['learner', 'classMembers', 'classCoaches']);
    expect([first.classes, first.educators]).toEqual([[], []]);
    await push(machine, classChange({ id: 'later' }));
    const next = await hub.store.pull(machine, { after: first.cursor, limit: 100 });
    expect(next.classes).toEqual([classChange({ id: 'later' }).row]);
  });

  it('a machine that folds what it pulled holds the hub state, deletions included', async () => {
    const school = await hub.newSchool();
    const machine = await school.enrol();
    await push(machine, learnerChange('p'), learnerChange('q'), memberChange('p'), memberChange('q'), secretChange('p'), classChange());
    const seen = (await pullEverything(hub.store, machine)).changes;
    await push(machine, { table: 'learnerDeletion', learnerId: 'p', row: { deletedAt: at(9) } }, memberChange('q', { removedAt: at(9) }));
    seen.push(...(await pullEverything(hub.store, machine, seen.at(-1)?.seq ?? 0)).changes);
    expect(foldChanges(seen)).toEqual(await hubState(hub.store, machine));
  });
});

describe('school isolation of the school records', () => {
  it('school B pulls none of school A’s classes, educators, coaching, memberships or secrets', async () => {
    const a = await (await hub.newSchool('A')).enrol();
    const b = await (await hub.newSchool('B')).enrol();
    await push(b, learnerChange('shared'), classChange({ name: 'B class' }));
    const before = await hubState(hub.store, b);
    // The same ids in A: they land in A only.
    await push(a, learnerChange('shared'), classChange({ name: 'A class', updatedAt: at(9) }), educatorChange(), coachChange(), memberChange('shared'), secretChange('shared'));
    expect(await hubState(hub.store, b)).toEqual(before);
    const pulledByB = await hub.store.pull(b, { after: 0, limit: 100 });
    expect(pulledByB.classes).toEqual([classChange({ name: 'B class' }).row]);
    expect(pulledByB.educators).toEqual([]);
    expect((await hub.store.pull(a, { after: 0, limit: 100 })).classes).toEqual([classChange({ name: 'A class', updatedAt: at(9) }).row]);

    // The serving role with school B set can neither read nor change A's rows.
    const client = new pg.Client({ connectionString: hub.cluster.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.school_id', $1, true)`, [b.schoolId]);
      for (const table of SCHOOL_RECORD_TABLES) {
        const seen = await client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE school_id = $1`, [a.schoolId]);
        expect({ table, n: seen.rows[0]?.n }).toEqual({ table, n: 0 });
        expect({ table, deleted: (await client.query(`DELETE FROM ${table} WHERE school_id = $1`, [a.schoolId])).rowCount }).toEqual({ table, deleted: 0 });
      }
      expect((await client.query(`UPDATE educators SET password_hash = 'x' WHERE school_id = $1`, [a.schoolId])).rowCount).toBe(0);
      await expect(client.query(`UPDATE classes SET school_id = $1 WHERE school_id = $2`, [a.schoolId, b.schoolId])).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
    expect((await hubState(hub.store, a)).size).toBe(6);
  });
});
