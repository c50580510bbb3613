import { describe, expect, it } from 'vitest';
import { listSnapshots } from '../snapshots';
import { APP_VERSION_FOR_TESTS, ATTEMPT_UIDS, lastImportExists, normalizeRecords, sampleTransfer, transferJson } from '../test-support/transfer-fixtures';
import { contentHash, openManager, rejectedDalaError, useTempDirs, type ManagerFixture } from '../test-support/temp-database';
import { canonicalJson } from './canonical-json';
import type { ImportPolicy } from '../../electron/common/transfer-views';
import { buildProfileDocument, parseProfileFile, readLearnerTransfer, type LearnerTransfer } from './profile-file';
import { importTransfers, type ImportReport } from './profile-import';
import { undoLastImport } from './snapshot-restore';

/** Import policies (merge, skip, replace, error), dry runs, and what a refused import leaves behind. */

const dirs = useTempDirs();
const ID = 'sample-learner';

/** A machine that already has the learner of sampleTransfer() with different work of its own. */
async function machineWithOwnWork(): Promise<ManagerFixture> {
  const fixture = await openManager(dirs);
  const { manager } = fixture;
  manager.createLearnerProfile({ id: ID, displayName: 'Amara (lab 2)' });
  manager.addInterest({ learnerId: ID, interestName: 'Music' });
  manager.addInterest({ learnerId: ID, interestName: 'Space' });
  manager.addOrUpdatePreference({ learnerId: ID, category: 'visual_preference_task_1', value: 'auditory' });
  manager.addActivityAttempt({ learnerId: ID, loId: 'READ_LO_001', activityId: 'read_001_quiz_a', activityType: 'quiz', score: 0.3, completed: true });
  return fixture;
}

/** The file goes through real bytes and the real parser, as an import does. */
const fileOf = (transfer: LearnerTransfer) => parseProfileFile(Buffer.from(JSON.stringify(buildProfileDocument(transfer, APP_VERSION_FOR_TESTS, '2026-03-05T10:00:00.000Z'))));
const run = (f: ManagerFixture, policy: ImportPolicy, dryRun = false, transfers: LearnerTransfer[] = [fileOf(sampleTransfer())]) =>
  importTransfers(f.database, transfers, { policy, dryRun, source: 'amara.dalaprofile' });
const withoutRunFields = ({ dryRun: _d, snapshotId: _s, ...rest }: ImportReport) => rest;

