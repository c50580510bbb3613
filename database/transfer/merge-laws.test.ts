import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_RANK } from '../../electron/common/lo-progress-rules';
import { learnerArb, normalizeRecords, progressArb, RECORD_KEY, recordsArb, timeArb, timeAt } from '../test-support/transfer-fixtures';
import { canonicalJson } from './canonical-json';
import { earliestBadge, lastWriterWins, mergeKeyed, mergeLearnerRecord, mergeLearnerRecords, mergeProgress, type MergedRecords } from '../../electron/common/merge/merge-rules';
import { learnerRecordsSchema, RECORD_TABLES, type InterestRow, type LearnerRecords, type ProgressRow, type RecordTable } from '../../electron/common/merge/records-schema';

/** The merge laws of DESIGN.md as properties of the pure merge functions. */

const rowsOf = (m: MergedRecords): LearnerRecords => Object.fromEntries(RECORD_TABLES.map((t) => [t, m[t].rows])) as unknown as LearnerRecords;
const merge = (a: LearnerRecords, b: LearnerRecords) => rowsOf(mergeLearnerRecords(a, b));
const cj = canonicalJson;
const keysOf = (records: LearnerRecords, t: RecordTable) => new Set((records[t] as unknown[]).map((r) => (RECORD_KEY[t] as (x: unknown) => string)(r)));
/** Merged rows come sorted by key; attempts sorted by uid. Compare sets of rows in one order. */
const byKey = (records: LearnerRecords) =>
  cj(Object.fromEntries(RECORD_TABLES.map((t) => [t, [...(records[t] as unknown[])].map((r) => cj(r)).sort()])));

