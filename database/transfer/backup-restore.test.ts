import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listSnapshots } from '../snapshots';
import { APP_VERSION_FOR_TESTS, lastImportExists, resign, transferJson, writeTextFile } from '../test-support/transfer-fixtures';
import { contentHash, dalaErrorOf, openManager, rejectedDalaError, useTempDirs, type ManagerFixture } from '../test-support/temp-database';
import { collectBackup, parseBackupFile, type BackupFilters } from './backup-file';
import { exportProfileFile, parseProfileFile, readLearnerTransfer } from './profile-file';
import { importTransfers, type ImportReport } from './profile-import';
import { restoreBackup } from './restore';
import { undoLastImport } from './snapshot-restore';

/** Full backups: filters, verification, restore (merge, replace, dry run) and undo. */

const dirs = useTempDirs();
const U = (n: number) => `0000000${n}-0000-4000-8000-000000000000`;
const NOW = '2026-03-09T12:00:00.000Z';

/** ada (2 March, more work 4 March), ben (3 March, removes an interest 4 March), cleo (5 March). */
async function schoolMachine(): Promise<ManagerFixture> {
  const f = await openManager(dirs);
  const { manager: m, clock } = f;
  const attempt = (learnerId: string, uid: number, loId: string, activityId: string) => m.addActivityAttempt({ learnerId, loId, activityId, activityType: 'quiz', score: 0.4, completed: false, attemptUid: U(uid) });
  clock.set('2026-03-02T09:00:00.000Z');
  m.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
  m.addInterest({ learnerId: 'ada', interestName: 'Space' });
  attempt('ada', 1, 'MATH_LO_001', 'math_001_quiz_a');
  clock.set('2026-03-03T09:00:00.000Z');
  m.createLearnerProfile({ id: 'ben', displayName: 'Ben' });
  m.addInterest({ learnerId: 'ben', interestName: 'Music' });
  attempt('ben', 2, 'SCI_LO_001', 'sci_001_quiz_a');
  clock.set('2026-03-04T09:00:00.000Z');
  attempt('ada', 3, 'READ_LO_001', 'read_001_quiz_a');
  m.removeInterest({ learnerId: 'ben', interestName: 'Music' });
  clock.set('2026-03-05T09:00:00.000Z');
  m.createLearnerProfile({ id: 'cleo', displayName: 'Cléo' });
  attempt('cleo', 4, 'MATH_LO_001', 'math_001_quiz_b');
  return f;
}

