import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { invokeChannel } from '../dispatch';
import { databasePath } from '../../database/data-dir';
import { openDatabase } from '../../database/open';
import { CHANNEL_NAMES, type ChannelName } from '../../electron/common/contract';
import { ERROR_CODES } from '../../electron/common/errors';
import type { JobStatusView } from '../../electron/common/transfer-views';
import { contentHash } from './db-state';
import type { DrillResult } from './report';

/**
 * Every IPC channel gets `perChannel` generated payloads through invokeChannel (the dispatch IPC
 * and HTTP use): wrong types, missing and extra keys, huge and odd unicode strings, negative, NaN
 * and infinite numbers, deep nesting, prototype-pollution keys, and near-valid payloads with one
 * field broken. Every answer must be `{ ok: true, value }` or a typed `{ ok: false, error }`; no
 * call may throw; a refused call must leave every table as it was; Object.prototype stays clean.
 */

const LEARNER = 'drill-learner';
const UUID = '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f';
const TIME = '2026-03-02T09:00:00.000Z';

/** A plausible payload per channel: the generators break it in one place or replace it. */
const BASE: Record<ChannelName, Record<string, unknown>> = {
  createLearnerProfile: { displayName: 'Zoë', id: 'drill-new' },
  getOrCreateLearnerProfile: { learnerId: LEARNER, displayName: 'Sam' },
  getLearnerProfile: { learnerId: LEARNER },
  getFullLearnerProfileData: { learnerId: LEARNER },
  listLearners: {},
  deleteLearnerProfile: { learnerId: 'drill-other' },
  addOrUpdatePreference: { learnerId: LEARNER, category: 'reading_mode', value: 'pictures first' },
  removePreference: { learnerId: LEARNER, category: 'reading_mode' },
  getPreferences: { learnerId: LEARNER },
  addInterest: { learnerId: LEARNER, interestName: 'Dinosaurs' },
  removeInterest: { learnerId: LEARNER, interestName: 'Dinosaurs' },
  getInterests: { learnerId: LEARNER },
  addStruggle: { learnerId: LEARNER, struggleDescription: 'Fractions' },
  removeStruggle: { learnerId: LEARNER, struggleDescription: 'Fractions' },
  getStruggles: { learnerId: LEARNER },
  addOrUpdateCognitiveMetric: { learnerId: LEARNER, taskName: 'memory_span', metricDetails: { span: 5 } },
  getCognitiveMetrics: { learnerId: LEARNER },
  addOrUpdateLoProgress: { learnerId: LEARNER, loId: 'MATH_LO_001', status: 'in_progress', score: 0.4 },
  getLoProgress: { learnerId: LEARNER },
  addBadgeRecord: { learnerId: LEARNER, badgeId: 'star_reader', badgeName: 'Star Reader' },
  getBadges: { learnerId: LEARNER },
  addActivityAttempt: { learnerId: LEARNER, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 0.9, completed: true, attemptUid: UUID },
  getActivityAttempts: { learnerId: LEARNER, limit: 10 },
  getStatistics: {},
  verifyDatabase: { fixOrphans: false },
  getAppInfo: {},
  exportLearnerProfile: { learnerId: LEARNER },
  previewProfileImport: { fileId: UUID },
  saveTransferFile: { fileId: UUID },
  chooseTransferFile: { purpose: 'backup' },
  openDroppedFile: { path: '/nowhere/x.dalaprofile' },
  getTransferPassphraseSetting: {},
  setSchoolTransferPassphrase: { passphrase: null },
  applyProfileImport: { importId: UUID, policy: 'merge' },
  getLastImport: {},
  undoLastImport: {},
  listSnapshots: {},
  createSnapshot: {},
  restoreSnapshot: { snapshotId: '2026-01-01T00-00-00-000Z_manual' },
  checkBackupFile: { fileId: UUID },
  startBackup: { since: TIME },
  startRestore: { fileId: UUID, replace: false, dryRun: true },
  getJobStatus: { jobId: UUID },
  getSession: {},
  getLearnerSignIn: { learnerId: LEARNER },
  signInLearner: { learnerId: LEARNER, secret: { kind: 'pin', pin: '1234' } },
  signOutLearner: {},
  unlockEducator: { username: 'drill.admin', password: 'drill password' },
  lockEducator: {},
  setUpFirstAdmin: { username: 'drill.admin', displayName: 'Drill', password: 'drill password' },
  changeOwnPassword: { currentPassword: 'drill password', newPassword: 'drill password 2' },
  listEducators: {},
  createEducator: { username: 'drill.coach', displayName: 'Coach', role: 'coach', password: 'coach password' },
  updateEducator: { educatorId: UUID, role: 'admin' },
  resetEducatorPassword: { educatorId: UUID, password: 'another password' },
  setEducatorDisabled: { educatorId: UUID, disabled: true },
  assignCoach: { educatorId: UUID, classId: 'drill-class' },
  unassignCoach: { educatorId: UUID, classId: 'drill-class' },
  listClasses: {},
  listLearnerSummaries: {},
  getClassDetails: { classId: 'drill-class' },
  createClass: { name: 'Drill class', id: 'drill-class' },
  renameClass: { classId: 'drill-class', name: 'Renamed' },
  setClassArchived: { classId: 'drill-class', archived: true },
  setClassSignInMethod: { classId: 'drill-class', method: 'picture' },
  addClassMembers: { classId: 'drill-class', learnerIds: [LEARNER] },
  removeClassMember: { classId: 'drill-class', learnerId: LEARNER },
  getClassReport: { classId: 'drill-class' },
  exportClassReportCsv: { classId: 'drill-class' },
  setLearnerSecret: { learnerId: LEARNER, secret: { kind: 'picture', pictures: ['animals', 'space', 'music'] } },
  resetLearnerSecret: { learnerId: LEARNER },
  getSettings: {},
  updateSettings: { educatorIdleMinutes: 5 },
  listAuditLog: { since: TIME, limit: 10 },
  getAutomaticBackupStatus: {},
  listAutomaticBackups: {},
  runAutomaticBackup: {},
  restoreAutomaticBackup: { backupId: 'dala-auto-2026-01-01T00-00-00-000Z' },
  getSyncStatus: {},
  // The discard port: nothing answers, so an enrolment that passes its schema is refused at once.
  enrolInSchoolHub: { hubUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-2345' },
  syncNow: {},
  leaveSchoolHub: {},
};

function nested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = i % 2 ? { inner: value } : [value];
  return value;
}