describe('merge laws (fast-check)', () => {
  it('the generated records are valid profile-file records', () => {
    fc.assert(fc.property(recordsArb, (a) => {
      expect(learnerRecordsSchema.safeParse(a).success).toBe(true);
    }));
  });

  it('is commutative: merge(a, b) and merge(b, a) hold the same rows', () => {
    fc.assert(fc.property(recordsArb, recordsArb, (a, b) => {
      expect(cj(merge(a, b))).toBe(cj(merge(b, a)));
    }));
    fc.assert(fc.property(learnerArb, learnerArb, (a, b) => {
      expect(cj(mergeLearnerRecord(a, b))).toBe(cj(mergeLearnerRecord(b, a)));
    }));
  });

  it('is idempotent: merge(merge(a, b), b) = merge(merge(a, b), a) = merge(a, b), and merge(a, a) = a', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (a, b) => {
        const m = merge(a, b);
        expect(cj(merge(m, b))).toBe(cj(m));
        expect(cj(merge(m, a))).toBe(cj(m));
        expect(cj(merge(b, m))).toBe(cj(m));
        expect(byKey(merge(a, a))).toBe(byKey(a));
      }),
    );
    fc.assert(fc.property(learnerArb, learnerArb, (a, b) => {
      expect(cj(mergeLearnerRecord(mergeLearnerRecord(a, b), b))).toBe(cj(mergeLearnerRecord(a, b)));
    }));
  });

  it('re-importing what was already merged reports no change: nothing added or updated', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (a, b) => {
        const again = mergeLearnerRecords(merge(a, b), b);
        for (const t of RECORD_TABLES) expect(again[t].changes.filter((c) => c.change === 'added' || c.change === 'updated')).toEqual([]);
        const self = mergeLearnerRecords(a, a);
        for (const t of RECORD_TABLES) expect(self[t].changes.every((c) => c.change === 'unchanged')).toBe(true);
      }),
    );
  });

  it('counts what the file adds: "added" is exactly the keys the database does not have', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (local, incoming) => {
        const m = mergeLearnerRecords(local, incoming);
        for (const t of RECORD_TABLES) {
          const fresh = [...keysOf(incoming, t)].filter((k) => !keysOf(local, t).has(k));
          expect(m[t].changes.filter((c) => c.change === 'added')).toHaveLength(fresh.length);
          expect(m[t].changes).toHaveLength(new Set([...keysOf(local, t), ...keysOf(incoming, t)]).size);
        }
      }),
    );
  });

  it('gives valid records (completedAt rules, unique keys) and keeps every key of both sides', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (a, b) => {
        const m = merge(a, b);
        const parsed = learnerRecordsSchema.safeParse(m);
        expect(parsed.success ? 'valid' : parsed.error.issues[0]).toBe('valid');
        for (const t of RECORD_TABLES) expect(keysOf(m, t)).toEqual(new Set([...keysOf(a, t), ...keysOf(b, t)]));
      }),
    );
  });

  it('never lets progress regress: status and score at least both, start and completion at most both', () => {
    const sameLo = fc.tuple(progressArb, progressArb).map(([a, b]) => [a, { ...b, loId: a.loId }] as [ProgressRow, ProgressRow]);
    fc.assert(
      fc.property(sameLo, ([a, b]) => {
        const m = mergeProgress(a, b);
        expect(cj(m)).toBe(cj(mergeProgress(b, a)));
        expect(STATUS_RANK[m.status]).toBe(Math.max(STATUS_RANK[a.status], STATUS_RANK[b.status]));
        for (const side of [a, b]) {
          if (side.score !== null) expect(m.score).toBeGreaterThanOrEqual(side.score);
          expect(m.startedAt <= side.startedAt).toBe(true);
          if (side.completedAt !== null) expect(m.completedAt !== null && m.completedAt <= side.completedAt).toBe(true);
        }
        if (a.score === null && b.score === null) expect(m.score).toBeNull();
        expect([a.details, b.details].map((d) => cj(d))).toContain(cj(m.details));
        expect(cj(mergeProgress(m, b))).toBe(cj(m));
      }),
    );
  });

  it('merges progress in any grouping: merge(merge(a, b), c) = merge(a, merge(b, c)) (three machines agree whatever the order)', () => {
    const sameLo = fc.tuple(progressArb, progressArb, progressArb).map(([a, b, c]) => [a, { ...b, loId: a.loId }, { ...c, loId: a.loId }] as [ProgressRow, ProgressRow, ProgressRow]);
    fc.assert(
      fc.property(sameLo, ([a, b, c]) => {
        expect(cj(mergeProgress(mergeProgress(a, b), c))).toBe(cj(mergeProgress(a, mergeProgress(b, c))));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a removal: a tombstone beats an older live row from either side, and a later re-add beats the tombstone', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom('Space', 'Dinosaurs 🦖'));
    fc.assert(
      fc.property(pair, ([t, gap, interestName]) => {
        const live: InterestRow = { interestName, timestamp: timeAt(t), deletedAt: null };
        const removed: InterestRow = { interestName, timestamp: timeAt(t + gap), deletedAt: timeAt(t + gap) };
        expect(lastWriterWins(live, removed)).toBe(removed);
        expect(lastWriterWins(removed, live)).toBe(removed);
        const records = (interests: InterestRow[]): LearnerRecords => ({ ...normalizeRecords(emptyRecords()), interests });
        expect(merge(records([live]), records([removed])).interests).toEqual([removed]);
        expect(merge(records([removed]), records([live])).interests).toEqual([removed]);
        const readded: InterestRow = { interestName, timestamp: timeAt(t + gap + 1), deletedAt: null };
        expect(merge(records([removed]), records([readded])).interests).toEqual([readded]);
      }),
    );
    const tombstonesIn = (r: LearnerRecords) => r.preferences.filter((p) => p.deletedAt !== null).length + r.interests.filter((i) => i.deletedAt !== null).length;
    fc.assert(
      fc.property(recordsArb, recordsArb, (a, b) => {
        const m = merge(a, b);
        for (const row of m.interests) {
          const newest = [...a.interests, ...b.interests].filter((r) => r.interestName === row.interestName).map((r) => r.timestamp).sort().at(-1);
          expect(row.timestamp).toBe(newest);
        }
        expect(tombstonesIn(m)).toBeLessThanOrEqual(tombstonesIn(a) + tombstonesIn(b));
      }),
    );
  });

  it('unions attempts by uid, never duplicating, and keeps each attempt as one side had it', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (a, b) => {
        const uids = merge(a, b).activityAttempts.map((x) => x.attemptUid);
        expect(new Set(uids).size).toBe(uids.length);
        expect(new Set(uids)).toEqual(new Set([...a.activityAttempts, ...b.activityAttempts].map((x) => x.attemptUid)));
        const known = new Set([...a.activityAttempts, ...b.activityAttempts].map((x) => cj(x)));
        for (const attempt of merge(a, b).activityAttempts) expect(known.has(cj(attempt))).toBe(true);
      }),
    );
  });

  it('last writer wins by timestamp, badges keep the earliest date, and both are commutative on ties', () => {
    const pref = fc.record({ value: fc.constantFrom('visual', 'auditory'), timestamp: timeArb, deletedAt: fc.constant(null) }).map((r) => ({ category: 'c', ...r }));
    fc.assert(
      fc.property(pref, pref, (a, b) => {
        const w = lastWriterWins(a, b);
        expect(w.timestamp).toBe([a.timestamp, b.timestamp].sort().at(-1));
        expect(cj(lastWriterWins(b, a))).toBe(cj(w));
      }),
    );
    const badge = fc.record({ badgeName: fc.constantFrom('A', 'B'), earnedDate: timeArb, details: fc.constant(null) }).map((r) => ({ badgeId: 'x', ...r }));
    fc.assert(
      fc.property(badge, badge, (a, b) => {
        const e = earliestBadge(a, b);
        expect(e.earnedDate).toBe([a.earnedDate, b.earnedDate].sort()[0]);
        expect(cj(earliestBadge(b, a))).toBe(cj(e));
      }),
    );
    fc.assert(
      fc.property(learnerArb, learnerArb, (a, b) => {
        const m = mergeLearnerRecord(a, b);
        expect(m.createdAt).toBe([a.createdAt, b.createdAt].sort()[0]);
        expect(m.lastUpdatedAt).toBe([a.lastUpdatedAt, b.lastUpdatedAt].sort().at(-1));
      }),
    );
  });

  it('mergeKeyed marks a key both sides had differently, where ours was kept, as a conflict', () => {
    const ours = [{ k: 'a', timestamp: timeAt(5), v: 1 }];
    const theirs = [{ k: 'a', timestamp: timeAt(1), v: 2 }];
    expect(mergeKeyed(ours, theirs, (r) => r.k, lastWriterWins).changes).toEqual([{ row: ours[0], change: 'conflict' }]);
    expect(mergeKeyed(theirs, ours, (r) => r.k, lastWriterWins).changes).toEqual([{ row: ours[0], change: 'updated' }]);
  });
});

function emptyRecords(): LearnerRecords {
  return { preferences: [], interests: [], struggles: [], cognitiveMetrics: [], loProgress: [], badges: [], activityAttempts: [] };
}
