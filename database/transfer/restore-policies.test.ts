import { describe, expect, it } from 'vitest';
import { contentHash, openManager, rejectedDalaError, testClock, useTempDirs } from '../test-support/temp-database';
import { transferJson } from '../test-support/transfer-fixtures';
import { checkBackupView, collectBackupFile, parseBackupFile } from './backup-file';
import { restoreBackup } from './restore';

const dirs = useTempDirs();

/** A backup of Ada (who has Space) and Ben; the target has its own Ada (who has Music) and Cy. */
async function machines() {
  const source = await openManager(dirs, testClock('2026-03-02T09:00:00.000Z'));
  source.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
  source.manager.addInterest({ learnerId: 'ada', interestName: 'Space' });
  source.manager.createLearnerProfile({ id: 'ben', displayName: 'Ben' });
  const full = collectBackupFile(source.sqlite, {}, 'test', '2026-03-03T09:00:00.000Z').content;
  const onlyBen = collectBackupFile(source.sqlite, { learnerIds: ['ben'] }, 'test', '2026-03-03T09:00:00.000Z').content;
  const target = await openManager(dirs, testClock('2026-03-04T09:00:00.000Z'));
  target.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
  target.manager.addInterest({ learnerId: 'ada', interestName: 'Music' });
  target.manager.createLearnerProfile({ id: 'cy', displayName: 'Cy' });
  return { source, target, full, onlyBen };
}

const interestsOf = (t: Awaited<ReturnType<typeof machines>>['target'], id: string) => t.manager.getInterests({ learnerId: id }).map((i) => i.interestName).sort();
const restore = (t: Awaited<ReturnType<typeof machines>>['target'], content: string, options: Partial<Parameters<typeof restoreBackup>[2]> = {}) =>
  restoreBackup(t.database, content, { replace: false, dryRun: false, source: 'b.json', ...options });

describe('restore policies, per learner', () => {
  it('merge (the default) joins both sides', async () => {
    const { target, full } = await machines();
    const report = await restore(target, full);
    expect(interestsOf(target, 'ada')).toEqual(['Music', 'Space']);
    expect(report.learners.map((l) => [l.learnerId, l.outcome])).toEqual([['ada', 'merged'], ['ben', 'created']]);
  });

  it('skip leaves a learner who is here untouched and brings in the others', async () => {
    const { target, full } = await machines();
    const adaBefore = transferJson(target.sqlite, 'ada');
    const report = await restore(target, full, { onConflict: 'skip' });
    expect(transferJson(target.sqlite, 'ada')).toBe(adaBefore);
    expect(report.learners.map((l) => [l.learnerId, l.outcome])).toEqual([['ada', 'skipped'], ['ben', 'created']]);
    expect(target.manager.listLearnerSummaries().map((l) => l.id)).toEqual(['ada', 'ben', 'cy']);
  });

  it('replace makes a learner who is here the backup\'s, and keeps the learners the backup does not have', async () => {
    const { target, full } = await machines();
    await restore(target, full, { onConflict: 'replace' });
    expect(interestsOf(target, 'ada')).toEqual(['Space']);
    expect(target.manager.listLearnerSummaries().map((l) => l.id)).toEqual(['ada', 'ben', 'cy']);
  });

  it('error refuses the whole restore when a learner is here already, and changes nothing', async () => {
    const { target, full } = await machines();
    const before = contentHash(target.sqlite);
    expect((await rejectedDalaError(restore(target, full, { onConflict: 'error' }))).code).toBe('conflict');
    expect(contentHash(target.sqlite)).toBe(before);
  });
});

describe('a filtered backup', () => {
  it('says so when checked', async () => {
    const { full, onlyBen } = await machines();
    expect(checkBackupView(parseBackupFile(onlyBen))).toMatchObject({ filtered: true, filters: { learnerIds: ['ben'] }, accounts: true });
    expect(checkBackupView(parseBackupFile(full))).toMatchObject({ filtered: false });
  });

  it('cannot replace the whole database unless a partial restore is allowed', async () => {
    const { target, onlyBen } = await machines();
    const before = contentHash(target.sqlite);
    const refused = await rejectedDalaError(restore(target, onlyBen, { replace: true }));
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'replace' });
    expect(refused.message).toMatch(/only some learners/);
    expect(contentHash(target.sqlite)).toBe(before);
    await restore(target, onlyBen, { replace: true, allowPartial: true });
    expect(target.manager.listLearnerSummaries().map((l) => l.id)).toEqual(['ben']);
  });
});
