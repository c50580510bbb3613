import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange } from '../electron/common/sync/hub-protocol';
import { startHubServer, type RunningHub } from '../hub/server/hub-server';
import { useHubCluster } from '../hub/test-support/hub-fixture';
import { mergeOfSchoolChanges, openSchoolLab, schoolRecordsOf, type SchoolLab } from './support/school-labs';
import { queuedChanges } from './support/sync-machines';

/**
 * The school's own records as a property: three lab machines (one offline until the end) rename
 * and archive classes, move learners in and out of them, put coaches on and off them, set and
 * reset learners' PINs and edit educators, through the app's own channels, syncing on random
 * schedules with lost acknowledgements. All end with the same classes, memberships, coaching,
 * secrets and accounts, equal to the merge by the school laws of everything any of them queued.
 */

const hub = useHubCluster();
let server: RunningHub;
beforeAll(async () => {
  server = await startHubServer({ store: hub.store, port: 0 });
});
afterAll(async () => {
  await server?.close();
});

const CLASSES = ['c1', 'c2'];
const LEARNERS = ['ada', 'lou', 'max'];

type Work =
  | { kind: 'rename'; cls: number; name: number }
  | { kind: 'archive'; cls: number; archived: boolean }
  | { kind: 'method'; cls: number; method: 'none' | 'pin' }
  | { kind: 'member'; cls: number; learner: number; remove: boolean }
  | { kind: 'coach'; cls: number; remove: boolean }
  | { kind: 'secret'; learner: number; reset: boolean }
  | { kind: 'educator'; name: number; disabled: boolean }
  | { kind: 'sync'; loseAck: boolean };

const cls = fc.nat({ max: CLASSES.length - 1 });
const learner = fc.nat({ max: LEARNERS.length - 1 });
const work: fc.Arbitrary<Work> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), cls, name: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive' as const), cls, archived: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('method' as const), cls, method: fc.constantFrom('none' as const, 'pin' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('member' as const), cls, learner, remove: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('coach' as const), cls, remove: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('secret' as const), learner, reset: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('educator' as const), name: fc.nat({ max: 2 }), disabled: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), loseAck: fc.boolean() }) },
);
const schedule = fc.array(fc.tuple(fc.nat({ max: 2 }), work), { minLength: 15, maxLength: 45 });

/** One piece of work through the machine's channels; refused work (not a member, say) changes nothing. */
async function perform(lab: SchoolLab, step: Work): Promise<void> {
  const classId = 'cls' in step ? CLASSES[step.cls]! : '';
  const learnerId = 'learner' in step ? LEARNERS[step.learner]! : '';
  const coachId = lab.coachId();
  switch (step.kind) {
    case 'rename':
      return lab.attempt('renameClass', { classId, name: `Class ${classId} v${step.name}` });
    case 'archive':
      return lab.attempt('setClassArchived', { classId, archived: step.archived });
    case 'method':
      return lab.attempt('setClassSignInMethod', { classId, method: step.method });
    case 'member':
      return step.remove ? lab.attempt('removeClassMember', { classId, learnerId }) : lab.attempt('addClassMembers', { classId, learnerIds: [learnerId] });
    case 'coach':
      return step.remove ? lab.attempt('unassignCoach', { educatorId: coachId, classId }) : lab.attempt('assignCoach', { educatorId: coachId, classId });
    case 'secret':
      return step.reset ? lab.attempt('resetLearnerSecret', { learnerId }) : lab.attempt('setLearnerSecret', { learnerId, secret: { kind: 'pin', pin: '1357' } });
    case 'educator':
      await lab.attempt('updateEducator', { educatorId: coachId, displayName: `Coach v${step.name}` });
      return lab.attempt('setEducatorDisabled', { educatorId: coachId, disabled: step.disabled });
    case 'sync':
      await lab.sync({ loseAck: step.loseAck });
  }
}

describe('school hub: the school records converge', () => {
  it(
    'three machines (one offline most of the time) end with identical classes, memberships, coaching, secrets and accounts',
    async () => {
      let runNo = 0;
      await fc.assert(
        fc.asyncProperty(schedule, async (steps) => {
          runNo += 1;
          const school = await hub.newSchool(`Records ${runNo}`);
          const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-records-prop-'));
          const labs: SchoolLab[] = [];
          try {
            for (const name of ['a', 'b', 'c']) labs.push(await openSchoolLab(path.join(root, name), name, server.url, school.enrolmentCode));
            const everything = new Map<string, SyncChange>();
            const collect = () => {
              for (const lab of labs) for (const [opId, change] of queuedChanges(lab.sqlite)) everything.set(opId, change);
            };
            // Lab a sets the school up; everyone has it before lab c goes offline.
            await labs[0]!.setUpSchool(CLASSES, LEARNERS);
            collect();
            for (const lab of labs) await lab.sync();
            for (const lab of labs) await lab.sync();
            for (const [index, step] of steps) {
              if (index === 2 && step.kind === 'sync') continue;
              await perform(labs[index]!, step);
              collect();
            }
            for (let round = 0; round < 2; round++) {
              for (const lab of labs) {
                collect();
                expect((await lab.sync()).state).toBe('up_to_date');
              }
            }
            const expected = mergeOfSchoolChanges(everything.values());
            for (const lab of labs) expect(schoolRecordsOf(lab.sqlite), lab.name).toEqual(expected);
          } finally {
            for (const lab of labs) await lab.close();
            fs.rmSync(root, { recursive: true, force: true });
          }
        }),
        { numRuns: 8 },
      );
    },
    300_000,
  );
});
