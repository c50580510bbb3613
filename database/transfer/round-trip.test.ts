import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { testManager } from '../test-support/channel-caller';
import { APP_VERSION_FOR_TESTS, normalizeRecords, transferArb, transferJson, writeRichProfile, writeTextFile, usingDatabases } from '../test-support/transfer-fixtures';
import { contentHash, openManager, testClock, useTempDirs } from '../test-support/temp-database';
import { canonicalJson } from './canonical-json';
import { buildProfileDocument, exportProfileFile, parseProfileFile, readLearnerTransfer } from './profile-file';
import { importTransfers } from './profile-import';
import { countRecords, RECORD_TABLES } from '../../electron/common/merge/records-schema';

/** Export → import into an empty database gives the same profile, byte for byte in canonical form. */

const dirs = useTempDirs();
/** What `dala learners show --json` prints: the live profile through the persistence manager. */
const liveProfile = (database: Parameters<typeof testManager>[0], learnerId: string) => testManager(database).getFullLearnerProfileData({ learnerId });
const LEARNER = 'zoe-okubo';
const EXPORTED_AT = '2026-03-05T10:00:00.000Z';

function exportToDisk(sqlite: Parameters<typeof exportProfileFile>[0], id: string, exportedAt = EXPORTED_AT): string {
  return writeTextFile(dirs.make(), `${id}.dalaprofile`, exportProfileFile(sqlite, id, APP_VERSION_FOR_TESTS, exportedAt));
}

async function importFile(database: { sqlite: Parameters<typeof exportProfileFile>[0]; dataDir: string }, file: string) {
  return importTransfers(database, [parseProfileFile(fs.readFileSync(file))], { policy: 'merge', dryRun: false, source: path.basename(file) });
}

