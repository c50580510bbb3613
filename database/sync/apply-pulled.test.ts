import { describe, expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse, type SyncChange } from '../../electron/common/sync/hub-protocol';
import { readLearner, readLearnerRecords } from '../transfer/learner-rows';
import { contentHash, useTempDirs } from '../test-support/temp-database';
import { ATTEMPT_UIDS, timeAt, writeRichProfile } from '../test-support/transfer-fixtures';
import { applyPulledChunk, StaleSyncError } from './apply-pulled';
import { readSyncState } from './sync-state';
import { useFakeHubs } from './test-support/fake-hub';
import { clearOutbox, machine, queued, type Machine } from './test-support/sync-fixtures';

const dirs = useTempDirs();
const hubs = useFakeHubs();

const ZARA = { id: 'zara', displayName: 'Zara', createdAt: timeAt(0), lastUpdatedAt: timeAt(3) };

/** A chunk as the hub would send it (parsed by the protocol schema, as the client does). */
function chunk(after: number, changes: SyncChange[], learners = [ZARA], more = false): PullResponse {
  return pullResponseSchema.parse({ changes: changes.map((change, i) => ({ seq: after + i + 1, change })), learners, cursor: after + changes.length, more });
}

const cursorOf = (m: Machine) => readSyncState(m.sqlite)?.pullCursor;
const machineIdOf = (m: Machine) => readSyncState(m.sqlite)?.machineId as string;

const zaraRows: SyncChange[] = [
  { table: 'learner', learnerId: 'zara', row: ZARA },
  { table: 'interests', learnerId: 'zara', row: { interestName: 'Space', timestamp: timeAt(1), deletedAt: null } },
  { table: 'preferences', learnerId: 'zara', row: { category: 'visual_preference_task_1', value: 'visual', timestamp: timeAt(1), deletedAt: null } },
  {
    table: 'loProgress',
    learnerId: 'zara',
    row: { loId: 'MATH_LO_001', status: 'completed', startedAt: timeAt(1), completedAt: timeAt(2), score: 0.9, details: null },
  },
  {
    table: 'activityAttempts',
    learnerId: 'zara',
    row: { attemptUid: ATTEMPT_UIDS[1] as string, loId: 'MATH_LO_001', activityId: 'quiz_a', activityType: 'quiz', attemptTimestamp: timeAt(2), score: 0.9, completed: true, attemptDetails: null },
  },
] as SyncChange[];

async function enrolledMachine(): Promise<Machine> {
  const m = await machine(dirs, await hubs.start());
  clearOutbox(m.sqlite);
  return m;
}