describe('import policies', () => {
  it('merge (the default) keeps the work of both sides', async () => {
    const b = await machineWithOwnWork();
    const ownAttempt = readLearnerTransfer(b.sqlite, ID).records.activityAttempts[0]?.attemptUid;
    const report = await run(b, 'merge');
    expect(report.learners[0]?.outcome).toBe('merged');
    const after = readLearnerTransfer(b.sqlite, ID).records;
    expect(after.interests.map((i) => i.interestName).sort()).toEqual(['Animals', 'Music', 'Space']);
    expect(after.activityAttempts.map((a) => a.attemptUid).sort()).toEqual([ATTEMPT_UIDS[1], ATTEMPT_UIDS[2], ownAttempt].sort());
    expect(after.loProgress.find((p) => p.loId === 'MATH_LO_001')?.status).toBe('completed');
    expect(after.loProgress.find((p) => p.loId === 'READ_LO_001')?.status).toBe('in_progress');
    // The later preference (this machine's, written after the file's time) wins.
    expect(after.preferences.find((p) => p.category === 'visual_preference_task_1')?.value).toBe('auditory');
    expect(report.summary).toMatch(/^\d+ new, \d+ updated, \d+ conflicts?$/);
    expect(report.totals.added).toBeGreaterThan(0);
    expect(lastImportExists(b.database.dataDir)).toBe(true);
  });

  it('skip leaves an existing learner untouched', async () => {
    const b = await machineWithOwnWork();
    const hash = contentHash(b.sqlite);
    const report = await run(b, 'skip');
    expect(report.learners.map((l) => l.outcome)).toEqual(['skipped']);
    expect(report.totals.added + report.totals.updated).toBe(0);
    expect(contentHash(b.sqlite)).toBe(hash);
  });

  it('replace makes the learner exactly the file\'s, and reports what it removed', async () => {
    const b = await machineWithOwnWork();
    const rowsBefore = readLearnerTransfer(b.sqlite, ID).records;
    const report = await run(b, 'replace');
    expect(report.learners[0]?.outcome).toBe('replaced');
    const transfer = sampleTransfer();
    expect(transferJson(b.sqlite, ID)).toBe(canonicalJson({ learner: transfer.learner, records: normalizeRecords(transfer.records) }));
    expect(report.learners[0]?.tables.interests.removed).toBe(rowsBefore.interests.length);
    expect(report.totals.removed).toBe(Object.values(rowsBefore).reduce((n, rows) => n + rows.length, 0));
  });

  it('error refuses a learner that is already here: conflict, nothing written', async () => {
    const b = await machineWithOwnWork();
    const hash = contentHash(b.sqlite);
    const error = await rejectedDalaError(run(b, 'error'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`"${ID}"`);
    expect(contentHash(b.sqlite)).toBe(hash);
    expect(lastImportExists(b.database.dataDir)).toBe(false);
  });

  it('every policy creates a learner that is not here yet', async () => {
    for (const policy of ['merge', 'skip', 'replace', 'error'] as const) {
      const f = await openManager(dirs);
      const report = await run(f, policy);
      expect(report.learners[0]?.outcome).toBe('created');
      expect(readLearnerTransfer(f.sqlite, ID).records.activityAttempts).toHaveLength(2);
    }
  });

  it.each(['merge', 'skip', 'replace'] as const)('a dry run with %s reports what the real run does and writes nothing', async (policy) => {
    const b = await machineWithOwnWork();
    const hash = contentHash(b.sqlite);
    const dry = await run(b, policy, true);
    expect(dry.dryRun).toBe(true);
    expect(dry.snapshotId).toBeNull();
    expect(contentHash(b.sqlite)).toBe(hash);
    expect(lastImportExists(b.database.dataDir)).toBe(false);
    expect(listSnapshots(b.database.dataDir)).toEqual([]);
    const real = await run(b, policy);
    expect(withoutRunFields(dry)).toEqual(withoutRunFields(real));
  });

  it('an attempt uid that belongs to another learner is a conflict, and nothing is written', async () => {
    const b = await openManager(dirs);
    b.manager.createLearnerProfile({ id: 'someone-else', displayName: 'Ben' });
    b.manager.addActivityAttempt({ learnerId: 'someone-else', loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 0.5, completed: true, attemptUid: ATTEMPT_UIDS[2] });
    const hash = contentHash(b.sqlite);
    const error = await rejectedDalaError(run(b, 'merge'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(ATTEMPT_UIDS[2]);
    expect(error.field).toBe('records.activityAttempts[1].attemptUid');
    expect(contentHash(b.sqlite)).toBe(hash);
    expect(lastImportExists(b.database.dataDir)).toBe(false);
  });

  it('several learners are imported all or none: a conflict in the second leaves the first unwritten', async () => {
    const b = await openManager(dirs);
    b.manager.createLearnerProfile({ id: 'owner', displayName: 'Owner' });
    b.manager.addActivityAttempt({ learnerId: 'owner', loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', completed: false, attemptUid: ATTEMPT_UIDS[5] });
    const clashing = sampleTransfer('second');
    clashing.records.activityAttempts[0] = { ...(clashing.records.activityAttempts[0] as LearnerTransfer['records']['activityAttempts'][number]), attemptUid: ATTEMPT_UIDS[5] as string };
    const hash = contentHash(b.sqlite);
    await rejectedDalaError(run(b, 'merge', false, [fileOf(sampleTransfer('first')), fileOf(clashing)]));
    expect(contentHash(b.sqlite)).toBe(hash);
  });
});

describe('a refused import and undo', () => {
  it('a refused import leaves no pre-import snapshot behind', async () => {
    const b = await machineWithOwnWork();
    await rejectedDalaError(run(b, 'error'));
    expect(listSnapshots(b.database.dataDir)).toEqual([]);
  });

  it('refused imports do not rotate away the snapshot that undoes the last real import', async () => {
    const b = await machineWithOwnWork();
    const beforeImport = contentHash(b.sqlite);
    await run(b, 'merge');
    for (let i = 0; i < 5; i++) await rejectedDalaError(run(b, 'error'));
    await undoLastImport(b.sqlite, b.database.dataDir);
    expect(contentHash(b.sqlite)).toBe(beforeImport);
  });
});
