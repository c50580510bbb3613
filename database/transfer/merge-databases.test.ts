import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DalaError } from '../../electron/common/errors';
import { openDatabase, type OpenedDatabase } from '../open';
import { testManager, type ProfileChannelCaller } from '../test-support/channel-caller';
import { APP_VERSION_FOR_TESTS, lastImportExists, transferJson, usingDatabases } from '../test-support/transfer-fixtures';
import { contentHash, testClock, useTempDirs } from '../test-support/temp-database';
import { exportProfileFile, parseProfileFile } from './profile-file';
import { importTransfers, type ImportReport } from './profile-import';

/**
 * The merge laws on real databases: two machines with the same learner and different work
 * exchange profile files and end with the same profile; importing a file twice changes nothing.
 */

const dirs = useTempDirs();
const learnerId = 'kid-1';

type Op =
  | { kind: 'interest' | 'removeInterest'; name: string }
  | { kind: 'struggle' | 'removeStruggle'; name: string }
  | { kind: 'preference'; category: string; value: string }
  | { kind: 'removePreference'; category: string }
  | { kind: 'metric'; task: string; accuracy: number }
  | { kind: 'progress'; loId: string; status: 'not_started' | 'in_progress' | 'completed'; score: number | undefined }
  | { kind: 'attempt'; loId: string; game: boolean; score: number | undefined; completed: boolean; uid: string }
  | { kind: 'badge'; badgeId: string };

const LOS = ['MATH_LO_001', 'MATH_LO_002', 'READ_LO_001'];
const name = fc.constantFrom('Space', 'Animals', 'Dinosaurs 🦖');
const category = fc.constantFrom('visual_preference_task_1', 'visual_preference_task_2');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('interest' as const, 'removeInterest' as const), name }),
  fc.record({ kind: fc.constantFrom('struggle' as const, 'removeStruggle' as const), name: fc.constantFrom('Fractions', 'Long words') }),
  fc.record({ kind: fc.constant('preference' as const), category, value: fc.constantFrom('visual', 'auditory') }),
  fc.record({ kind: fc.constant('removePreference' as const), category }),
  fc.record({ kind: fc.constant('metric' as const), task: fc.constantFrom('memory_span', 'story_sequencing'), accuracy: fc.constantFrom(0.5, 0.9) }),
  fc.record({ kind: fc.constant('progress' as const), loId: fc.constantFrom(...LOS), status: fc.constantFrom('not_started' as const, 'in_progress' as const, 'completed' as const), score: fc.option(fc.constantFrom(0.2, 0.7, 1), { nil: undefined }) }),
  fc.record({ kind: fc.constant('attempt' as const), loId: fc.constantFrom(...LOS), game: fc.boolean(), score: fc.option(fc.constantFrom(0.3, 0.85, 1), { nil: undefined }), completed: fc.boolean(), uid: fc.uuid({ version: 4 }) }),
  fc.record({ kind: fc.constant('badge' as const), badgeId: fc.constantFrom('kind_helper', 'star_reader') }),
);

function apply(manager: ProfileChannelCaller, op: Op): void {
  try {
    switch (op.kind) {
      case 'interest': manager.addInterest({ learnerId, interestName: op.name }); break;
      case 'removeInterest': manager.removeInterest({ learnerId, interestName: op.name }); break;
      case 'struggle': manager.addStruggle({ learnerId, struggleDescription: op.name }); break;
      case 'removeStruggle': manager.removeStruggle({ learnerId, struggleDescription: op.name }); break;
      case 'preference': manager.addOrUpdatePreference({ learnerId, category: op.category, value: op.value }); break;
      case 'removePreference': manager.removePreference({ learnerId, category: op.category }); break;
      case 'metric': manager.addOrUpdateCognitiveMetric({ learnerId, taskName: op.task, metricDetails: { accuracy: op.accuracy } }); break;
      case 'progress': manager.addOrUpdateLoProgress({ learnerId, loId: op.loId, status: op.status, score: op.score, details: { via: 'progress' } }); break;
      case 'attempt': {
        const n = op.loId.replace(/\D+/g, '').slice(-3);
        const subject = op.loId.split('_')[0]?.toLowerCase();
        manager.addActivityAttempt({ learnerId, loId: op.loId, activityId: `${subject}_${n}_${op.game ? 'game' : 'quiz_a'}`, activityType: op.game ? 'game' : 'quiz', score: op.score, completed: op.completed, attemptUid: op.uid });
        break;
      }
      case 'badge': manager.addBadgeRecord({ learnerId, badgeId: op.badgeId, badgeName: op.badgeId === 'kind_helper' ? 'Kind helper' : 'Star reader' }); break;
    }
  } catch (error) {
    if (!(error instanceof DalaError) || (error.code !== 'not_found' && error.code !== 'conflict')) throw error;
  }
}

