import { describe, expect, it } from 'vitest';
import { syncOperationSchema } from '../../electron/common/sync/hub-protocol';
import { createChannelDispatcher } from '../channels/dispatch';
import { TEST_ADMIN } from '../test-support/accounts';
import { testClock, useTempDirs } from '../test-support/temp-database';
import { windowCaller } from '../test-support/window-caller';
import { useFakeHubs, type FakeHub } from './test-support/fake-hub';
import { queued } from './test-support/sync-fixtures';

/**
 * Classes, educators, coaching, class memberships and learners' secrets travel through the hub
 * like learners' records: queued in the change's transaction while enrolled (removals too), and
 * merged into the other machines by the school merge laws.
 */

const dirs = useTempDirs();
const hubs = useFakeHubs();
const COACH = { username: 'ms.okafor', displayName: 'Ms Okafor', role: 'coach', password: 'coach password 1' } as const;

/** One lab machine with a window, its first admin set up (another `admin` account on each machine). */
async function lab(start: string, admin: { username: string; displayName: string; password: string } = TEST_ADMIN) {
  const database = await dirs.open();
  const clock = testClock(start, 1);
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser', now: clock });
  const window = windowCaller(dispatcher);
  await window.ok('setUpFirstAdmin', admin);
  return {
    ...window,
    database,
    sqlite: database.sqlite,
    enrol: (hub: FakeHub) => window.ok('enrolInSchoolHub', { hubUrl: hub.url, code: hub.code, machineName: 'lab' }),
    sync: () => window.ok('syncNow', {}),
    close: () => dispatcher.close(),
  };
}

const tablesQueued = (lab: { sqlite: Parameters<typeof queued>[0] }) => queued(lab.sqlite).map((o) => o.table);