/** Values no field should be surprised by. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_SAFE_INTEGER - 1, 2 ** 53, ''),
  fc.constantFrom(' ', '\u0000', '\u202e\u0646', '𝓩𝓸ë 🦊\u200d', 'Robert\'); DROP TABLE learner_profiles;--', '../../etc/passwd', '__proto__', 'constructor', 'NaN', '1e999'),
  fc.constantFrom('x'.repeat(101), 'y'.repeat(65_537), 'z'.repeat(2_000_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom([], {}, [[[[]]]], { a: { b: { c: {} } } }),
  fc.constant(null).map(() => nested(5_000)),
  fc.constant(null).map(() => JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) as unknown),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

/** A payload: something else entirely, or the base with one field broken, removed or one key added. */
function payloads(channel: ChannelName): fc.Arbitrary<unknown> {
  const base = BASE[channel];
  const keys = Object.keys(base);
  const brokenField = fc.tuple(keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('learnerId'), nasty).map(([key, value]) => ({ ...base, [key]: value }));
  const missingField = keys.length > 0 ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))) : fc.constant({});
  const extraKey = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'learnerId'), nasty).map(([key, value]) => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
  return fc.oneof(nasty, brokenField, brokenField, missingField, extraKey, fc.constant(base));
}

/** Why an answer is not one of the two typed shapes, or undefined if it is. */
function untyped(answer: unknown): string | undefined {
  if (answer === null || typeof answer !== 'object') return `not an object: ${String(answer)}`;
  const a = answer as Record<string, unknown>;
  const keys = Object.keys(a).sort().join(',');
  if (a.ok === true) return keys === 'ok,value' ? undefined : `ok answer with keys ${keys}`;
  if (a.ok !== false || keys !== 'error,ok') return `answer with keys ${keys}`;
  const e = a.error as Record<string, unknown> | null;
  if (!e || typeof e !== 'object') return 'error is not an object';
  if (!(ERROR_CODES as readonly unknown[]).includes(e.code)) return `error code ${String(e.code)}`;
  if (typeof e.message !== 'string' || e.message.length === 0) return 'error without a message';
  if (/\n\s+at |node_modules|SQLITE_/.test(e.message)) return `error message leaks internals: ${e.message.slice(0, 80)}`;
  if (e.field !== undefined && typeof e.field !== 'string') return 'error field is not a string';
  if (Object.keys(e).some((k) => !['code', 'message', 'field'].includes(k))) return `error with keys ${Object.keys(e).join(',')}`;
  return undefined;
}

