import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { databasePath } from '../data-dir';
import type { OpenedDatabase } from '../open';
import type { ProfileChannelCaller } from './channel-caller';
import { canonicalJson, payloadChecksum } from '../transfer/canonical-json';
import { readLearnerTransfer, type LearnerTransfer } from '../transfer/profile-file';
import { RECORD_TABLES, type AttemptRow, type LearnerRecord, type LearnerRecords, type RecordTable } from '../../electron/common/merge/records-schema';

/**
 * Helpers for the transfer, merge, backup and snapshot tests (database/transfer/*.test.ts). The
 * temp folders, content hash and CLI runner come from temp-database.ts; this adds profiles with
 * every kind of row, fast-check arbitraries over small key sets (so keys collide) and file helpers.
 */

export const APP_VERSION_FOR_TESTS = '0.1.0-test';
export const LAST_IMPORT_FILE = 'last-import.json';

/** The transfer of one learner in canonical JSON: equal text means an equal profile, tombstones included. */
export function transferJson(sqlite: Database.Database, learnerId: string): string {
  return canonicalJson(readLearnerTransfer(sqlite, learnerId));
}

export function lastImportExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, LAST_IMPORT_FILE));
}

/** Recomputes the checksum the way a (newer) app would after building `document`. */
export function resign<T extends Record<string, unknown>>(document: T): T {
  const { checksum: _old, ...body } = document;
  return { ...body, checksum: { algorithm: 'sha256', value: payloadChecksum(body) } } as unknown as T;
}

export function writeTextFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Opens dala.db of a data folder with a bare better-sqlite3 connection (no migrations, no app code). */
export function withRawSqlite<T>(dataDir: string, work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(databasePath(dataDir));
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A learner with every kind of row: unicode text, tombstoned interests, preferences and struggles,
 * progress, badges and attempts with details, and metrics with nested details. */
export function writeRichProfile(manager: ProfileChannelCaller, learnerId: string, displayName = 'Zoë Ōkubo-李 🦊'): void {
  manager.createLearnerProfile({ id: learnerId, displayName });
  for (const interestName of ['Space', 'Animals', 'Dinosaurs 🦖', 'Musique à l’école']) manager.addInterest({ learnerId, interestName });
  manager.removeInterest({ learnerId, interestName: 'Animals' });
  manager.addStruggle({ learnerId, struggleDescription: 'Long words — ä, ö, ü' });
  manager.addStruggle({ learnerId, struggleDescription: 'Fractions' });
  manager.removeStruggle({ learnerId, struggleDescription: 'Fractions' });
  for (const [i, value] of ['visual', 'auditory', 'kinesthetic'].entries()) manager.addOrUpdatePreference({ learnerId, category: `visual_preference_task_${i + 1}`, value });
  manager.removePreference({ learnerId, category: 'visual_preference_task_2' });
  manager.addOrUpdateCognitiveMetric({ learnerId, taskName: 'story_sequencing', metricDetails: { accuracy: 0.75, answers: [1, 2, { note: 'ça va 😀' }], time_ms: 31_250 } });
  manager.addOrUpdateLoProgress({ learnerId, loId: 'READ_LO_001', status: 'in_progress', score: 0.4, details: { hint: 'lettres', steps: [1, 2] } });
  manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 0.5, completed: true, attemptDetails: { answers: ['½', '¾'] } });
  manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_game', activityType: 'game', completed: false });
  manager.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_quiz_b', activityType: 'quiz', score: 0.95, completed: true, attemptDetails: { time_ms: 12_000 } });
  manager.addBadgeRecord({ learnerId, badgeId: 'kind_helper', badgeName: 'Kind helper ✨', details: { givenBy: 'Ms. Ñúñez' } });
}

// ---------------------------------------------------------------- arbitraries

const BASE_MS = Date.parse('2026-03-01T09:00:00.000Z');
/** One of a few minutes, so that equal timestamps (ties) are common. */
export const timeAt = (minute: number): string => new Date(BASE_MS + minute * 60_000).toISOString();
export const timeArb = fc.integer({ min: 0, max: 12 }).map(timeAt);