describe('profile file round trip', () => {
  it('an exported learner imported into an empty database is the same profile, tombstones and details included', async () => {
    const source = await openManager(dirs);
    writeRichProfile(source.manager, LEARNER);
    const before = transferJson(source.sqlite, LEARNER);
    const file = exportToDisk(source.sqlite, LEARNER);

    const target = await dirs.open();
    const report = await importFile(target, file);
    expect(report.learners.map((l) => [l.learnerId, l.outcome])).toEqual([[LEARNER, 'created']]);
    const exported = readLearnerTransfer(source.sqlite, LEARNER);
    const rows = Object.values(countRecords(exported.records)).reduce((a, b) => a + b, 0);
    expect(report.totals).toEqual({ added: rows, updated: 0, unchanged: 0, conflicts: 0, removed: 0 });

    expect(transferJson(target.sqlite, LEARNER)).toBe(before);
    expect(transferJson(source.sqlite, LEARNER)).toBe(before); // exporting wrote nothing
    // The profile really holds every kind of row the test means to carry.
    expect(exported.learner.displayName).toBe('Zoë Ōkubo-李 🦊');
    expect(exported.records.interests.find((i) => i.interestName === 'Animals')?.deletedAt).not.toBeNull();
    expect(exported.records.struggles.find((s) => s.struggleDescription === 'Fractions')?.deletedAt).not.toBeNull();
    expect(exported.records.preferences.find((p) => p.category === 'visual_preference_task_2')?.deletedAt).not.toBeNull();
    expect(exported.records.loProgress.find((p) => p.loId === 'READ_LO_001')?.details).toEqual({ hint: 'lettres', steps: [1, 2] });
    expect(exported.records.loProgress.find((p) => p.loId === 'MATH_LO_001')?.status).toBe('completed');
    expect(exported.records.badges.map((b) => b.badgeId)).toContain('kind_helper');
    expect(exported.records.activityAttempts.filter((a) => a.attemptDetails !== null)).toHaveLength(2);
    expect(exported.records.cognitiveMetrics[0]?.metricDetails).toEqual({ accuracy: 0.75, answers: [1, 2, { note: 'ça va 😀' }], time_ms: 31_250 });
  });

  it('re-exporting the imported learner gives the same canonical payload except exportedAt, and the same bytes for the same time', async () => {
    const source = await openManager(dirs);
    writeRichProfile(source.manager, LEARNER);
    const file = exportToDisk(source.sqlite, LEARNER);
    const target = await dirs.open();
    await importFile(target, file);

    const first = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const second = JSON.parse(exportProfileFile(target.sqlite, LEARNER, APP_VERSION_FOR_TESTS, '2027-01-01T00:00:00.000Z')) as Record<string, unknown>;
    expect(second.exportedAt).toBe('2027-01-01T00:00:00.000Z');
    const payload = ({ exportedAt: _e, checksum: _c, ...rest }: Record<string, unknown>) => canonicalJson(rest);
    expect(payload(second)).toBe(payload(first));
    expect(exportProfileFile(target.sqlite, LEARNER, APP_VERSION_FOR_TESTS, EXPORTED_AT)).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('a second hop (A → B → C) is still the same profile, and the live profile reads the same everywhere', async () => {
    const a = await openManager(dirs);
    writeRichProfile(a.manager, LEARNER);
    const b = await dirs.open();
    await importFile(b, exportToDisk(a.sqlite, LEARNER));
    const c = await dirs.open();
    await importFile(c, exportToDisk(b.sqlite, LEARNER));
    expect(transferJson(c.sqlite, LEARNER)).toBe(transferJson(a.sqlite, LEARNER));
    expect(liveProfile(c, LEARNER)).toEqual(liveProfile(a.database, LEARNER));
  });

  it('badges earned in the same instant are listed in the same order on both machines', async () => {
    // Three completed games on one objective: first_objective, keep_trying and game_player are
    // awarded by one attempt, with one earned date, in definition order.
    const a = await openManager(dirs);
    const learnerId = 'badge-order';
    a.manager.createLearnerProfile({ id: learnerId, displayName: 'Kemi' });
    for (const score of [0.5, 0.6, 0.9]) a.manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_game', activityType: 'game', score, completed: true });
    const b = await dirs.open();
    await importFile(b, exportToDisk(a.sqlite, learnerId));
    const badgesOn = (database: typeof b) => testManager(database).getBadges({ learnerId }).map((x) => x.badgeId);
    expect(new Set(badgesOn(a.database))).toEqual(new Set(['first_objective', 'keep_trying', 'game_player']));
    expect(badgesOn(b)).toEqual(badgesOn(a.database));
    expect(liveProfile(b, learnerId)).toEqual(liveProfile(a.database, learnerId));
  });

  it('generated profiles survive file and SQLite unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(transferArb, async (transfer) => {
        const text = JSON.stringify(buildProfileDocument(transfer, APP_VERSION_FOR_TESTS, EXPORTED_AT), null, 1);
        const parsed = parseProfileFile(Buffer.from(text, 'utf8'));
        expect(canonicalJson(parsed.records)).toBe(canonicalJson(transfer.records));
        const database = await openDatabase({ dataDir: dirs.make() });
        await usingDatabases([database], async () => {
          await importTransfers(database, [parsed], { policy: 'merge', dryRun: false, source: 'prop.dalaprofile' });
          const back = readLearnerTransfer(database.sqlite, transfer.learner.id);
          expect(canonicalJson(back)).toBe(canonicalJson({ learner: transfer.learner, records: normalizeRecords(transfer.records) }));
          for (const t of RECORD_TABLES) expect(back.records[t]).toHaveLength(transfer.records[t].length);
        });
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('exporting changes nothing in the database (content hash)', async () => {
    const source = await openManager(dirs, testClock('2026-03-02T08:00:00.000Z'));
    writeRichProfile(source.manager, LEARNER);
    const hash = contentHash(source.sqlite);
    exportToDisk(source.sqlite, LEARNER);
    expect(contentHash(source.sqlite)).toBe(hash);
  });
});

