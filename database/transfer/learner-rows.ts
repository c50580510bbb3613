import type Database from 'better-sqlite3';
import { cachedRowsStatement, cachedStatement } from '../statement-cache';
import {
  attemptRows,
  badgeRows,
  interestRows,
  learnerRows,
  mapRows,
  metricRows,
  placeholdersOf,
  preferenceRows,
  progressRows,
  struggleRows,
  type ChildTableRows,
  type Row,
} from '../table-rows';
import type { LearnerRecord, LearnerRecords, RecordTable } from '../../electron/common/merge/records-schema';

/**
 * Reads and writes all rows of one learner, tombstones included, in the transfer shape, through
 * the row layer (table-rows.ts). This is the bulk path of export, import, backup and restore.
 */

const byKey = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Each record table: its rows, the key the UNIQUE constraint (and the file's order) uses, and what an upsert replaces. */
const TABLES: { [T in RecordTable]: { rows: ChildTableRows<LearnerRecords[T][number]>; key: (r: LearnerRecords[T][number]) => string; conflict: string; order?: string } } = {
  preferences: { rows: preferenceRows, key: (r) => r.category, conflict: '(learner_id, category)' },
  interests: { rows: interestRows, key: (r) => r.interestName, conflict: '(learner_id, interest_name)' },
  struggles: { rows: struggleRows, key: (r) => r.struggleDescription, conflict: '(learner_id, struggle_description)' },
  cognitiveMetrics: { rows: metricRows, key: (r) => r.taskName, conflict: '(learner_id, task_name)' },
  loProgress: { rows: progressRows, key: (r) => r.loId, conflict: '(learner_id, lo_id)' },
  badges: { rows: badgeRows, key: (r) => r.badgeId, conflict: '(learner_id, badge_id)' },
  // Attempts keep time order in files (the merge and the reports read them that way).
  activityAttempts: { rows: attemptRows, key: (r) => r.attemptUid, conflict: '(attempt_uid)', order: 'ORDER BY attempt_timestamp, attempt_uid' },
};

function readTable<T extends RecordTable>(sqlite: Database.Database, table: T, learnerId: string): LearnerRecords[T] {
  const t = TABLES[table];
  const raw = cachedRowsStatement(sqlite, `SELECT ${t.rows.columns} FROM ${t.rows.table} WHERE learner_id = ? ${t.order ?? ''}`).all(learnerId);
  const rows = mapRows(raw, t.rows.from) as LearnerRecords[T];
  return t.order ? rows : (rows.sort(byKey(t.key as (r: unknown) => string)) as LearnerRecords[T]);
}

export function readLearner(sqlite: Database.Database, learnerId: string): LearnerRecord | undefined {
  const r = cachedRowsStatement(sqlite, `SELECT ${learnerRows.columns} FROM learner_profiles WHERE id = ?`).get(learnerId) as Row | undefined;
  return r && learnerRows.from(r);
}

export function readLearnerRecords(sqlite: Database.Database, learnerId: string): LearnerRecords {
  return {
    preferences: readTable(sqlite, 'preferences', learnerId),
    interests: readTable(sqlite, 'interests', learnerId),
    struggles: readTable(sqlite, 'struggles', learnerId),
    cognitiveMetrics: readTable(sqlite, 'cognitiveMetrics', learnerId),
    loProgress: readTable(sqlite, 'loProgress', learnerId),
    badges: readTable(sqlite, 'badges', learnerId),
    activityAttempts: readTable(sqlite, 'activityAttempts', learnerId),
  };
}

/** `a = excluded.a, …` for every column but the learner and the conflict key. */
function replaceAll(rows: ChildTableRows<unknown>, conflict: string): string {
  const key = new Set(['learner_id', ...conflict.replace(/[()]/g, '').split(',').map((c) => c.trim())]);
  return rows.insertColumns
    .split(',')
    .map((c) => c.trim())
    .filter((c) => !key.has(c))
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
}

function upsertSql(table: RecordTable): string {
  const { rows, conflict } = TABLES[table];
  // An attempt uid is global: an upsert never moves one from another learner to this one.
  const owner = table === 'activityAttempts' ? ' WHERE learner_id = excluded.learner_id' : '';
  return `INSERT INTO ${rows.table} (${rows.insertColumns}) VALUES (${placeholdersOf(rows)}) ON CONFLICT ${conflict} DO UPDATE SET ${replaceAll(rows, conflict)}${owner}`;
}

const UPSERT = Object.fromEntries((Object.keys(TABLES) as RecordTable[]).map((t) => [t, upsertSql(t)])) as Record<RecordTable, string>;

const UPSERT_LEARNER = `INSERT INTO learner_profiles (${learnerRows.columns}) VALUES (?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, created_at = excluded.created_at, last_updated_at = excluded.last_updated_at`;

/** Upserts keyed like the UNIQUE constraints; one writer per transaction is enough. */
export function learnerRowWriter(sqlite: Database.Database) {
  const statements = Object.fromEntries((Object.keys(UPSERT) as RecordTable[]).map((t) => [t, cachedStatement(sqlite, UPSERT[t])])) as Record<RecordTable, Database.Statement>;
  return {
    learner: (l: LearnerRecord) => cachedStatement(sqlite, UPSERT_LEARNER).run(...learnerRows.params(l)),
    row<T extends RecordTable>(table: T, learnerId: string, row: LearnerRecords[T][number]) {
      return statements[table].run(...(TABLES[table].rows.params as (id: string, r: unknown) => unknown[])(learnerId, row));
    },
  };
}
export type LearnerRowWriter = ReturnType<typeof learnerRowWriter>;