describe('applying a pulled chunk', () => {
  it('creates a learner this machine has not seen, queues nothing back, and moves the cursor', async () => {
    const m = await enrolledMachine();
    const outcome = applyPulledChunk(m.sqlite, chunk(0, zaraRows), machineIdOf(m), 0);
    expect(outcome).toMatchObject({ changes: 5, learnersMerged: 1, skipped: 0 });
    expect(readLearner(m.sqlite, 'zara')).toEqual(ZARA);
    expect(readLearnerRecords(m.sqlite, 'zara')).toMatchObject({ interests: [{ interestName: 'Space' }], loProgress: [{ status: 'completed', score: 0.9 }], activityAttempts: [{ attemptUid: ATTEMPT_UIDS[1] }] });
    expect(queued(m.sqlite)).toEqual([]);
    expect(cursorOf(m)).toBe(5);
    expect(m.sqlite.prepare('SELECT applying FROM sync_state').get()).toEqual({ applying: 0 });
  });

  it('merges with the laws of profile import: newer local rows win, progress never regresses, attempts are unioned', async () => {
    const m = await enrolledMachine();
    applyPulledChunk(m.sqlite, chunk(0, zaraRows), machineIdOf(m), 0);
    // Local work after the pull: a newer preference value.
    m.clock.set(timeAt(10));
    m.manager.addOrUpdatePreference({ learnerId: 'zara', category: 'visual_preference_task_1', value: 'auditory' });
    clearOutbox(m.sqlite);
    const older: SyncChange[] = [
      { table: 'preferences', learnerId: 'zara', row: { category: 'visual_preference_task_1', value: 'kinesthetic', timestamp: timeAt(5), deletedAt: null } },
      { table: 'loProgress', learnerId: 'zara', row: { loId: 'MATH_LO_001', status: 'in_progress', startedAt: timeAt(0), completedAt: null, score: 0.95, details: null } },
      {
        table: 'activityAttempts',
        learnerId: 'zara',
        row: { attemptUid: ATTEMPT_UIDS[2] as string, loId: 'MATH_LO_001', activityId: 'quiz_b', activityType: 'quiz', attemptTimestamp: timeAt(4), score: 0.2, completed: true, attemptDetails: null },
      },
      // Two changes of one key in one chunk fold with the law (the later-seq older one loses).
      { table: 'interests', learnerId: 'zara', row: { interestName: 'Space', timestamp: timeAt(6), deletedAt: timeAt(6) } },
      { table: 'interests', learnerId: 'zara', row: { interestName: 'Space', timestamp: timeAt(4), deletedAt: null } },
    ] as SyncChange[];
    applyPulledChunk(m.sqlite, chunk(5, older), machineIdOf(m), 5);
    const records = readLearnerRecords(m.sqlite, 'zara');
    expect(records.preferences).toEqual([expect.objectContaining({ value: 'auditory' })]);
    expect(records.loProgress).toEqual([{ loId: 'MATH_LO_001', status: 'completed', startedAt: timeAt(0), completedAt: timeAt(2), score: 0.95, details: null }]);
    expect(records.activityAttempts.map((a) => a.attemptUid)).toEqual([ATTEMPT_UIDS[1], ATTEMPT_UIDS[2]]);
    expect(records.interests).toEqual([{ interestName: 'Space', timestamp: timeAt(6), deletedAt: timeAt(6) }]);
    expect(queued(m.sqlite)).toEqual([]);
  });

  it('changes nothing when the same changes come again, or when its own changes come back', async () => {
    const m = await enrolledMachine();
    applyPulledChunk(m.sqlite, chunk(0, zaraRows), machineIdOf(m), 0);
    writeRichProfile(m.manager, 'ada');
    const own = queued(m.sqlite).map((o) => ({ table: o.table, learnerId: o.learnerId, row: o.row }) as SyncChange);
    clearOutbox(m.sqlite);
    const before = contentHash(m.sqlite);
    applyPulledChunk(m.sqlite, chunk(5, zaraRows), machineIdOf(m), 5);
    applyPulledChunk(m.sqlite, chunk(10, own, []), machineIdOf(m), 10);
    // Only the cursor moved.
    m.sqlite.prepare('UPDATE sync_state SET pull_cursor = 5').run();
    expect(contentHash(m.sqlite)).toBe(before);
  });

  it('applies a chunk all or nothing: a failure half-way leaves rows and cursor as they were', async () => {
    const m = await enrolledMachine();
    writeRichProfile(m.manager, 'ada');
    clearOutbox(m.sqlite);
    const before = contentHash(m.sqlite);
    m.sqlite.exec("CREATE TEMP TRIGGER fail_badges BEFORE INSERT ON badges BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const changes = [
      ...zaraRows,
      { table: 'badges', learnerId: 'zara', row: { badgeId: 'first_objective', badgeName: 'First steps', earnedDate: timeAt(2), details: null } },
    ] as SyncChange[];
    expect(() => applyPulledChunk(m.sqlite, chunk(0, changes), machineIdOf(m), 0)).toThrow('disk trouble');
    expect(contentHash(m.sqlite)).toBe(before);
    expect(cursorOf(m)).toBe(0);
    expect(readLearner(m.sqlite, 'zara')).toBeUndefined();
    // Triggers work again after the rollback (applying went back to 0 with it).
    m.sqlite.exec('DROP TRIGGER temp.fail_badges');
    m.manager.addInterest({ learnerId: 'ada', interestName: 'Rockets' });
    expect(queued(m.sqlite).map((o) => o.table).sort()).toEqual(['interests', 'learner']);
  });

  it('a pulled deletion removes the learner, and a later pulled row of theirs does not bring them back', async () => {
    const m = await enrolledMachine();
    writeRichProfile(m.manager, 'ada');
    clearOutbox(m.sqlite);
    m.manager.addInterest({ learnerId: 'ada', interestName: 'Waiting' });
    const deletion = { table: 'learnerDeletion', learnerId: 'ada', row: { deletedAt: timeAt(20) } } as SyncChange;
    expect(applyPulledChunk(m.sqlite, chunk(0, [deletion], []), machineIdOf(m), 0)).toMatchObject({ learnersDeleted: 1 });
    expect(readLearner(m.sqlite, 'ada')).toBeUndefined();
    // Their waiting changes went with them; nothing was queued back.
    expect(queued(m.sqlite)).toEqual([]);
    const late = [{ table: 'interests', learnerId: 'ada', row: { interestName: 'Space', timestamp: timeAt(30), deletedAt: null } }] as SyncChange[];
    const ada = { id: 'ada', displayName: 'Ada', createdAt: timeAt(0), lastUpdatedAt: timeAt(30) };
    expect(applyPulledChunk(m.sqlite, chunk(1, late, [ada]), machineIdOf(m), 1)).toMatchObject({ skipped: 1 });
    expect(readLearner(m.sqlite, 'ada')).toBeUndefined();
    expect(cursorOf(m)).toBe(2);
  });

  it('skips rows of a learner neither here nor in the answer, and attempt uids another learner here owns', async () => {
    const m = await enrolledMachine();
    m.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
    m.manager.addActivityAttempt({ learnerId: 'ada', loId: 'MATH_LO_001', activityId: 'quiz_a', activityType: 'quiz', completed: true, attemptUid: ATTEMPT_UIDS[1] });
    clearOutbox(m.sqlite);
    const ghost = [{ table: 'interests', learnerId: 'ghost', row: { interestName: 'Space', timestamp: timeAt(1), deletedAt: null } }] as SyncChange[];
    const outcome = applyPulledChunk(m.sqlite, chunk(0, [...zaraRows, ...ghost]), machineIdOf(m), 0);
    expect(outcome).toMatchObject({ skipped: 2, learnersMerged: 1 });
    expect(readLearnerRecords(m.sqlite, 'zara').activityAttempts).toEqual([]);
    expect(readLearner(m.sqlite, 'ghost')).toBeUndefined();
  });

  it('stands down, changing nothing, when the cursor or the enrolment moved under it', async () => {
    const m = await enrolledMachine();
    const before = contentHash(m.sqlite);
    expect(() => applyPulledChunk(m.sqlite, chunk(3, zaraRows), machineIdOf(m), 3)).toThrow(StaleSyncError);
    expect(() => applyPulledChunk(m.sqlite, chunk(0, zaraRows), '00000000-0000-4000-8000-000000000000', 0)).toThrow(StaleSyncError);
    expect(contentHash(m.sqlite)).toBe(before);
  });
});