describe('school records and the hub', () => {
  it('queue on enrolment and on every change, removals included, each a valid operation of the protocol', async () => {
    const hub = await hubs.start();
    const a = await lab('2026-03-02T09:00:00.000Z');
    await a.ok('createClass', { name: 'Class 4B', id: 'c4b', signInMethod: 'pin' });
    await a.ok('createLearnerProfile', { id: 'ada', displayName: 'Ada', classId: 'c4b' });
    const coach = await a.ok('createEducator', COACH);
    await a.ok('assignCoach', { educatorId: coach.id, classId: 'c4b' });
    await a.ok('setLearnerSecret', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } });
    expect(queued(a.sqlite)).toEqual([]);

    await a.enrol(hub);
    expect(tablesQueued(a).sort()).toEqual(['class', 'classCoaches', 'classMembers', 'educator', 'educator', 'learner', 'learnerSecret'].sort());
    for (const op of queued(a.sqlite)) {
      expect(syncOperationSchema.safeParse({ opId: op.opId, change: { table: op.table, learnerId: op.learnerId, row: op.row } }).success, op.table).toBe(true);
    }
    // The school's own records come first: a machine pulling them in order can place the rest.
    expect(tablesQueued(a).slice(0, 4)).toEqual(['class', 'educator', 'educator', 'classCoaches']);

    await a.sync();
    expect(queued(a.sqlite)).toEqual([]);
    await a.ok('renameClass', { classId: 'c4b', name: 'Class 4B (Room 2)' });
    await a.ok('unassignCoach', { educatorId: coach.id, classId: 'c4b' });
    await a.ok('removeClassMember', { classId: 'c4b', learnerId: 'ada' });
    await a.ok('resetLearnerSecret', { learnerId: 'ada' });
    const ops = queued(a.sqlite);
    expect(ops.map((o) => o.table)).toEqual(['class', 'classCoaches', 'classMembers', 'learnerSecret']);
    expect(ops[0]?.row).toMatchObject({ id: 'c4b', name: 'Class 4B (Room 2)' });
    expect(ops[1]).toMatchObject({ learnerId: null, row: { classId: 'c4b', educatorId: coach.id, removedAt: expect.any(String) } });
    expect(ops[2]).toMatchObject({ learnerId: 'ada', row: { classId: 'c4b', removedAt: expect.any(String) } });
    expect(ops[3]).toMatchObject({ learnerId: 'ada', row: { kind: null, secretHash: null } });
    await a.close();
  });

  it('reach another machine of the school: the coach signs in there, and removals follow', async () => {
    const hub = await hubs.start();
    const a = await lab('2026-03-02T09:00:00.000Z');
    const b = await lab('2026-03-02T10:00:00.000Z', { username: 'lab-b-admin', displayName: 'B Admin', password: 'b admin password' });
    await a.ok('createClass', { name: 'Class 4B', id: 'c4b', signInMethod: 'pin' });
    await a.ok('createLearnerProfile', { id: 'ada', displayName: 'Ada', classId: 'c4b' });
    const coach = await a.ok('createEducator', COACH);
    await a.ok('assignCoach', { educatorId: coach.id, classId: 'c4b' });
    await a.ok('setLearnerSecret', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } });
    await a.enrol(hub);
    await b.enrol(hub);
    await a.sync();
    const pulled = await b.sync();
    expect(pulled.pulled).toBeGreaterThanOrEqual(7);

    expect(b.sqlite.prepare('SELECT id, name, sign_in_method AS method FROM classes').all()).toEqual([{ id: 'c4b', name: 'Class 4B', method: 'pin' }]);
    expect(b.sqlite.prepare('SELECT class_id AS classId, learner_id AS learnerId FROM class_members').all()).toEqual([{ classId: 'c4b', learnerId: 'ada' }]);
    expect(b.sqlite.prepare('SELECT class_id AS classId, educator_id AS educatorId FROM class_coaches').all()).toEqual([{ classId: 'c4b', educatorId: coach.id }]);
    expect(b.sqlite.prepare("SELECT kind FROM learner_secrets WHERE learner_id = 'ada'").get()).toEqual({ kind: 'pin' });
    // Nothing pulled is queued back.
    expect(tablesQueued(b)).toEqual([]);
    await b.ok('lockEducator', {});
    expect(await b.ok('unlockEducator', { username: COACH.username, password: COACH.password })).toMatchObject({ role: 'coach' });
    expect(await b.ok('signInLearner', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } })).toMatchObject({ learner: { id: 'ada' } });
    await b.ok('signOutLearner', {});
    await b.ok('lockEducator', {});
    await b.ok('unlockEducator', { username: 'lab-b-admin', password: 'b admin password' });

    // B takes Ada out of the class and the coach off it; A gets both.
    await b.ok('removeClassMember', { classId: 'c4b', learnerId: 'ada' });
    await b.ok('unassignCoach', { educatorId: coach.id, classId: 'c4b' });
    await b.sync();
    await a.sync();
    expect(a.sqlite.prepare('SELECT count(*) AS n FROM class_members').get()).toEqual({ n: 0 });
    expect(a.sqlite.prepare('SELECT count(*) AS n FROM class_coaches').get()).toEqual({ n: 0 });
    // B's admin reached A too.
    expect(a.sqlite.prepare('SELECT username FROM educators ORDER BY username').all()).toEqual([{ username: 'admin' }, { username: 'lab-b-admin' }, { username: COACH.username }]);
    await a.close();
    await b.close();
  });

  it('keep each machine its own account when two made the same username, so nobody is locked out', async () => {
    const hub = await hubs.start();
    const a = await lab('2026-03-02T09:00:00.000Z');
    const b = await lab('2026-03-02T10:00:00.000Z', { ...TEST_ADMIN, password: 'another password' });
    await a.enrol(hub);
    await b.enrol(hub);
    await a.sync();
    // Each pull brings the other's "admin", which is left out: the sync itself goes on working.
    expect((await b.sync()).status.state).toBe('up_to_date');
    expect((await a.sync()).status.state).toBe('up_to_date');
    for (const [machine, password] of [
      [a, TEST_ADMIN.password],
      [b, 'another password'],
    ] as const) {
      expect(machine.sqlite.prepare('SELECT count(*) AS n FROM educators').get()).toEqual({ n: 1 });
      await machine.ok('lockEducator', {});
      expect(await machine.ok('unlockEducator', { username: 'admin', password })).toMatchObject({ role: 'admin' });
    }
    await a.close();
    await b.close();
  });
});