const merge = (database: OpenedDatabase, text: string): Promise<ImportReport> =>
  importTransfers(database, [parseProfileFile(Buffer.from(text))], { policy: 'merge', dryRun: false, source: 'other.dalaprofile' });
const exportOf = (database: OpenedDatabase) => exportProfileFile(database.sqlite, learnerId, APP_VERSION_FOR_TESTS, '2026-03-09T12:00:00.000Z');
const live = (database: OpenedDatabase) => testManager(database).getFullLearnerProfileData({ learnerId });

/** Machine A creates the learner (with some work); machine B gets it by a profile file. */
async function twoMachines(shared: Op[]): Promise<{ a: OpenedDatabase; b: OpenedDatabase; onA: ProfileChannelCaller; onB: ProfileChannelCaller }> {
  const a = await openDatabase({ dataDir: dirs.make() });
  const b = await openDatabase({ dataDir: dirs.make() });
  // Clocks that never meet: A writes on even seconds, B on odd ones.
  const onA = testManager(a, testClock('2026-03-02T09:00:00.000Z', 2_000));
  const onB = testManager(b, testClock('2026-03-02T09:30:01.000Z', 2_000));
  onA.createLearnerProfile({ id: learnerId, displayName: 'Amara 🌟' });
  for (const op of shared) apply(onA, op);
  await merge(b, exportOf(a));
  return { a, b, onA, onB };
}

const sideOps = fc.array(opArb, { maxLength: 12 });

describe('merging two real databases (fast-check, fewer runs)', () => {
  it('A into B and B into A give the same profile on both machines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 5 }), sideOps, sideOps, async (shared, workA, workB) => {
        const { a, b, onA, onB } = await twoMachines(shared);
        await usingDatabases([a, b], async () => {
          for (const op of workA) apply(onA, op);
          for (const op of workB) apply(onB, op);
          const fromA = exportOf(a);
          const fromB = exportOf(b);
          await merge(b, fromA);
          await merge(a, fromB);
          expect(transferJson(b.sqlite, learnerId)).toBe(transferJson(a.sqlite, learnerId));
          expect(live(b)).toEqual(live(a));
          // Nothing either machine had is lost: every attempt of both sides is there once.
          const uids = live(a).activityAttempts.map((x) => x.attemptUid);
          expect(new Set(uids).size).toBe(uids.length);
          const recorded = new Set([...workA, ...workB, ...shared].flatMap((op) => (op.kind === 'attempt' ? [op.uid] : [])));
          for (const uid of uids) expect(recorded.has(uid)).toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('importing the same file twice changes nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 5 }), sideOps, sideOps, async (shared, workA, workB) => {
        const { a, b, onA, onB } = await twoMachines(shared);
        await usingDatabases([a, b], async () => {
          for (const op of workA) apply(onA, op);
          for (const op of workB) apply(onB, op);
          const fromA = exportOf(a);
          await merge(b, fromA);
          const hash = contentHash(b.sqlite);
          const again = await merge(b, fromA);
          expect(again.totals.added).toBe(0);
          expect(again.totals.updated).toBe(0);
          expect(again.learners.map((l) => l.outcome)).toEqual(['unchanged']);
          expect(contentHash(b.sqlite)).toBe(hash);
          expect(lastImportExists(b.dataDir)).toBe(true);
        });
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('a later removal on one machine is not undone by the other machine\'s older file', async () => {
    const { a, b, onA } = await twoMachines([{ kind: 'interest', name: 'Space' }]);
    await usingDatabases([a, b], async () => {
      const olderFromB = exportOf(b); // still has Space, live
      onA.removeInterest({ learnerId, interestName: 'Space' });
      await merge(a, olderFromB);
      expect(live(a).interests.map((i) => i.interestName)).not.toContain('Space');
      await merge(b, exportOf(a));
      expect(live(b).interests.map((i) => i.interestName)).not.toContain('Space');
    });
  });
});
