import type { ChannelName } from '../../electron/common/contract';
import type { ChannelInput, ChannelOutput } from '../../electron/common/contract';

/** The learner every sample works on; the round-trip test creates it first. */
export const SAMPLE_LEARNER = 'learner-1';
/** The admin account the samples set up first, and the class they make. */
export const SAMPLE_ADMIN = { username: 'ms.okafor', password: 'correct horse battery' } as const;
export const SAMPLE_CLASS = 'class-4b';
/** A second learner: created by getOrCreateLearnerProfile, then deleted by deleteLearnerProfile. */
export const SAMPLE_LEARNER_TO_DELETE = 'learner-2';

export const SAMPLE_ATTEMPT: ChannelInput<'addActivityAttempt'> = {
  learnerId: SAMPLE_LEARNER,
  loId: 'MATH_LO_001',
  activityId: 'math_001_quiz_a',
  activityType: 'quiz',
  score: 0.9,
  completed: true,
  attemptDetails: { answers: [1, 2, 3] },
  attemptUid: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f',
};

/** What the channels answered so far in this run: stateful samples read ids and files from it. */
export type SampleResults = { [C in ChannelName]?: ChannelOutput<C> };

/** A fixed input, or one made from earlier answers (an importId, a jobId, a snapshot id). */
export type ChannelSample<C extends ChannelName> = ChannelInput<C> | ((results: SampleResults) => ChannelInput<C>);

/** An earlier answer a stateful sample needs; a clear failure when the script order is wrong. */
function earlier<C extends ChannelName>(results: SampleResults, channel: C): ChannelOutput<C> {
  const value = results[channel];
  if (value === undefined || value === null) throw new Error(`the sample needs the answer of ${channel}, which has not run (or failed)`);
  return value as ChannelOutput<C>;
}

function finishedBackup(results: SampleResults): string {
  const result = earlier(results, 'getJobStatus').result;
  if (result?.kind !== 'backup') throw new Error('getJobStatus did not answer with a finished backup');
  return result.file.fileId;
}

/** Channels that need a school hub to answer: their samples run without one and are refused with not_found. */
export const NEEDS_A_HUB_CHANNELS: readonly ChannelName[] = ['enrolInSchoolHub'];

/** Channels of the desktop app's native dialogs and drops: refused (invalid_input) by the browser host. */
export const DESKTOP_ONLY_CHANNELS: readonly ChannelName[] = ['chooseTransferFile', 'openDroppedFile'];

/**
 * One valid input per contract channel, in the order the round-trip test sends them (adds before
 * gets before removes; then the transfer channels, each using what the one before answered). The
 * mapped type makes a missing channel a type error; a test checks the runtime keys against
 * CHANNEL_NAMES as well. `getJobStatus` is polled until its job has finished.
 */