export const ATTEMPT_UIDS = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
const LO_IDS = ['MATH_LO_001', 'MATH_LO_002', 'READ_LO_001'] as const;

const preferenceArb = fc
  .record({ category: fc.constantFrom('visual_preference_task_1', 'visual_preference_task_2', 'visual_preference_task_3'), value: fc.constantFrom('visual', 'auditory', 'kinesthetic'), timestamp: timeArb, removed: fc.boolean() })
  .map(({ removed, ...r }) => ({ ...r, deletedAt: removed ? r.timestamp : null }));
const interestArb = fc
  .record({ interestName: fc.constantFrom('Space', 'Animals', 'Dinosaurs 🦖', 'Zoë’s music'), timestamp: timeArb, removed: fc.boolean() })
  .map(({ removed, ...r }) => ({ ...r, deletedAt: removed ? r.timestamp : null }));
const struggleArb = fc
  .record({ struggleDescription: fc.constantFrom('Fractions', 'Long words'), timestamp: timeArb, removed: fc.boolean() })
  .map(({ removed, ...r }) => ({ ...r, deletedAt: removed ? r.timestamp : null }));
const metricArb = fc.record({
  taskName: fc.constantFrom('story_sequencing', 'pattern_completion', 'memory_span'),
  metricDetails: fc.record({ accuracy: fc.constantFrom(0.5, 0.75, 1), attempts: fc.integer({ min: 1, max: 3 }) }),
  timestamp: timeArb,
});
const scoreArb = fc.option(fc.constantFrom(0, 0.25, 0.5, 0.8, 1), { nil: null });
const detailsArb = fc.option(fc.record({ hint: fc.constantFrom('a', 'b', 'ü') }), { nil: null });
export const progressArb = fc
  .record({
    loId: fc.constantFrom(...LO_IDS),
    status: fc.constantFrom('not_started' as const, 'in_progress' as const, 'completed' as const),
    start: fc.integer({ min: 0, max: 8 }),
    took: fc.integer({ min: 0, max: 4 }),
    score: scoreArb,
    details: detailsArb,
  })
  .map(({ start, took, ...r }) => ({ ...r, startedAt: timeAt(start), completedAt: r.status === 'completed' ? timeAt(start + took) : null }));
const badgeArb = fc.record({
  badgeId: fc.constantFrom('first_objective', 'first_perfect', 'kind_helper'),
  badgeName: fc.constantFrom('First steps', 'Perfect!', 'Kind helper ✨'),
  earnedDate: timeArb,
  details: fc.option(fc.record({ awardedBy: fc.constantFrom('app', 'educator') }), { nil: null }),
});
const attemptArb: fc.Arbitrary<AttemptRow> = fc.record({
  attemptUid: fc.constantFrom(...ATTEMPT_UIDS),
  loId: fc.constantFrom(...LO_IDS),
  activityId: fc.constantFrom('math_001_quiz_a', 'math_001_game'),
  activityType: fc.constantFrom('quiz', 'game'),
  attemptTimestamp: timeArb,
  score: scoreArb,
  completed: fc.boolean(),
  attemptDetails: fc.option(fc.record({ answers: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }) }), { nil: null }),
});

export const RECORD_KEY: { [T in RecordTable]: (r: LearnerRecords[T][number]) => string } = {
  preferences: (r) => r.category,
  interests: (r) => r.interestName,
  struggles: (r) => r.struggleDescription,
  cognitiveMetrics: (r) => r.taskName,
  loProgress: (r) => r.loId,
  badges: (r) => r.badgeId,
  activityAttempts: (r) => r.attemptUid,
};
const keyOf = (t: RecordTable) => RECORD_KEY[t] as (r: unknown) => string;

