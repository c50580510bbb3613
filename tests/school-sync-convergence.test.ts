import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDalaError } from '../electron/common/errors';
import type { SyncChange } from '../electron/common/sync/hub-protocol';
import { startHubServer, type RunningHub } from '../hub/server/hub-server';
import { useHubCluster } from '../hub/test-support/hub-fixture';
import { mergeOfAllChanges, openLabMachine, queuedChanges, type LabMachine } from './support/sync-machines';

/**
 * The school hub's promise, as a property: machines doing random work on shared learners, syncing
 * on random schedules (one of them offline for most of the run, some pushes losing their answer
 * after the hub committed them) all end with the same profiles, and those are exactly the merge
 * with the profile-file laws of everything any machine ever wrote. A real PostgreSQL, a real hub
 * over HTTP, real SQLite files.
 */

const hub = useHubCluster();
let server: RunningHub;
beforeAll(async () => {
  server = await startHubServer({ store: hub.store, port: 0 });
});
afterAll(async () => {
  await server?.close();
});

const INTERESTS = ['space', 'dinosaurs', 'music'];
const CATEGORIES = ['reading-pace', 'hint-style'];
const LOS = ['lo-fractions', 'lo-reading'];
const BADGES = ['first-steps', 'star'];

type Work =
  | { kind: 'create' }
  | { kind: 'interest'; learner: number; name: number; remove: boolean }
  | { kind: 'preference'; learner: number; category: number; value: number }
  | { kind: 'progress'; learner: number; lo: number; status: 'in_progress' | 'completed'; score: number | null; note: number | null }
  | { kind: 'attempt'; learner: number; lo: number; score: number }
  | { kind: 'badge'; learner: number; badge: number }
  | { kind: 'metric'; learner: number; value: number }
  | { kind: 'delete'; learner: number }
  | { kind: 'sync'; loseAck: boolean };

const pick = fc.nat({ max: 3 });
const work: fc.Arbitrary<Work> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'create' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('interest' as const), learner: pick, name: fc.nat({ max: 2 }), remove: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('preference' as const), learner: pick, category: fc.nat({ max: 1 }), value: fc.nat({ max: 3 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('progress' as const),
      learner: pick,
      lo: fc.nat({ max: 1 }),
      status: fc.constantFrom('in_progress' as const, 'completed' as const),
      score: fc.option(fc.constantFrom(0.25, 0.5, 1), { nil: null }),
      note: fc.option(fc.nat({ max: 2 }), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('attempt' as const), learner: pick, lo: fc.nat({ max: 1 }), score: fc.constantFrom(0, 0.5, 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('badge' as const), learner: pick, badge: fc.nat({ max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('metric' as const), learner: pick, value: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), learner: pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), loseAck: fc.boolean() }) },
);
const schedule = fc.array(fc.tuple(fc.nat({ max: 2 }), work), { minLength: 20, maxLength: 70 });

/** Applies one piece of work on a machine, to a learner it has (by index into its own list). */
async function perform(machine: LabMachine, step: Work, nextId: () => string): Promise<void> {
  const learners = (machine.database.sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  const learnerId = 'learner' in step ? learners[step.learner % Math.max(1, learners.length)] : undefined;
  const { manager } = machine;
  switch (step.kind) {
    case 'create': {
      const id = nextId();
      manager.createLearnerProfile({ id, displayName: `Pupil ${id}` });
      return;
    }
    case 'sync':
      await machine.sync({ loseAck: step.loseAck });
      return;
  }
  if (learnerId === undefined) return;
  switch (step.kind) {
    case 'interest':
      if (step.remove) manager.removeInterest({ learnerId, interestName: INTERESTS[step.name]! });
      else manager.addInterest({ learnerId, interestName: INTERESTS[step.name]! });
      return;
    case 'preference':
      manager.addOrUpdatePreference({ learnerId, category: CATEGORIES[step.category]!, value: `choice-${step.value}` });
      return;
    case 'progress':
      manager.addOrUpdateLoProgress({
        learnerId,
        loId: LOS[step.lo]!,
        status: step.status,
        ...(step.score === null ? {} : { score: step.score }),
        ...(step.note === null ? {} : { details: { note: `try ${step.note}` } }),
      });
      return;
    case 'attempt':
      manager.addActivityAttempt({ learnerId, loId: LOS[step.lo]!, activityId: 'quiz-1', activityType: 'quiz', score: step.score, completed: step.score > 0 });
      return;
    case 'badge':
      manager.addBadgeRecord({ learnerId, badgeId: BADGES[step.badge]!, badgeName: 'A badge' });
      return;
    case 'metric':
      manager.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory-match', metricDetails: { level: step.value } });
      return;
    case 'delete':
      manager.deleteLearnerProfile({ learnerId });
      return;
  }
}

describe('school hub: machines converge', () => {
  it(
    'three machines (one offline most of the time) end identical, equal to the merge of every change',
    async () => {
      let runNo = 0;
      await fc.assert(
        fc.asyncProperty(schedule, async (steps) => {
          runNo += 1;
          const school = await hub.newSchool(`Convergence ${runNo}`);
          const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-sync-prop-'));
          const machines: LabMachine[] = [];
          try {
            for (const name of ['lab-a', 'lab-b', 'lab-c']) machines.push(await openLabMachine(path.join(root, name), name, server.url, school.enrolmentCode));
            const everything = new Map<string, SyncChange>();
            const collect = () => {
              for (const m of machines) for (const [opId, change] of queuedChanges(m.database.sqlite)) everything.set(opId, change);
            };
            let counter = 0;
            const nextId = () => `p${runNo}-${++counter}`;
            // Two shared learners everyone has before lab-c goes offline; more are made on the way.
            await perform(machines[0]!, { kind: 'create' }, nextId);
            await perform(machines[0]!, { kind: 'create' }, nextId);
            collect();
            for (const m of machines) await m.sync();
            for (const [index, step] of steps) {
              // lab-c is the machine that stays offline: it syncs only at the end.
              if (index === 2 && step.kind === 'sync') continue;
              try {
                await perform(machines[index]!, step, nextId);
              } catch (error) {
                // Refused work (removing an interest the learner does not have) changes nothing.
                if (!isDalaError(error)) throw error;
              }
              collect();
            }
            // Everyone back on the network: two rounds bring every change everywhere.
            for (let round = 0; round < 2; round++) {
              for (const m of machines) {
                collect();
                const run = await m.sync();
                expect(run.state).toBe('up_to_date');
              }
            }
            const expected = mergeOfAllChanges(everything.values());
            for (const m of machines) expect(m.profiles(), m.name).toEqual(expected);
            for (const m of machines) expect(m.database.sqlite.prepare('SELECT count(*) AS n FROM sync_operations').get()).toEqual({ n: 0 });
          } finally {
            for (const m of machines) m.database.close();
            fs.rmSync(root, { recursive: true, force: true });
          }
        }),
        { numRuns: 15 },
      );
    },
    240_000,
  );
});