export const CHANNEL_SAMPLES: { [C in ChannelName]: ChannelSample<C> } = {
  // The machine's first account, which unlocks this session as an admin for what follows.
  setUpFirstAdmin: { username: SAMPLE_ADMIN.username, displayName: 'Ms Okafor', password: SAMPLE_ADMIN.password },
  getSession: {},
  lockEducator: {},
  unlockEducator: SAMPLE_ADMIN,
  getSettings: {},
  updateSettings: { learnerIdleMinutes: 25 },
  createClass: { name: 'Class 4B', id: SAMPLE_CLASS },
  listClasses: {},
  renameClass: { classId: SAMPLE_CLASS, name: 'Class 4B (Room 2)' },
  setClassSignInMethod: { classId: SAMPLE_CLASS, method: 'pin' },
  addClassMembers: { classId: SAMPLE_CLASS, learnerIds: [SAMPLE_LEARNER] },
  getClassDetails: { classId: SAMPLE_CLASS },
  createEducator: { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'a coach password' },
  listEducators: {},
  updateEducator: (r) => ({ educatorId: earlier(r, 'createEducator').id, displayName: 'Mr T. Banda' }),
  resetEducatorPassword: (r) => ({ educatorId: earlier(r, 'createEducator').id, password: 'another coach password' }),
  assignCoach: (r) => ({ educatorId: earlier(r, 'createEducator').id, classId: SAMPLE_CLASS }),
  unassignCoach: (r) => ({ educatorId: earlier(r, 'createEducator').id, classId: SAMPLE_CLASS }),
  setEducatorDisabled: (r) => ({ educatorId: earlier(r, 'createEducator').id, disabled: true }),
  setLearnerSecret: { learnerId: SAMPLE_LEARNER, secret: { kind: 'pin', pin: '1234' } },
  getLearnerSignIn: { learnerId: SAMPLE_LEARNER },
  resetLearnerSecret: { learnerId: SAMPLE_LEARNER },
  listLearners: {},
  listLearnerSummaries: {},
  createLearnerProfile: { displayName: 'Zoë O\'Brien', id: 'learner-new' },
  getOrCreateLearnerProfile: { learnerId: SAMPLE_LEARNER_TO_DELETE, displayName: 'Sam' },
  getLearnerProfile: { learnerId: SAMPLE_LEARNER },
  addOrUpdatePreference: { learnerId: SAMPLE_LEARNER, category: 'reading_mode', value: 'pictures first' },
  getPreferences: { learnerId: SAMPLE_LEARNER },
  removePreference: { learnerId: SAMPLE_LEARNER, category: 'reading_mode' },
  addInterest: { learnerId: SAMPLE_LEARNER, interestName: 'Dinosaurs' },
  getInterests: { learnerId: SAMPLE_LEARNER },
  removeInterest: { learnerId: SAMPLE_LEARNER, interestName: 'Dinosaurs' },
  addStruggle: { learnerId: SAMPLE_LEARNER, struggleDescription: 'Fractions' },
  getStruggles: { learnerId: SAMPLE_LEARNER },
  removeStruggle: { learnerId: SAMPLE_LEARNER, struggleDescription: 'Fractions' },
  addOrUpdateCognitiveMetric: { learnerId: SAMPLE_LEARNER, taskName: 'memory_span', metricDetails: { span: 5, timeMs: 12_000 } },
  getCognitiveMetrics: { learnerId: SAMPLE_LEARNER },
  addOrUpdateLoProgress: { learnerId: SAMPLE_LEARNER, loId: 'MATH_LO_001', status: 'in_progress', score: 0.4 },
  getLoProgress: { learnerId: SAMPLE_LEARNER },
  addBadgeRecord: { learnerId: SAMPLE_LEARNER, badgeId: 'star_reader', badgeName: 'Star Reader' },
  getBadges: { learnerId: SAMPLE_LEARNER },
  addActivityAttempt: SAMPLE_ATTEMPT,
  getActivityAttempts: { learnerId: SAMPLE_LEARNER, limit: 10 },
  getFullLearnerProfileData: { learnerId: SAMPLE_LEARNER },
  getStatistics: {},
  verifyDatabase: { fixOrphans: false },
  getAppInfo: {},
  deleteLearnerProfile: { learnerId: SAMPLE_LEARNER_TO_DELETE },
  exportLearnerProfile: { learnerId: SAMPLE_LEARNER },
  saveTransferFile: (r) => ({ fileId: earlier(r, 'exportLearnerProfile').fileId }),
  chooseTransferFile: { purpose: 'profile' },
  openDroppedFile: { path: '/nowhere/ada.dalaprofile' },
  getTransferPassphraseSetting: {},
  setSchoolTransferPassphrase: { passphrase: null },
  previewProfileImport: (r) => ({ fileId: earlier(r, 'exportLearnerProfile').fileId }),
  applyProfileImport: (r) => ({ importId: earlier(r, 'previewProfileImport').importId, policy: 'merge' }),
  getLastImport: {},
  undoLastImport: {},
  listSnapshots: {},
  createSnapshot: {},
  restoreSnapshot: (r) => ({ snapshotId: earlier(r, 'createSnapshot').id }),
  startBackup: {},
  getJobStatus: (r) => ({ jobId: earlier(r, 'startBackup').jobId }),
  checkBackupFile: (r) => ({ fileId: finishedBackup(r) }),
  startRestore: (r) => ({ fileId: finishedBackup(r), replace: false, dryRun: true }),
  getClassReport: { classId: SAMPLE_CLASS },
  exportClassReportCsv: { classId: SAMPLE_CLASS },
  removeClassMember: { classId: SAMPLE_CLASS, learnerId: SAMPLE_LEARNER },
  setClassArchived: { classId: SAMPLE_CLASS, archived: true },
  runAutomaticBackup: {},
  listAutomaticBackups: {},
  getAutomaticBackupStatus: {},
  restoreAutomaticBackup: (r) => ({ backupId: earlier(r, 'runAutomaticBackup').id }),
  getSyncStatus: {},
  // No hub answers on the discard port: the sample is refused (not_found, nothing written); see NEEDS_A_HUB_CHANNELS.
  enrolInSchoolHub: { hubUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-2345' },
  syncNow: {},
  leaveSchoolHub: {},
  listAuditLog: { limit: 100 },
  changeOwnPassword: { currentPassword: SAMPLE_ADMIN.password, newPassword: 'a new admin password' },
  // Last: a pupil signing in ends the educator session the samples above used.
  signInLearner: { learnerId: SAMPLE_LEARNER },
  signOutLearner: {},
};

export function sampleInput<C extends ChannelName>(channel: C, results: SampleResults): ChannelInput<C> {
  const sample = (CHANNEL_SAMPLES as Record<ChannelName, unknown>)[channel] as ChannelSample<C>;
  return typeof sample === 'function' ? sample(results) : sample;
}

export type SampleCall = (channel: ChannelName, input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;

/**
 * Sends every sample in order through `call`, keeping each answer for the samples after it. A
 * running job's status is asked again (every 50 ms, up to 20 s) until the job has finished.
 */
export async function runChannelSamples(call: SampleCall): Promise<{ results: SampleResults; failures: Array<{ channel: ChannelName; answer: unknown }> }> {
  const results: Record<string, unknown> = {};
  const failures: Array<{ channel: ChannelName; answer: unknown }> = [];
  for (const channel of Object.keys(CHANNEL_SAMPLES) as ChannelName[]) {
    const input = sampleInput(channel, results as SampleResults);
    let answer = await call(channel, input);
    for (let waited = 0; channel === 'getJobStatus' && answer.ok && (answer.value as { state: string }).state === 'running' && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await call(channel, input);
    }
    if (answer.ok) results[channel] = answer.value;
    else failures.push({ channel, answer });
  }
  return { results: results as SampleResults, failures };
}