export const recordsArb: fc.Arbitrary<LearnerRecords> = fc.record({
  preferences: fc.uniqueArray(preferenceArb, { selector: (r) => r.category, maxLength: 3 }),
  interests: fc.uniqueArray(interestArb, { selector: (r) => r.interestName, maxLength: 4 }),
  struggles: fc.uniqueArray(struggleArb, { selector: (r) => r.struggleDescription, maxLength: 2 }),
  cognitiveMetrics: fc.uniqueArray(metricArb, { selector: (r) => r.taskName, maxLength: 3 }),
  loProgress: fc.uniqueArray(progressArb, { selector: (r) => r.loId, maxLength: 3 }),
  badges: fc.uniqueArray(badgeArb, { selector: (r) => r.badgeId, maxLength: 3 }),
  activityAttempts: fc.uniqueArray(attemptArb, { selector: (r) => r.attemptUid, maxLength: 6 }),
});

export const learnerArb: fc.Arbitrary<LearnerRecord> = fc
  .record({ displayName: fc.constantFrom('Ada', 'Zoë 🦊', 'Ben'), created: fc.integer({ min: 0, max: 4 }), later: fc.integer({ min: 0, max: 8 }) })
  .map(({ displayName, created, later }) => ({ id: 'learner-prop', displayName, createdAt: timeAt(created), lastUpdatedAt: timeAt(created + later) }));

export const transferArb: fc.Arbitrary<LearnerTransfer> = fc.record({ learner: learnerArb, records: recordsArb });

/** Every table sorted by its key (attempts as the database reads them: by time, then uid). */
export function normalizeRecords(records: LearnerRecords): LearnerRecords {
  const out = {} as Record<RecordTable, unknown[]>;
  for (const t of RECORD_TABLES) out[t] = [...(records[t] as unknown[])].sort((x, y) => (keyOf(t)(x) < keyOf(t)(y) ? -1 : keyOf(t)(x) > keyOf(t)(y) ? 1 : 0));
  out.activityAttempts = [...records.activityAttempts].sort((x, y) =>
    x.attemptTimestamp !== y.attemptTimestamp ? (x.attemptTimestamp < y.attemptTimestamp ? -1 : 1) : x.attemptUid < y.attemptUid ? -1 : x.attemptUid > y.attemptUid ? 1 : 0,
  );
  return out as unknown as LearnerRecords;
}

/** A small valid transfer with one row of every table, for building malformed files. */
export function sampleTransfer(id = 'sample-learner'): LearnerTransfer {
  const t = timeAt(0);
  return {
    learner: { id, displayName: 'Amara B.', createdAt: t, lastUpdatedAt: timeAt(5) },
    records: {
      preferences: [{ category: 'visual_preference_task_1', value: 'visual', timestamp: t, deletedAt: null }],
      interests: [
        { interestName: 'Space', timestamp: t, deletedAt: null },
        { interestName: 'Animals', timestamp: timeAt(1), deletedAt: timeAt(1) },
      ],
      struggles: [{ struggleDescription: 'Fractions', timestamp: t, deletedAt: null }],
      cognitiveMetrics: [{ taskName: 'memory_span', metricDetails: { accuracy: 0.8 }, timestamp: t }],
      loProgress: [{ loId: 'MATH_LO_001', status: 'completed', startedAt: timeAt(1), completedAt: timeAt(2), score: 0.9, details: { steps: [1, 2] } }],
      badges: [{ badgeId: 'first_objective', badgeName: 'First steps', earnedDate: timeAt(2), details: null }],
      activityAttempts: [
        { attemptUid: ATTEMPT_UIDS[1] as string, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', attemptTimestamp: timeAt(1), score: 0.5, completed: true, attemptDetails: null },
        { attemptUid: ATTEMPT_UIDS[2] as string, loId: 'MATH_LO_001', activityId: 'math_001_quiz_b', activityType: 'quiz', attemptTimestamp: timeAt(2), score: 0.9, completed: true, attemptDetails: { answers: [1] } },
      ],
    },
  };
}

/** Closes a database opened outside useTempDirs().open() once a property run is done with it. */
export async function usingDatabases<T>(databases: OpenedDatabase[], work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } finally {
    for (const d of databases) d.close();
  }
}