const describe = (payload: unknown) => {
  try {
    const text = JSON.stringify(payload) ?? String(payload);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch (error) {
    return `a payload JSON cannot write (${(error as Error).message})`;
  }
};

export async function channelDrill(dataDir: string, perChannel: number, seed: number): Promise<DrillResult> {
  const database = await openDatabase({ dataDir });
  const handlers = createChannelDispatcher(database, { appVersion: 'drill', shell: 'browser' });
  const reader = new Database(databasePath(dataDir), { readonly: true });
  const losses: string[] = [];
  const crashes: string[] = [];
  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? error.message : String(error));
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const tally = { ok: 0, refused: 0 };
  let tried = 0;
  try {
    for (const [c, channel] of CHANNEL_NAMES.entries()) {
      const samples = fc.sample(payloads(channel), { numRuns: perChannel, seed: seed + c });
      for (const payload of samples) {
        tried++;
        const before = contentHash(reader);
        let answer: unknown;
        try {
          answer = await invokeChannel(handlers, channel, payload);
        } catch (error) {
          losses.push(`${channel}(${describe(payload)}) threw: ${(error as Error)?.message ?? String(error)}`);
          continue;
        }
        const problem = untyped(answer);
        if (problem) {
          losses.push(`${channel}(${describe(payload)}): ${problem}`);
          continue;
        }
        const result = answer as { ok: boolean; value?: unknown };
        if (result.ok) {
          tally.ok++;
          // A started job runs on: let it finish before the next call compares the tables.
          const jobId = (result.value as { jobId?: unknown } | null)?.jobId;
          if ((channel === 'startBackup' || channel === 'startRestore') && typeof jobId === 'string') await finished(handlers, jobId);
        } else {
          tally.refused++;
          if (contentHash(reader) !== before) losses.push(`${channel}(${describe(payload)}) was refused but changed the database`);
        }
        if (({} as Record<string, unknown>).polluted !== undefined) losses.push(`${channel}(${describe(payload)}) polluted Object.prototype`);
      }
    }
  } finally {
    reader.close();
    await handlers.close();
    database.close();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  for (const crash of crashes) losses.push(`uncaught: ${crash}`);
  return {
    name: `every IPC channel (${CHANNEL_NAMES.length}) × ${perChannel} generated payloads`,
    tried,
    losses,
    detail: `${tally.ok} answered ok, ${tally.refused} refused with a typed error and the tables unchanged; no throw, no crash, no prototype pollution (seed ${seed})`,
  };
}

async function finished(handlers: ReturnType<typeof createChannelDispatcher>, jobId: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const status = await invokeChannel(handlers, 'getJobStatus', { jobId });
    if (!status.ok || (status.value as JobStatusView).state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
