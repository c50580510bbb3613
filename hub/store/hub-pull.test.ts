import { describe, expect, it } from 'vitest';
import type { PulledChange, SyncChange } from '../../electron/common/sync/hub-protocol';
import { learnerChange, op, preferenceChange, useHubCluster, type EnrolledMachine } from '../test-support/hub-fixture';
import { foldChanges, hubState, pullEverything } from '../test-support/hub-reading';

const hub = useHubCluster();

const t = (second: number) => new Date(Date.UTC(2026, 3, 1, 8, 0, 0) + second * 1000).toISOString();

function expectInOrder(changes: readonly PulledChange[], after: number): void {
  let last = after;
  for (const { seq } of changes) {
    expect(seq).toBeGreaterThan(last);
    last = seq;
  }
}

describe('pull', () => {
  it('returns the changes after the cursor in chunks, in order, with more and the cursor', async () => {
    const school = await hub.newSchool();
    const a = await school.enrol('a');
    const b = await school.enrol('b');
    const changes: SyncChange[] = [learnerChange('p1'), learnerChange('p2')];
    for (let i = 0; i < 23; i++) changes.push(preferenceChange(i % 2 ? 'p1' : 'p2', `cat-${i}`, `v${i}`, t(i)));
    const pushed = await hub.store.pushBatch(a, { operations: changes.map(op) });
    expect(pushed.changed).toBe(25);

    const pages = [];
    let cursor = 0;
    for (;;) {
      const page = await hub.store.pull(b, { after: cursor, limit: 10 });
      pages.push(page);
      expectInOrder(page.changes, cursor);
      // Every learner a page names comes with it, so a machine can merge rows of a new learner.
      const named = new Set(page.changes.map((c) => c.change.learnerId));
      expect(page.learners.map((l) => l.id).sort()).toEqual([...named].sort());
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(pages.map((p) => [p.changes.length, p.more])).toEqual([
      [10, true],
      [10, true],
      [5, false],
    ]);
    expect(cursor).toBe(pushed.latestSeq);
    expect(pages.flatMap((p) => p.changes).map((c) => c.change)).toEqual(expect.arrayContaining(changes));
    // Nothing new: the same cursor back, no more.
    expect(await hub.store.pull(b, { after: cursor, limit: 10 })).toEqual({ changes: [], learners: [], classes: [], educators: [], cursor, more: false });
  });

  it('gives a machine its own changes back, and they change nothing when pushed again', async () => {
    const school = await hub.newSchool();
    const a = await school.enrol();
    const first = await hub.store.pushBatch(a, { operations: [op(learnerChange('me')), op(preferenceChange('me', 'colour', 'blue', t(1)))] });
    const back = await pullEverything(hub.store, a);
    expect(back.changes.map((c) => c.change)).toEqual([learnerChange('me'), preferenceChange('me', 'colour', 'blue', t(1))]);
    const again = await hub.store.pushBatch(a, { operations: back.changes.map((c) => op(c.change)) });
    expect(again).toEqual({ received: 2, duplicates: 0, changed: 0, latestSeq: first.latestSeq });
  });

  it('an updated row moves to a new sequence number and is pulled again', async () => {
    const school = await hub.newSchool();
    const a = await school.enrol();
    await hub.store.pushBatch(a, { operations: [op(learnerChange('p')), op(preferenceChange('p', 'colour', 'blue', t(1)))] });
    const { cursor } = await pullEverything(hub.store, a);
    await hub.store.pushBatch(a, { operations: [op(preferenceChange('p', 'colour', 'red', t(2)))] });
    const next = await hub.store.pull(a, { after: cursor, limit: 100 });
    expect(next.changes.map((c) => c.change)).toEqual([preferenceChange('p', 'colour', 'red', t(2))]);
  });

  it('the gauges count machines and the changes they have not pulled yet', async () => {
    const school = await hub.newSchool();
    const a = await school.enrol('a');
    await school.enrol('b');
    const pushed = await hub.store.pushBatch(a, { operations: [op(learnerChange('p')), op(preferenceChange('p', 'colour', 'blue', t(1)))], pendingAfter: 7 });
    await pullEverything(hub.store, a);
    // a's next pull says it has everything up to the cursor.
    await hub.store.pull(a, { after: pushed.latestSeq, limit: 10 });
    const gauge = (await hub.store.schoolGauges()).find((g) => g.schoolId === school.schoolId);
    expect(gauge).toEqual({ schoolId: school.schoolId, machines: 2, changesNotYetPulled: pushed.latestSeq, pendingOnMachines: 7 });
  });
});

describe('concurrency', () => {
  it('10 machines pushing at once while others pull lose no change behind a cursor', async () => {
    const school = await hub.newSchool();
    const setup = await school.enrol('setup');
    const learners = ['c1', 'c2', 'c3'];
    await hub.store.pushBatch(setup, { operations: learners.map((l) => op(learnerChange(l))) });
    const pushers: EnrolledMachine[] = [];
    for (let i = 0; i < 10; i++) pushers.push(await school.enrol(`pusher-${i}`));
    const pullers: EnrolledMachine[] = [];
    for (let i = 0; i < 3; i++) pullers.push(await school.enrol(`puller-${i}`));

    let pushing = true;
    const push = async (machine: EnrolledMachine, index: number) => {
      for (let batch = 0; batch < 8; batch++) {
        const operations = Array.from({ length: 20 }, (_, k) => {
          const n = (index * 7 + batch * 13 + k * 31) % 97;
          // Overlapping keys with varied timestamps: updates, ignored older writes and ties.
          return op(preferenceChange(learners[n % 3] as string, `cat-${n % 17}`, `m${index}-b${batch}-k${k}`, t(n % 23)));
        });
        await hub.store.pushBatch(machine, { operations });
      }
    };
    const pull = async (machine: EnrolledMachine) => {
      const seen: PulledChange[] = [];
      let cursor = 0;
      const page = async () => {
        const answer = await hub.store.pull(machine, { after: cursor, limit: 7 });
        expectInOrder(answer.changes, cursor);
        seen.push(...answer.changes);
        cursor = answer.cursor;
        return answer.more;
      };
      while (pushing) await page();
      // Once every push has committed: catch up to the end.
      while (await page());
      return seen;
    };
    const pulling = pullers.map(pull);
    await Promise.all(pushers.map(push));
    pushing = false;
    const seenByPullers = await Promise.all(pulling);

    const final = await hubState(hub.store, setup);
    expect(final.size).toBeGreaterThan(3);
    for (const seen of seenByPullers) {
      expect(new Set(seen.map((c) => c.seq)).size).toBe(seen.length);
      expect(foldChanges(seen)).toEqual(final);
    }
  });
});
