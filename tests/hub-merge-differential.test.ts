import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transferBatch, runImport } from '../database/transfer/import-plan';
import { readLearner, readLearnerRecords } from '../database/transfer/learner-rows';
import { useTempDirs } from '../database/test-support/temp-database';
import { canonicalJson } from '../electron/common/merge/canonical-json';
import { RECORD_TABLES, type LearnerRecord, type LearnerRecords, type RecordTable } from '../electron/common/merge/records-schema';
import { syncChangeSchema, type SyncChange } from '../electron/common/sync/hub-protocol';
import { op, useHubCluster, type EnrolledMachine } from '../hub/test-support/hub-fixture';
import { pullEverything } from '../hub/test-support/hub-reading';

/**
 * The merge laws in two dialects (DESIGN.md, "The school hub"): the hub's PostgreSQL upserts and
 * the app's profile import (SQLite, merge policy) must end with identical rows from the same two
 * versions of a key. Timestamps come from two values so that ties are frequent; texts and details
 * keys mix case, astral characters and U+FF01, which order differently in UTF-8 and UTF-16.
 */

const hub = useHubCluster();
const dirs = useTempDirs();

const ts = fc.constantFrom('2026-05-01T10:00:00.000Z', '2026-05-01T10:00:01.000Z');
const tsOrNull = fc.option(ts, { nil: null });
const text = fc.constantFrom('Blue', 'b\u{1F600}', 'b\uFF01');
const score = fc.oneof(fc.constantFrom(null, 0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0));
const jsonValue = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'X', '\u{1F600}', '\uFF01'), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0));
const detailsObject = fc.dictionary(fc.constantFrom('a', 'b', 'B', 'é', '\u{1F600}', '\uFF01', '10', '2'), fc.oneof(jsonValue, fc.dictionary(fc.constantFrom('k', 'K'), jsonValue, { maxKeys: 2 })), { maxKeys: 3 });
const details = fc.option(detailsObject, { nil: null });

const learnerVersion = fc
  .record({ displayName: fc.constantFrom('Amina', 'amina', 'Zoë', 'Z\u{1F600}', 'Z\uFF01'), createdAt: ts, lastUpdatedAt: ts })
  .map((l) => (l.lastUpdatedAt < l.createdAt ? { ...l, lastUpdatedAt: l.createdAt } : l));

const progress = fc
  .record({ status: fc.constantFrom('not_started', 'in_progress', 'completed'), startedAt: ts, completedAt: ts, score, details })
  .map((p) => ({ loId: 'lo-1', ...p, completedAt: p.status === 'completed' ? (p.completedAt < p.startedAt ? p.startedAt : p.completedAt) : null }));

/** Two versions of one key per table: the row generators, key fixed. */
const ROWS: Record<RecordTable, fc.Arbitrary<unknown>> = {
  preferences: fc.record({ category: fc.constant('colour'), value: text, timestamp: ts, deletedAt: tsOrNull }),
  interests: fc.record({ interestName: fc.constant('Space'), timestamp: ts, deletedAt: tsOrNull }),
  struggles: fc.record({ struggleDescription: fc.constant('Fractions'), timestamp: ts, deletedAt: tsOrNull }),
  cognitiveMetrics: fc.record({ taskName: fc.constant('memory'), metricDetails: detailsObject, timestamp: ts }),
  loProgress: progress,
  badges: fc.record({ badgeId: fc.constant('star'), badgeName: text, earnedDate: ts, details }),
  activityAttempts: fc.record({
    attemptUid: fc.constant('00000000-0000-4000-8000-000000000000'),
    loId: fc.constantFrom('lo-1', 'lo-2'),
    activityId: text.map((t) => (t === 'b\uFF01' || t === 'b\u{1F600}' ? 'act' : t)),
    activityType: fc.constantFrom('quiz', 'drag_drop'),
    attemptTimestamp: ts,
    score,
    completed: fc.boolean(),
    attemptDetails: details,
  }),
};

function emptyRecords(): LearnerRecords {
  return { preferences: [], interests: [], struggles: [], cognitiveMetrics: [], loProgress: [], badges: [], activityAttempts: [] };
}

/** Parsed as the hub's HTTP layer would: the store gets exactly what the protocol schema makes. */
function parsedChange(change: unknown): SyncChange {
  const parsed = syncChangeSchema.safeParse(change);
  if (!parsed.success) throw new Error(`generated an invalid change: ${parsed.error.message}\n${JSON.stringify(change)}`);
  return parsed.data;
}

let run = 0;

async function checkTable(table: RecordTable, numRuns: number): Promise<void> {
  const database = await dirs.open();
  const school = await hub.newSchool();
  const machine: EnrolledMachine = await school.enrol();
  let cursor = (await pullEverything(hub.store, machine)).cursor;
  await fc.assert(
    fc.asyncProperty(learnerVersion, learnerVersion, ROWS[table], ROWS[table], fc.boolean(), async (la, lb, rowA, rowB, oneBatch) => {
      run++;
      const learnerId = `d${run}`;
      const uid = `00000000-0000-4000-8000-${String(run).padStart(12, '0')}`;
      const fix = (row: unknown) => (table === 'activityAttempts' ? { ...(row as object), attemptUid: uid } : row);
      const versions = [
        { learner: { id: learnerId, ...la } as LearnerRecord, row: fix(rowA) },
        { learner: { id: learnerId, ...lb } as LearnerRecord, row: fix(rowB) },
      ].map((v) => ({ learner: parsedChange({ table: 'learner', learnerId, row: v.learner }), row: parsedChange({ table, learnerId, row: v.row }) }));

      // The app: import the first version, then merge the second.
      for (const v of versions) {
        const records = emptyRecords();
        (records[table] as unknown[]).push(v.row.row);
        runImport(database.sqlite, transferBatch([{ learner: v.learner.row as LearnerRecord, records }]), 'merge', false);
      }
      // The hub: two pushes (or both in one batch, folded in Node first).
      const operations = versions.map((v) => [op(v.learner), op(v.row)]);
      if (oneBatch) await hub.store.pushBatch(machine, { operations: operations.flat() });
      else for (const batch of operations) await hub.store.pushBatch(machine, { operations: batch });

      const pulled = await hub.store.pull(machine, { after: cursor, limit: 1000 });
      cursor = pulled.cursor;
      const hubRows = pulled.changes.filter((c) => c.change.table === table).map((c) => c.change.row);
      const appRecords = readLearnerRecords(database.sqlite, learnerId);
      expect(canonicalJson(hubRows)).toBe(canonicalJson(appRecords[table]));
      expect(canonicalJson(pulled.learners)).toBe(canonicalJson([readLearner(database.sqlite, learnerId)]));
      for (const other of RECORD_TABLES) if (other !== table) expect(appRecords[other]).toEqual([]);
    }),
    { numRuns },
  );
}

describe('the hub and profile import merge two versions of a key to identical rows', () => {
  for (const table of RECORD_TABLES) {
    it(`${table}`, async () => {
      await checkTable(table, 60);
    });
  }
});
