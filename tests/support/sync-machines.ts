import type Database from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/merge/canonical-json';
import { mergeLearnerRecord, recordLaw } from '../../electron/common/merge/merge-rules';
import { RECORD_TABLES, type LearnerRecord, type LearnerRecords, type RecordTable } from '../../electron/common/merge/records-schema';
import { isSchoolChange, type SyncChange } from '../../electron/common/sync/hub-protocol';
import { openDatabase, type OpenedDatabase } from '../../database/open';
import { enrolInSchoolHub } from '../../database/sync/enrolment';
import { runSync } from '../../database/sync/sync-run';
import { readLearner, readLearnerRecords } from '../../database/transfer/learner-rows';
import { profileChannelCaller, type ProfileChannelCaller } from '../../database/test-support/channel-caller';
import { testClock, type TestClock } from '../../database/test-support/temp-database';

/**
 * Lab machines for the school-hub tests: real data dirs with real SQLite files, enrolled in a
 * real hub over HTTP, each with its own clock (started at the same instant, so that timestamps
 * of different machines tie often), and a record of every operation any of them queued.
 */

export interface LabMachine {
  name: string;
  database: OpenedDatabase;
  manager: ProfileChannelCaller;
  clock: TestClock;
  /** One sync (push then pull); `loseAck` makes every push answer fail after the hub committed it. */
  sync(options?: { loseAck?: boolean }): Promise<{ pushed: number; pulled: number; state: string }>;
  /** Every learner with all their rows, as canonical JSON by learner id. */
  profiles(): Map<string, string>;
}

/** A fetch that lets the hub apply a push and then loses its answer, like a machine killed between the hub's commit and its ack. */
export function fetchLosingPushAcks(): typeof fetch {
  return async (input, init) => {
    const answer = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/v1/push') && answer.ok) {
      await answer.arrayBuffer();
      throw new TypeError('fetch failed (the answer was lost)');
    }
    return answer;
  };
}

export function profilesOf(sqlite: Database.Database): Map<string, string> {
  const ids = (sqlite.prepare('SELECT id FROM learner_profiles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  return new Map(ids.map((id) => [id, canonicalJson({ learner: readLearner(sqlite, id), records: readLearnerRecords(sqlite, id) })]));
}

export async function openLabMachine(dataDir: string, name: string, hubUrl: string, code: string, start = '2026-03-02T09:00:00.000Z'): Promise<LabMachine> {
  const database = await openDatabase({ dataDir });
  const clock = testClock(start, 1_000);
  const manager = profileChannelCaller({ sqlite: database.sqlite, db: database.db, now: clock });
  await enrolInSchoolHub({ sqlite: database.sqlite, dataDir, now: clock }, { hubUrl, code, machineName: name });
  return {
    name,
    database,
    manager,
    clock,
    async sync(options = {}) {
      const run = await runSync({ sqlite: database.sqlite, dataDir, now: clock, fetch: options.loseAck ? fetchLosingPushAcks() : fetch });
      return { pushed: run.pushed, pulled: run.pulled, state: run.status.state };
    },
    profiles: () => profilesOf(database.sqlite),
  };
}

/** Every operation a machine has queued so far (they stay until pushed; read them before syncing). */
export function queuedChanges(sqlite: Database.Database): Map<string, SyncChange> {
  const rows = sqlite.prepare('SELECT op_id AS opId, table_name AS tableName, learner_id AS learnerId, payload FROM sync_operations').all() as Array<{
    opId: string;
    tableName: SyncChange['table'];
    learnerId: string;
    payload: string;
  }>;
  return new Map(rows.map((r) => [r.opId, { table: r.tableName, learnerId: r.learnerId, row: JSON.parse(r.payload) } as SyncChange]));
}


/**
 * What every machine must end with: the merge, with the profile-file laws, of every row state any
 * machine ever queued, without the learners someone deleted. The laws form a join (commutative,
 * associative, idempotent), so the order the hub saw them in cannot matter.
 */
export function mergeOfAllChanges(changes: Iterable<SyncChange>): Map<string, string> {
  const learners = new Map<string, LearnerRecord>();
  const rows = new Map<string, Map<RecordTable, Map<string, unknown>>>();
  const deleted = new Set<string>();
  for (const change of changes) {
    if (change.table === 'learnerDeletion') {
      deleted.add(change.learnerId);
      continue;
    }
    if (change.table === 'learner') {
      const known = learners.get(change.learnerId);
      learners.set(change.learnerId, known ? mergeLearnerRecord(known, change.row) : change.row);
      continue;
    }
    // The school's own records are compared by schoolRecordsOf / mergeOfSchoolChanges.
    if (isSchoolChange(change) || change.table === 'classMembers' || change.table === 'learnerSecret') continue;
    const table = change.table;
    const byTable = rows.get(change.learnerId) ?? new Map<RecordTable, Map<string, unknown>>();
    rows.set(change.learnerId, byTable);
    const byKey = byTable.get(table) ?? new Map<string, unknown>();
    byTable.set(table, byKey);
    const law = recordLaw(table);
    const key = law.key(change.row);
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? change.row : law.merge(known, change.row));
  }
  const result = new Map<string, string>();
  for (const [id, learner] of [...learners].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (deleted.has(id)) continue;
    const byTable = rows.get(id);
    const records = Object.fromEntries(
      RECORD_TABLES.map((t) => {
        const list = [...(byTable?.get(t)?.values() ?? [])];
        return [t, list];
      }),
    );
    result.set(id, canonicalJson({ learner, records: normaliseOrder(records as LearnerRecords) }));
  }
  return result;
}

/** Rows in the order the database reads them (learner-rows.ts): by key, attempts by time. */
export function normaliseOrder(records: LearnerRecords): LearnerRecords {
  const byKey = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const out = { ...records } as Record<RecordTable, unknown[]>;
  for (const t of RECORD_TABLES) {
    const list = [...(records[t] as unknown[])];
    if (t === 'activityAttempts') {
      (list as LearnerRecords['activityAttempts']).sort((a, b) => (a.attemptTimestamp < b.attemptTimestamp ? -1 : a.attemptTimestamp > b.attemptTimestamp ? 1 : a.attemptUid < b.attemptUid ? -1 : 1));
    } else list.sort(byKey(recordLaw(t).key));
    out[t] = list;
  }
  return out as LearnerRecords;
}
