import { describe, expect, it } from 'vitest';
import { earliestBadge, lastWriterWins } from '../../electron/common/merge/merge-rules';
import type { AttemptRow, BadgeRow, MetricRow, PreferenceRow, ProgressRow } from '../../electron/common/merge/records-schema';
import type { SyncChange } from '../../electron/common/sync/hub-protocol';
import { learnerChange, op, preferenceChange, useHubCluster, type EnrolledMachine } from '../test-support/hub-fixture';
import { pullEverything } from '../test-support/hub-reading';

const hub = useHubCluster();

const t = (minute: number) => `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
const L = 'pupil-1';

const progress = (row: Partial<ProgressRow>): SyncChange => ({
  table: 'loProgress',
  learnerId: L,
  row: { loId: 'lo-1', status: 'in_progress', startedAt: t(0), completedAt: null, score: null, details: null, ...row },
});
const badge = (row: Partial<BadgeRow>): SyncChange => ({ table: 'badges', learnerId: L, row: { badgeId: 'b-1', badgeName: 'Star', earnedDate: t(5), details: null, ...row } });
const attempt = (row: Partial<AttemptRow>, learnerId = L): SyncChange => ({
  table: 'activityAttempts',
  learnerId,
  row: { attemptUid: '11111111-1111-4111-8111-111111111111', loId: 'lo-1', activityId: 'a', activityType: 'quiz', attemptTimestamp: t(1), score: 0.5, completed: true, attemptDetails: null, ...row },
});
const metric = (row: Partial<MetricRow>): SyncChange => ({ table: 'cognitiveMetrics', learnerId: L, row: { taskName: 'memory', metricDetails: { span: 4 }, timestamp: t(1), ...row } });

async function schoolWithPupil(): Promise<EnrolledMachine> {
  const school = await hub.newSchool();
  const machine = await school.enrol();
  await hub.store.pushBatch(machine, { operations: [op(learnerChange(L, t(0)))] });
  return machine;
}

const push = (machine: EnrolledMachine, ...changes: SyncChange[]) => hub.store.pushBatch(machine, { operations: changes.map(op) });

/** The hub's current row of one table (the only row of it in these tests), or undefined. */
async function only(machine: EnrolledMachine, table: SyncChange['table']): Promise<unknown[]> {
  const { changes } = await pullEverything(hub.store, machine);
  return changes.filter((c) => c.change.table === table).map((c) => c.change.row);
}

describe('push is idempotent by operation id', () => {
  it('the same batch twice changes nothing the second time', async () => {
    const machine = await schoolWithPupil();
    const batch = { operations: [op(preferenceChange(L, 'colour', 'blue', t(1))), op(preferenceChange(L, 'font', 'large', t(1)))] };
    const first = await hub.store.pushBatch(machine, batch);
    expect(first).toMatchObject({ received: 2, duplicates: 0, changed: 2 });
    const before = await pullEverything(hub.store, machine);
    const again = await hub.store.pushBatch(machine, batch);
    expect(again).toEqual({ received: 2, duplicates: 2, changed: 0, latestSeq: first.latestSeq });
    expect(await pullEverything(hub.store, machine)).toEqual(before);
    // An id repeated inside one batch is applied once.
    const repeated = op(preferenceChange(L, 'theme', 'dark', t(2)));
    expect(await hub.store.pushBatch(machine, { operations: [repeated, repeated] })).toMatchObject({ received: 2, duplicates: 1, changed: 1 });
  });

  it('a change the hub already has, under a new id, changes nothing (a machine receiving its own change back)', async () => {
    const machine = await schoolWithPupil();
    const change = preferenceChange(L, 'colour', 'blue', t(1));
    const first = await push(machine, change);
    expect(await push(machine, change, learnerChange(L, t(0)))).toEqual({ received: 2, duplicates: 0, changed: 0, latestSeq: first.latestSeq });
  });
});

describe('last writer wins (preferences, interests, struggles, metrics), tombstones included', () => {
  it('a newer write wins, an older one leaves the row and sends it again, a removal is a write', async () => {
    const machine = await schoolWithPupil();
    await push(machine, preferenceChange(L, 'colour', 'blue', t(2)));
    const before = await pullEverything(hub.store, machine);
    // The older version loses, and the winner gets a new number: the machine behind pulls it.
    expect(await push(machine, preferenceChange(L, 'colour', 'red', t(1)))).toMatchObject({ changed: 1 });
    const resent = await pullEverything(hub.store, machine, before.cursor);
    expect(resent.changes.map((c) => c.change.row)).toEqual([{ category: 'colour', value: 'blue', timestamp: t(2), deletedAt: null }]);
    await push(machine, preferenceChange(L, 'colour', 'blue', t(3), t(3)));
    // An older value cannot bring the removed row back.
    expect(await push(machine, preferenceChange(L, 'colour', 'green', t(2)))).toMatchObject({ changed: 1 });
    expect(await only(machine, 'preferences')).toEqual([{ category: 'colour', value: 'blue', timestamp: t(3), deletedAt: t(3) }]);
    await push(machine, { table: 'interests', learnerId: L, row: { interestName: 'Space', timestamp: t(4), deletedAt: t(4) } });
    await push(machine, { table: 'interests', learnerId: L, row: { interestName: 'Space', timestamp: t(5), deletedAt: null } });
    expect(await only(machine, 'interests')).toEqual([{ interestName: 'Space', timestamp: t(5), deletedAt: null }]);
  });

  it('equal timestamps: the greater canonical row wins, whichever arrives first', async () => {
    const rows = [preferenceChange(L, 'colour', 'blue', t(1)), preferenceChange(L, 'colour', 'Blue', t(1)), preferenceChange(L, 'colour', 'blue', t(1), t(1))];
    const results: unknown[] = [];
    for (const order of [rows, [...rows].reverse(), [rows[1], rows[2], rows[0]] as SyncChange[]]) {
      const machine = await schoolWithPupil();
      for (const change of order) await push(machine, change);
      results.push(await only(machine, 'preferences'));
    }
    const winner = rows.map((r) => r.row as PreferenceRow).reduce(lastWriterWins);
    // '"deletedAt":null' sorts after '"deletedAt":"…"' (n > "), and "b" after "B".
    expect(winner).toEqual(rows[0]?.row);
    expect(results).toEqual([[winner], [winner], [winner]]);
    const machine = await schoolWithPupil();
    await push(machine, metric({ metricDetails: { span: 5, a: 1 } }));
    await push(machine, metric({ metricDetails: { span: 4, b: 1 } }));
    // canonical: {"metricDetails":{"b":1,… > {"metricDetails":{"a":1,…
    expect(await only(machine, 'cognitiveMetrics')).toEqual([{ taskName: 'memory', metricDetails: { b: 1, span: 4 }, timestamp: t(1) }]);
  });
});

describe('progress never regresses', () => {
  it('keeps the higher status, the best score, the earliest start and completion, and the better details', async () => {
    const machine = await schoolWithPupil();
    await push(machine, progress({ status: 'completed', startedAt: t(2), completedAt: t(8), score: 0.6, details: { from: 'completed' } }));
    // Behind in every way: the row stays, and is sent again.
    expect(await push(machine, progress({ status: 'in_progress', startedAt: t(3), score: 0.5 }))).toMatchObject({ changed: 1 });
    expect(await push(machine, progress({ status: 'completed', startedAt: t(2), completedAt: t(8), score: 0.6, details: { from: 'completed' } }))).toMatchObject({ changed: 0 });
    await push(machine, progress({ status: 'in_progress', startedAt: t(1), score: 0.9, details: { from: 'better score, lower status' } }));
    expect(await only(machine, 'loProgress')).toEqual([{ loId: 'lo-1', status: 'completed', startedAt: t(1), completedAt: t(8), score: 0.9, details: { from: 'completed' } }]);
    await push(machine, progress({ status: 'completed', startedAt: t(4), completedAt: t(6), score: null, details: { from: 'earlier completion' } }));
    expect(await only(machine, 'loProgress')).toEqual([{ loId: 'lo-1', status: 'completed', startedAt: t(1), completedAt: t(6), score: 0.9, details: { from: 'earlier completion' } }]);
    // A better score moves the score, not the details: those follow the status, then their own order
    // (merge-rules.ts: a choice by score would depend on the order three machines merge in).
    await push(machine, progress({ status: 'completed', startedAt: t(9), completedAt: t(9), score: 0.95, details: { from: 'best' } }));
    expect(await only(machine, 'loProgress')).toEqual([{ loId: 'lo-1', status: 'completed', startedAt: t(1), completedAt: t(6), score: 0.95, details: { from: 'earlier completion' } }]);
    // Same status: the greater canonical details, in either order ('{"from":"x"}' > '{"from":"earlier completion"}' > 'null').
    await push(machine, progress({ status: 'completed', startedAt: t(9), completedAt: t(9), score: 0.2, details: { from: 'x' } }));
    await push(machine, progress({ status: 'completed', startedAt: t(9), completedAt: t(9), score: 0.95, details: null }));
    expect(await only(machine, 'loProgress')).toEqual([{ loId: 'lo-1', status: 'completed', startedAt: t(1), completedAt: t(6), score: 0.95, details: { from: 'x' } }]);
  });
});

describe('badges and attempts', () => {
  it('a badge keeps its earliest date; equal dates: the greater canonical row', async () => {
    const machine = await schoolWithPupil();
    await push(machine, badge({ earnedDate: t(5) }));
    await push(machine, badge({ earnedDate: t(3), badgeName: 'Early star' }));
    expect(await push(machine, badge({ earnedDate: t(4) }))).toMatchObject({ changed: 1 });
    // Equal dates: '"badgeName":"Early"' > '"badgeName":"Early star"' (" > space), as earliestBadge says.
    const tie = badge({ earnedDate: t(3), badgeName: 'Early', details: { x: 1 } });
    expect(earliestBadge(badge({ earnedDate: t(3), badgeName: 'Early star' }).row as BadgeRow, tie.row as BadgeRow)).toEqual(tie.row);
    await push(machine, tie);
    expect(await only(machine, 'badges')).toEqual([tie.row]);
    expect(await push(machine, badge({ earnedDate: t(3), badgeName: 'Early star', details: { x: 1 } }))).toMatchObject({ changed: 1 });
    expect(await only(machine, 'badges')).toEqual([tie.row]);
    expect(await push(machine, tie)).toMatchObject({ changed: 0 });
  });

  it('attempts are unioned by uid; the same uid keeps the greater canonical row and never moves to another learner', async () => {
    const machine = await schoolWithPupil();
    await push(machine, learnerChange('pupil-2', t(0)));
    await push(machine, attempt({ score: 0.5 }), attempt({ attemptUid: '22222222-2222-4222-8222-222222222222', score: null, attemptDetails: { tries: 3 } }));
    await push(machine, attempt({ score: 0.7 }));
    expect(await push(machine, attempt({ score: 0.6 }))).toMatchObject({ changed: 1 });
    expect(await push(machine, attempt({ score: 0.7 }))).toMatchObject({ changed: 0 });
    expect(await push(machine, attempt({ score: 0.9 }, 'pupil-2'))).toMatchObject({ changed: 0 });
    const attempts = await pullEverything(hub.store, machine);
    const rows = attempts.changes.filter((c) => c.change.table === 'activityAttempts').map((c) => [c.change.learnerId, c.change.row]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [L, attempt({ score: 0.7 }).row],
        [L, attempt({ attemptUid: '22222222-2222-4222-8222-222222222222', score: null, attemptDetails: { tries: 3 } }).row],
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});

describe('learners', () => {
  it('the record merges: name of the later update, earliest creation, latest update', async () => {
    const machine = await schoolWithPupil();
    await push(machine, { table: 'learner', learnerId: L, row: { id: L, displayName: 'Amina', createdAt: t(0), lastUpdatedAt: t(5) } });
    expect(await push(machine, { table: 'learner', learnerId: L, row: { id: L, displayName: 'Old name', createdAt: t(0), lastUpdatedAt: t(4) } })).toMatchObject({ changed: 1 });
    expect((await hub.store.pull(machine, { after: 0, limit: 10 })).learners).toEqual([{ id: L, displayName: 'Amina', createdAt: t(0), lastUpdatedAt: t(5) }]);
    await push(machine, { table: 'learner', learnerId: L, row: { id: L, displayName: 'Amina B', createdAt: t(0), lastUpdatedAt: t(5) } });
    expect((await hub.store.pull(machine, { after: 0, limit: 10 })).learners).toEqual([{ id: L, displayName: 'Amina B', createdAt: t(0), lastUpdatedAt: t(5) }]);
  });

  it('rows of a learner the hub does not know are ignored', async () => {
    const machine = await schoolWithPupil();
    expect(await push(machine, preferenceChange('stranger', 'colour', 'blue', t(1)))).toMatchObject({ changed: 0 });
    // Pushed in one batch with the learner, they are kept.
    expect(await push(machine, preferenceChange('newcomer', 'colour', 'blue', t(1)), learnerChange('newcomer', t(0)))).toMatchObject({ changed: 2 });
  });

  it('a deletion wins and stays: the learner and their rows go, later changes of theirs are ignored', async () => {
    const machine = await schoolWithPupil();
    await push(machine, preferenceChange(L, 'colour', 'blue', t(1)), progress({}), attempt({}), badge({}));
    const deleted = await push(machine, { table: 'learnerDeletion', learnerId: L, row: { deletedAt: t(10) } });
    expect(deleted.changed).toBe(1);
    const after = await push(machine, learnerChange(L, t(0)), preferenceChange(L, 'colour', 'red', t(20)), attempt({ attemptUid: '33333333-3333-4333-8333-333333333333' }));
    expect(after).toMatchObject({ changed: 0, latestSeq: deleted.latestSeq });
    // An earlier deletedAt is kept (and pulled again); a later one is not.
    expect(await push(machine, { table: 'learnerDeletion', learnerId: L, row: { deletedAt: t(12) } })).toMatchObject({ changed: 0 });
    expect(await push(machine, { table: 'learnerDeletion', learnerId: L, row: { deletedAt: t(9) } })).toMatchObject({ changed: 1 });
    const pulled = await hub.store.pull(machine, { after: 0, limit: 100 });
    expect(pulled.changes.map((c) => c.change)).toEqual([{ table: 'learnerDeletion', learnerId: L, row: { deletedAt: t(9) } }]);
    expect(pulled.learners).toEqual([]);
    // In one batch with the learner's own changes, the deletion wins too.
    expect(await push(machine, learnerChange('brief', t(0)), preferenceChange('brief', 'colour', 'blue', t(1)), { table: 'learnerDeletion', learnerId: 'brief', row: { deletedAt: t(2) } })).toMatchObject({ changed: 1 });
  });
});
