import { STATUS_RANK } from '../lo-progress-rules';
import { canonicalJson } from './canonical-json';
import type { BadgeRow, LearnerRecord, LearnerRecords, ProgressRow, RecordTable } from './records-schema';

/**
 * The merge of two versions of one learner. Every rule picks by a total order on a tuple of the
 * rows' own fields, so the merge is commutative (no side is preferred), idempotent (merging the
 * result again with either input changes nothing) and deterministic.
 *
 * - preferences, interests, struggles: last writer wins by `timestamp`; a removal is a write
 *   (it moves `timestamp` and sets `deleted_at`), so an older file cannot bring a removed row back;
 * - cognitive metrics: last writer wins by `timestamp`;
 * - learning-objective progress never regresses: the higher status, the best score, the earliest
 *   start and the earliest completion; details come with the higher status (then the greater details);
 * - badges: the earliest earned date;
 * - activity attempts: the union by `attempt_uid`.
 */

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Total order on rows for tie-breaks: their canonical JSON. */
const compareRows = (a: unknown, b: unknown) => compareText(canonicalJson(a), canonicalJson(b));

export function lastWriterWins<T extends { timestamp: string }>(a: T, b: T): T {
  const byTime = compareText(a.timestamp, b.timestamp);
  if (byTime !== 0) return byTime > 0 ? a : b;
  return compareRows(a, b) >= 0 ? a : b;
}

export function earliestBadge(a: BadgeRow, b: BadgeRow): BadgeRow {
  const byDate = compareText(a.earnedDate, b.earnedDate);
  if (byDate !== 0) return byDate < 0 ? a : b;
  return compareRows(a, b) >= 0 ? a : b;
}

const minText = (a: string, b: string) => (a <= b ? a : b);
const maxText = (a: string, b: string) => (a >= b ? a : b);

export function mergeProgress(a: ProgressRow, b: ProgressRow): ProgressRow {
  const ra = STATUS_RANK[a.status];
  const rb = STATUS_RANK[b.status];
  // Details travel with the higher status, ties broken by the details themselves. Not by the
  // score: the merged score is the best of all sides, which need not be the score of the side the
  // details came from, so a (status, score) choice would depend on the order of merging (three
  // machines could end with different details). (status, details) is a join of its own.
  const detailsFrom = ra !== rb ? (ra > rb ? a : b) : compareRows(a.details, b.details) >= 0 ? a : b;
  const status = ra >= rb ? a.status : b.status;
  const completedAt = status === 'completed' ? [a.completedAt, b.completedAt].filter((t): t is string => t !== null).reduce(minText) : null;
  const scores = [a.score, b.score].filter((s): s is number => s !== null);
  return {
    loId: a.loId,
    status,
    startedAt: minText(a.startedAt, b.startedAt),
    completedAt,
    score: scores.length ? Math.max(...scores) : null,
    details: detailsFrom.details,
  };
}

export function mergeAttempts<T>(a: T, b: T): T {
  return compareRows(a, b) >= 0 ? a : b;
}

export function mergeLearnerRecord(a: LearnerRecord, b: LearnerRecord): LearnerRecord {
  const nameFrom = compareText(a.lastUpdatedAt, b.lastUpdatedAt) !== 0 ? (a.lastUpdatedAt > b.lastUpdatedAt ? a : b) : compareText(a.displayName, b.displayName) >= 0 ? a : b;
  return {
    id: a.id,
    displayName: nameFrom.displayName,
    createdAt: minText(a.createdAt, b.createdAt),
    lastUpdatedAt: maxText(a.lastUpdatedAt, b.lastUpdatedAt),
  };
}

export type KeyChange = 'added' | 'updated' | 'unchanged' | 'conflict';

export interface TableMerge<T> {
  rows: T[];
  /** What happens to the local side, key by key: the rows to write are `added` and `updated`. */
  changes: Array<{ row: T; change: KeyChange }>;
}

/** Merges two keyed row lists; `local` is what the database has, `incoming` what the file brings. */
export function mergeKeyed<T>(local: readonly T[], incoming: readonly T[], key: (r: T) => string, pick: (a: T, b: T) => T): TableMerge<T> {
  const localByKey = new Map(local.map((r) => [key(r), r]));
  const seen = new Set<string>();
  const changes: TableMerge<T>['changes'] = [];
  for (const theirs of incoming) {
    const k = key(theirs);
    seen.add(k);
    const ours = localByKey.get(k);
    if (ours === undefined) {
      changes.push({ row: theirs, change: 'added' });
      continue;
    }
    const merged = pick(ours, theirs);
    const same = canonicalJson(merged) === canonicalJson(ours);
    const differed = canonicalJson(ours) !== canonicalJson(theirs);
    changes.push({ row: merged, change: !same ? 'updated' : differed ? 'conflict' : 'unchanged' });
  }
  for (const ours of local) if (!seen.has(key(ours))) changes.push({ row: ours, change: 'unchanged' });
  return { rows: changes.map((c) => c.row).sort((x, y) => compareText(key(x), key(y))), changes };
}

export type MergedRecords = { [T in RecordTable]: TableMerge<LearnerRecords[T][number]> };

/** Per table: the key its rows are unique by (within a learner) and the law two versions of one key merge by. */
export interface RecordLaw<R> {
  key: (row: R) => string;
  merge: (a: R, b: R) => R;
}

export const RECORD_LAWS: { [T in RecordTable]: RecordLaw<LearnerRecords[T][number]> } = {
  preferences: { key: (r) => r.category, merge: lastWriterWins },
  interests: { key: (r) => r.interestName, merge: lastWriterWins },
  struggles: { key: (r) => r.struggleDescription, merge: lastWriterWins },
  cognitiveMetrics: { key: (r) => r.taskName, merge: lastWriterWins },
  loProgress: { key: (r) => r.loId, merge: mergeProgress },
  badges: { key: (r) => r.badgeId, merge: earliestBadge },
  activityAttempts: { key: (r) => r.attemptUid, merge: mergeAttempts },
};

/** Adds one version of a key to `map`, merged by `merge` with the version already there. */
export function foldVersion<T>(map: Map<string, T>, key: string, row: T, merge: (a: T, b: T) => T): void {
  const seen = map.get(key);
  map.set(key, seen === undefined ? row : merge(seen, row));
}

/** One table's law, for code that handles the tables alike (the row type is the caller's to know). */
export const recordLaw = (table: RecordTable): RecordLaw<unknown> => RECORD_LAWS[table] as RecordLaw<unknown>;

function mergeTable<T extends RecordTable>(table: T, local: LearnerRecords, incoming: LearnerRecords): TableMerge<LearnerRecords[T][number]> {
  const law = RECORD_LAWS[table] as RecordLaw<LearnerRecords[T][number]>;
  return mergeKeyed(local[table] as LearnerRecords[T][number][], incoming[table] as LearnerRecords[T][number][], law.key, law.merge);
}

export function mergeLearnerRecords(local: LearnerRecords, incoming: LearnerRecords): MergedRecords {
  return {
    preferences: mergeTable('preferences', local, incoming),
    interests: mergeTable('interests', local, incoming),
    struggles: mergeTable('struggles', local, incoming),
    cognitiveMetrics: mergeTable('cognitiveMetrics', local, incoming),
    loProgress: mergeTable('loProgress', local, incoming),
    badges: mergeTable('badges', local, incoming),
    activityAttempts: mergeTable('activityAttempts', local, incoming),
  };
}
