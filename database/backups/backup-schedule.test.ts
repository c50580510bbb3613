import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../electron/common/settings';
import { createJobRunner, type JobRunner } from '../jobs/job-runner';
import { openManager, useTempDirs } from '../test-support/temp-database';
import { listAutomaticBackups } from './automatic-backups';
import { startBackupSchedule, type BackupSchedule } from './backup-schedule';

const dirs = useTempDirs();
const runners: JobRunner[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close();
});

async function scheduled(settings: Partial<Settings> = {}) {
  const fixture = await openManager(dirs);
  const jobs = createJobRunner();
  runners.push(jobs);
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const events: string[] = [];
  const current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const schedule: BackupSchedule = startBackupSchedule({
    sqlite: fixture.sqlite,
    dataDir: fixture.database.dataDir,
    jobs,
    settings: () => current,
    log: (event) => events.push(event),
    now: () => new Date(clock),
  });
  return { ...fixture, schedule, events, current, advanceMinutes: (m: number) => (clock += m * 60_000), folder: path.join(fixture.database.dataDir, 'backups') };
}

describe('automatic backups', () => {
  it('makes nothing while nothing changed, then a checked copy once something did and the interval passed', async () => {
    const t = await scheduled();
    t.advanceMinutes(45);
    await t.schedule.tick();
    expect(listAutomaticBackups(t.folder)).toEqual([]);
    t.manager.createLearnerProfile({ displayName: 'Ada', id: 'ada' });
    t.advanceMinutes(10);
    await t.schedule.tick();
    const [copy] = listAutomaticBackups(t.folder);
    expect(copy).toBeDefined();
    const opened = new Database(copy!.path, { readonly: true });
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(opened.prepare('SELECT id FROM learner_profiles').all()).toEqual([{ id: 'ada' }]);
    opened.close();
    expect(t.schedule.status()).toMatchObject({ enabled: true, intervalMinutes: 30, lastCopy: { id: copy!.id }, lastFailure: null });
    // Not due again until something changes and another interval has passed.
    t.manager.addInterest({ learnerId: 'ada', interestName: 'Space' });
    t.advanceMinutes(5);
    await t.schedule.tick();
    expect(listAutomaticBackups(t.folder)).toHaveLength(1);
    t.advanceMinutes(30);
    await t.schedule.tick();
    expect(listAutomaticBackups(t.folder)).toHaveLength(2);
  });

  it('makes a last copy at close when something changed since the previous one, and none when nothing did', async () => {
    const t = await scheduled();
    t.manager.createLearnerProfile({ displayName: 'Ada', id: 'ada' });
    await t.schedule.close();
    expect(listAutomaticBackups(t.folder)).toHaveLength(1);
    const again = await scheduled();
    await again.schedule.close();
    expect(listAutomaticBackups(again.folder)).toEqual([]);
  });

  it('a folder it cannot reach is a failure shown in the status and logged, never thrown at a save', async () => {
    const t = await scheduled();
    const notAFolder = path.join(t.database.dataDir, 'a-file');
    fs.writeFileSync(notAFolder, 'x');
    t.current.backupFolder = path.join(notAFolder, 'share');
    t.manager.createLearnerProfile({ displayName: 'Ada', id: 'ada' });
    t.advanceMinutes(31);
    await t.schedule.tick();
    expect(t.schedule.status()).toMatchObject({ lastCopy: null, lastFailure: { message: expect.stringMatching(/cannot be reached|could not be written/) } });
    expect(t.events).toContain('automatic-backup-failed');
    await expect(t.schedule.runNow()).rejects.toMatchObject({ code: 'storage' });
    // Once the folder is back, the next copy clears the failure.
    t.current.backupFolder = null;
    await t.schedule.runNow();
    expect(t.schedule.status().lastFailure).toBeNull();
  });

  it('makes none when switched off', async () => {
    const t = await scheduled({ automaticBackups: false });
    t.manager.createLearnerProfile({ displayName: 'Ada', id: 'ada' });
    t.advanceMinutes(60);
    await t.schedule.tick();
    await t.schedule.close();
    expect(listAutomaticBackups(t.folder)).toEqual([]);
  });
});