const backupText = (f: ManagerFixture, filters: BackupFilters = {}) => JSON.stringify(collectBackup(f.sqlite, filters, APP_VERSION_FOR_TESTS, NOW));
const restore = (f: ManagerFixture, bytes: string | Uint8Array, replace: boolean, dryRun = false) => restoreBackup(f.database, bytes, { replace, dryRun, source: 'school.dalabackup' });
const ids = (f: ManagerFixture) => (f.sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
const reportCounts = ({ dryRun: _d, snapshotId: _s, ...rest }: ImportReport) => rest;

/** Another machine: its own learner dana, and ada with other work. */
async function otherMachine(): Promise<ManagerFixture> {
  const f = await openManager(dirs);
  f.clock.set('2026-03-06T09:00:00.000Z');
  f.manager.createLearnerProfile({ id: 'dana', displayName: 'Dana' });
  f.manager.addInterest({ learnerId: 'dana', interestName: 'Horses' });
  f.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada L.' });
  f.manager.addInterest({ learnerId: 'ada', interestName: 'Robots' });
  f.manager.addActivityAttempt({ learnerId: 'ada', loId: 'SCI_LO_001', activityId: 'sci_001_game', activityType: 'game', completed: true, score: 1, attemptUid: U(9) });
  return f;
}

describe('collectBackup filters', () => {
  it('without filters holds every learner with all rows, tombstones included, and counts them', async () => {
    const src = await schoolMachine();
    const backup = parseBackupFile(backupText(src));
    expect(backup.learners.map((l) => l.learner.id)).toEqual(['ada', 'ben', 'cleo']);
    expect(backup.metadata.learners).toBe(3);
    expect(backup.metadata.counts.activityAttempts).toBe(4);
    expect(backup.learners[1]?.records.interests).toEqual([{ interestName: 'Music', timestamp: expect.stringMatching(/^2026-03-04/), deletedAt: expect.stringMatching(/^2026-03-04/) }]);
    for (const l of backup.learners) expect(JSON.stringify(l)).toBe(JSON.stringify(readLearnerTransfer(src.sqlite, l.learner.id)));
  });

  it('by learner ids holds exactly those learners', async () => {
    const src = await schoolMachine();
    const backup = parseBackupFile(backupText(src, { learnerIds: ['ben'] }));
    expect(backup.learners.map((l) => l.learner.id)).toEqual(['ben']);
    expect(backup.metadata.counts.activityAttempts).toBe(1);
    expect(backup.filters).toEqual({ learnerIds: ['ben'] });
    expect(dalaErrorOf(() => collectBackup(src.sqlite, { learnerIds: ['nobody'] }, APP_VERSION_FOR_TESTS, NOW)).message).toContain('"nobody"');
  });

  it('by date range holds the learners that existed by then and the rows whose time is in the range', async () => {
    const src = await schoolMachine();
    const backup = parseBackupFile(backupText(src, { since: '2026-03-03T00:00:00.000Z', until: '2026-03-04T23:59:59.999Z' }));
    const byId = new Map(backup.learners.map((l) => [l.learner.id, l.records]));
    expect([...byId.keys()]).toEqual(['ada', 'ben']);
    expect(byId.get('ada')?.activityAttempts.map((a) => a.attemptUid)).toEqual([U(3)]);
    expect(byId.get('ada')?.interests).toEqual([]);
    expect(byId.get('ada')?.loProgress.map((p) => p.loId)).toEqual(['READ_LO_001']);
    expect(byId.get('ben')?.activityAttempts.map((a) => a.attemptUid)).toEqual([U(2)]);
    expect(byId.get('ben')?.interests.map((i) => [i.interestName, i.deletedAt !== null])).toEqual([['Music', true]]);
    expect(backup.metadata.counts.activityAttempts).toBe(2);
    const since5 = parseBackupFile(backupText(src, { since: '2026-03-05T00:00:00.000Z' }));
    expect(since5.learners.flatMap((l) => l.records.activityAttempts.map((a) => a.attemptUid))).toEqual([U(4)]);
  });

  it('naming a learner twice still makes a backup that verifies', async () => {
    const src = await schoolMachine();
    const backup = parseBackupFile(backupText(src, { learnerIds: ['ada', 'ada'] }));
    expect(backup.learners.map((l) => l.learner.id)).toEqual(['ada']);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed file edited field by field to forge malformed ones
type Doc = Record<string, any>;

describe('parseBackupFile (backup verify)', () => {
  const tampered = async (change: (d: Doc) => void, sign: boolean) => {
    const d = JSON.parse(backupText(await schoolMachine())) as Doc;
    change(d);
    return dalaErrorOf(() => parseBackupFile(JSON.stringify(sign ? resign(d) : d))).message;
  };

  it('refuses a changed value (checksum), wrong counts, duplicate learners and a newer version, each with its own message', async () => {
    expect(await tampered((d) => (d.learners[0].learner.displayName = 'Eve'), false)).toContain('checksum does not match');
    expect(await tampered((d) => (d.metadata.counts.activityAttempts = 7), true)).toBe('The backup file says it has 7 activityAttempts but holds 4. (at metadata.counts.activityAttempts)');
    expect(await tampered((d) => (d.metadata.learners = 5), true)).toBe('The backup file says it has 5 learners but holds 3. (at metadata.learners)');
    expect(await tampered((d) => (d.learners[2] = d.learners[0]), true)).toContain('duplicate learner "ada" (at learners[2].learner.id)');
    expect(await tampered((d) => (d.formatVersion = 3), true)).toContain('newer version of DALA (format version 3)');
    expect(await tampered((d) => (d.learners[1].records.activityAttempts[0].score = 2), true)).toContain('(at learners[1].records.activityAttempts[0].score)');
    expect(await tampered((d) => (d.format = 'dala-learner-profile'), true)).toContain('is not a DALA backup file');
  });
});

describe('attempt uids are global (one UNIQUE index over all learners)', () => {
  it('verify refuses a backup in which two learners share an attempt uid (the restore could only fail)', async () => {
    const d = JSON.parse(backupText(await schoolMachine())) as Doc;
    d.learners[1].records.activityAttempts[0].attemptUid = U(1); // ada's attempt, now under ben too
    const error = dalaErrorOf(() => parseBackupFile(JSON.stringify(resign(d))));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(U(1));
    expect(error.message).toContain('learners[1].records.activityAttempts[0].attemptUid');
  });

  it('replace restores a backup even when one of its attempt uids belongs, here, to a learner the replace removes', async () => {
    const src = await schoolMachine();
    const target = await openManager(dirs);
    target.manager.createLearnerProfile({ id: 'old-ada', displayName: 'Ada (old id)' });
    target.manager.addActivityAttempt({ learnerId: 'old-ada', loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 0.4, completed: false, attemptUid: U(1) });
    const dry = await restore(target, backupText(src), true, true);
    expect(dry.learnersRemoved).toBe(1);
    await restore(target, backupText(src), true);
    expect(ids(target)).toEqual(['ada', 'ben', 'cleo']);
    expect(transferJson(target.sqlite, 'ada')).toBe(transferJson(src.sqlite, 'ada'));
  });
});

describe('restoreBackup', () => {
  it('merges into a database with other work and keeps both', async () => {
    const src = await schoolMachine();
    const target = await otherMachine();
    const dana = transferJson(target.sqlite, 'dana');
    const report = await restore(target, backupText(src), false);
    expect(report.learnersRemoved).toBe(0);
    expect(ids(target)).toEqual(['ada', 'ben', 'cleo', 'dana']);
    expect(transferJson(target.sqlite, 'dana')).toBe(dana);
    expect(transferJson(target.sqlite, 'ben')).toBe(transferJson(src.sqlite, 'ben'));
    const ada = readLearnerTransfer(target.sqlite, 'ada').records;
    expect(ada.activityAttempts.map((a) => a.attemptUid).sort()).toEqual([U(1), U(3), U(9)]);
    expect(ada.interests.map((i) => i.interestName).sort()).toEqual(['Robots', 'Space']);
    expect(report.learners.map((l) => l.outcome)).toEqual(['merged', 'created', 'created']);
  });

  it('with replace leaves exactly the backup\'s learners, each exactly as backed up', async () => {
    const src = await schoolMachine();
    const target = await otherMachine();
    const report = await restore(target, backupText(src), true);
    expect(ids(target)).toEqual(['ada', 'ben', 'cleo']);
    for (const id of ['ada', 'ben', 'cleo']) expect(transferJson(target.sqlite, id)).toBe(transferJson(src.sqlite, id));
    expect(report.learnersRemoved).toBe(1);
  });

  it.each([false, true])('a dry run (replace=%s) reports the real run\'s counts and writes nothing', async (replace) => {
    const src = await schoolMachine();
    const target = await otherMachine();
    const hash = contentHash(target.sqlite);
    const dry = await restore(target, backupText(src), replace, true);
    expect(contentHash(target.sqlite)).toBe(hash);
    expect(lastImportExists(target.database.dataDir)).toBe(false);
    expect(listSnapshots(target.database.dataDir)).toEqual([]);
    expect(reportCounts(dry)).toEqual(reportCounts(await restore(target, backupText(src), replace)));
  });

  it('refuses a damaged backup before writing anything', async () => {
    const target = await otherMachine();
    const hash = contentHash(target.sqlite);
    const text = backupText(await schoolMachine()).replace('"Cléo"', '"Cleo"');
    expect((await rejectedDalaError(restore(target, text, true))).message).toContain('checksum does not match');
    expect(contentHash(target.sqlite)).toBe(hash);
    expect(listSnapshots(target.database.dataDir)).toEqual([]);
  });
});

describe('undo last import', () => {
  it.each([false, true])('after a restore (replace=%s) puts the content hash back exactly', async (replace) => {
    const src = await schoolMachine();
    const target = await otherMachine();
    const before = contentHash(target.sqlite);
    const file = writeTextFile(dirs.make(), 'school.dalabackup', backupText(src));
    await restore(target, fs.readFileSync(file), replace);
    expect(contentHash(target.sqlite)).not.toBe(before);
    const undone = await undoLastImport(target.sqlite, target.database.dataDir);
    expect(undone.source).toBe('school.dalabackup');
    expect(contentHash(target.sqlite)).toBe(before);
    expect(lastImportExists(target.database.dataDir)).toBe(false);
  });

  it('after a profile import puts the content hash back exactly', async () => {
    const src = await schoolMachine();
    const target = await otherMachine();
    const before = contentHash(target.sqlite);
    const profile = parseProfileFile(exportProfileFile(src.sqlite, 'ada', APP_VERSION_FOR_TESTS, NOW));
    const report = await importTransfers(target.database, [profile], { policy: 'merge', dryRun: false, source: 'ada.dalaprofile' });
    expect(report.snapshotId).not.toBeNull();
    expect(contentHash(target.sqlite)).not.toBe(before);
    await undoLastImport(target.sqlite, target.database.dataDir);
    expect(contentHash(target.sqlite)).toBe(before);
  });

  it('with nothing to undo is not_found, and a second undo after the first is too', async () => {
    const target = await otherMachine();
    expect((await rejectedDalaError(undoLastImport(target.sqlite, target.database.dataDir))).code).toBe('not_found');
    await restore(target, backupText(await schoolMachine()), false);
    await undoLastImport(target.sqlite, target.database.dataDir);
    expect((await rejectedDalaError(undoLastImport(target.sqlite, target.database.dataDir))).code).toBe('not_found');
  });
});
