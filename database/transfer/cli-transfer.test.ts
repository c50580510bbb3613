import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { testManager, type ProfileChannelCaller } from '../test-support/channel-caller';
import { lastImportExists, withRawSqlite, writeTextFile } from '../test-support/transfer-fixtures';
import { contentHash, runDala, testClock, useTempDirs, type DalaRun } from '../test-support/temp-database';

/** The educator's path through the real `dala` CLI (spawned), one data folder per machine. */

const dirs = useTempDirs();
const ID = 'zoe-okubo';

const dala = (dataDir: string, ...args: string[]): DalaRun => runDala(['--data-dir', dataDir, ...args]);
function ok(run: DalaRun): string {
  expect(run.stderr.replace(/\r?[a-z ]+: \d+\/\d+ learners(?: \(\d+ skipped\))?\n?/g, ''), run.stdout).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}
function failsWithOneLine(run: DalaRun): string {
  expect(run.status).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^dala: /);
  return lines[0] as string;
}
/** Work done on one machine between CLI calls, with that machine's own clock. */
async function workOn(dataDir: string, clockStart: string, work: (m: ProfileChannelCaller) => void): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    work(testManager(database, testClock(clockStart, 2_000)));
  } finally {
    database.close();
  }
}
const hashOf = (dataDir: string) => withRawSqlite(dataDir, contentHash);
const attempt = (m: ProfileChannelCaller, loId: string, activityId: string, score: number) =>
  m.addActivityAttempt({ learnerId: ID, loId, activityId, activityType: activityId.endsWith('game') ? 'game' : 'quiz', score, completed: true });

describe('dala export / import / learners show: one learner moved between two machines and back', () => {
  it('ends with one profile holding the work of both sides, equal on both machines', async () => {
    const lab = dirs.make();
    const home = dirs.make();
    const files = dirs.make();
    ok(dala(lab, 'learners', 'create', '--name', 'Zoë Ōkubo 🦊', '--id', ID));
    await workOn(lab, '2026-03-02T09:00:00.000Z', (m) => {
      m.addInterest({ learnerId: ID, interestName: 'Space' });
      m.addInterest({ learnerId: ID, interestName: 'Robots' });
      attempt(m, 'MATH_LO_001', 'math_001_quiz_a', 0.5);
    });
    const first = path.join(files, 'zoe-1.dalaprofile');
    expect(ok(dala(lab, 'export', ID, '--out', first))).toBe(`Exported learner ${ID} to ${first}.\n`);
    expect(ok(dala(home, 'import', first))).toMatch(/^Zoë Ōkubo 🦊 \(zoe-okubo\): created; \d+ new, 0 updated, 0 conflicts\n/);

    // Work on both sides: at home a removal and new attempts; in the lab an objective completed.
    await workOn(home, '2026-03-03T18:00:01.000Z', (m) => {
      m.removeInterest({ learnerId: ID, interestName: 'Robots' });
      m.addInterest({ learnerId: ID, interestName: 'Dinosaurs 🦖' });
      attempt(m, 'READ_LO_001', 'read_001_quiz_a', 0.6);
      m.addOrUpdatePreference({ learnerId: ID, category: 'visual_preference_task_1', value: 'auditory' });
    });
    await workOn(lab, '2026-03-04T09:00:00.000Z', (m) => {
      attempt(m, 'MATH_LO_001', 'math_001_quiz_b', 0.9);
      m.addOrUpdatePreference({ learnerId: ID, category: 'visual_preference_task_1', value: 'visual' });
    });

    const fromLab = path.join(files, 'zoe-lab.dalaprofile');
    const fromHome = path.join(files, 'zoe-home.dalaprofile');
    ok(dala(lab, 'export', ID, '--out', fromLab));
    ok(dala(home, 'export', ID, '--out', fromHome));
    const intoHome = JSON.parse(ok(dala(home, 'import', fromLab, '--json'))) as { totals: { added: number; updated: number } };
    expect(intoHome.totals.added).toBeGreaterThan(0);
    ok(dala(lab, 'import', fromHome));

    const showLab = JSON.parse(ok(dala(lab, 'learners', 'show', ID, '--json'))) as Record<string, Array<Record<string, unknown>>>;
    const showHome = JSON.parse(ok(dala(home, 'learners', 'show', ID, '--json'))) as Record<string, Array<Record<string, unknown>>>;
    expect(showHome).toEqual(showLab);
    expect(showLab.interests?.map((i) => i.interestName).sort()).toEqual(['Dinosaurs 🦖', 'Space']);
    expect(showLab.activityAttempts).toHaveLength(3);
    expect(showLab.loProgress?.find((p) => p.loId === 'MATH_LO_001')?.status).toBe('completed');
    expect(showLab.preferences?.find((p) => p.category === 'visual_preference_task_1')?.value).toBe('visual');

    // The same file again: nothing new, nothing changed.
    const hash = hashOf(home);
    const again = JSON.parse(ok(dala(home, 'import', fromLab, '--json'))) as { totals: { added: number; updated: number }; summary: string };
    expect([again.totals.added, again.totals.updated]).toEqual([0, 0]);
    expect(hashOf(home)).toBe(hash);
  }, 90_000);

  it('import --dry-run reports and writes nothing; --on-conflict error refuses; a bad file names the JSON path', async () => {
    const lab = dirs.make();
    const other = dirs.make();
    const file = path.join(dirs.make(), 'zoe.dalaprofile');
    ok(dala(lab, 'learners', 'create', '--name', 'Zoë', '--id', ID));
    await workOn(lab, '2026-03-02T09:00:00.000Z', (m) => attempt(m, 'MATH_LO_001', 'math_001_quiz_a', 0.5));
    ok(dala(lab, 'export', ID, '--out', file));
    ok(dala(other, 'learners', 'create', '--name', 'Zoë elsewhere', '--id', ID));
    const hash = hashOf(other);
    expect(ok(dala(other, 'import', file, '--dry-run'))).toMatch(/Dry run, nothing written: would be \d+ new, \d+ updated, \d+ conflicts?\.\n$/);
    expect(hashOf(other)).toBe(hash);
    expect(lastImportExists(other)).toBe(false);
    expect(failsWithOneLine(dala(other, 'import', file, '--on-conflict', 'error'))).toContain(`A learner with id "${ID}"`);
    expect(hashOf(other)).toBe(hash);

    const bad = JSON.parse(fs.readFileSync(file, 'utf8')) as { records: { activityAttempts: Array<{ score: number }> } };
    (bad.records.activityAttempts[0] as { score: number }).score = 1.5;
    const badFile = writeTextFile(dirs.make(), 'bad.dalaprofile', JSON.stringify(bad));
    expect(failsWithOneLine(dala(other, 'import', badFile))).toBe('dala: The profile file has a wrong value: must be between 0 and 1 (at records.activityAttempts[0].score)');
    expect(failsWithOneLine(dala(other, 'import', path.join(dirs.make(), 'missing.dalaprofile')))).toContain('there is no such file');
    expect(hashOf(other)).toBe(hash);
  }, 90_000);
});

describe('dala backup / verify / restore / undo-import / snapshot', () => {
  it('backs up, verifies, restores (dry run, merge, replace), undoes and works with snapshots', async () => {
    const school = dirs.make();
    const target = dirs.make();
    const backup = path.join(dirs.make(), 'school.dalabackup');
    ok(dala(school, 'seed', '--learners', '3', '--attempts', '4', '--seed', '5'));
    expect(ok(dala(school, 'backup', '--out', backup))).toMatch(/^Backed up 3 learner\(s\) and \d+ record\(s\) to .*school\.dalabackup\.\n$/);
    expect(ok(dala(school, 'backup', 'verify', backup))).toContain('is a valid DALA backup');
    expect(JSON.parse(ok(dala(school, 'backup', 'verify', backup, '--json')))).toMatchObject({ valid: true, learners: 3 });

    ok(dala(target, 'learners', 'create', '--name', 'Dana', '--id', 'dana'));
    const before = hashOf(target);
    expect(ok(dala(target, 'restore', backup, '--dry-run'))).toMatch(/Dry run, nothing written: would be \d+ new, 0 updated, 0 conflicts\.\n$/);
    expect(hashOf(target)).toBe(before);
    expect(fs.existsSync(path.join(target, 'snapshots'))).toBe(false);

    expect(ok(dala(target, 'restore', backup))).toContain('To undo: dala undo-import');
    const learners = () => (JSON.parse(ok(dala(target, 'learners', 'list', '--json'))) as Array<{ id: string }>).map((l) => l.id).sort();
    expect(learners()).toHaveLength(4);
    expect(ok(dala(target, 'undo-import'))).toMatch(/^Undid the import of school\.dalabackup from /);
    expect(hashOf(target)).toBe(before);
    expect(failsWithOneLine(dala(target, 'undo-import'))).toBe('dala: There is no import to undo.');

    const created = /^Created snapshot (\S+)\.\n$/.exec(ok(dala(target, 'snapshot', 'create')))?.[1] as string;
    expect((JSON.parse(ok(dala(target, 'snapshot', 'list', '--json'))) as Array<{ id: string; reason: string }>).find((s) => s.id === created)?.reason).toBe('manual');
    expect(ok(dala(target, 'restore', backup, '--replace'))).toContain('1 learner(s) not in the backup were removed.');
    const schoolIds = (JSON.parse(ok(dala(school, 'learners', 'list', '--json'))) as Array<{ id: string }>).map((l) => l.id).sort();
    expect(learners()).toEqual(schoolIds);
    expect(ok(dala(target, 'snapshot', 'restore', created))).toMatch(/^Restored snapshot .* The state before was kept as snapshot \S+\.\n$/);
    expect(hashOf(target)).toBe(before);
    expect(failsWithOneLine(dala(target, 'snapshot', 'restore', 'no-such-snapshot'))).toContain('There is no snapshot "no-such-snapshot"');

    const tampered = fs.readFileSync(backup, 'utf8').replace(/"displayName":"([^"]+)"/, '"displayName":"$1x"');
    const tamperedFile = writeTextFile(dirs.make(), 'tampered.dalabackup', tampered);
    expect(failsWithOneLine(dala(target, 'backup', 'verify', tamperedFile))).toContain('checksum does not match). (at checksum.value)');
    expect(failsWithOneLine(dala(target, 'restore', tamperedFile, '--replace'))).toContain('(at checksum.value)');
    expect(hashOf(target)).toBe(before);
  }, 90_000);
});
