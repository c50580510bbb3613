import type { ChannelName } from '../../electron/common/channels';
import type { ChannelInput } from '../../electron/common/contract';

/** The learner every sample works on; the round-trip test creates it first. */
export const SAMPLE_LEARNER = 'learner-1';
/** A second learner: created by getOrCreateLearnerProfile, then deleted by deleteLearnerProfile. */
export const SAMPLE_LEARNER_TO_DELETE = 'learner-2';

/**
 * One valid input per contract channel, in the order the round-trip test sends them (adds before
 * gets before removes). The mapped type makes a missing channel a type error; a test checks the
 * runtime keys against CHANNEL_NAMES as well.
 */
export const CHANNEL_SAMPLES: { [C in ChannelName]: ChannelInput<C> } = {
  createLearnerProfile: { displayName: 'Zoë O\'Brien', id: 'learner-new' },
  getOrCreateLearnerProfile: { learnerId: SAMPLE_LEARNER_TO_DELETE, displayName: 'Sam' },
  getLearnerProfile: { learnerId: SAMPLE_LEARNER },
  listLearners: {},
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
  addActivityAttempt: {
    learnerId: SAMPLE_LEARNER,
    loId: 'MATH_LO_001',
    activityId: 'math_001_quiz_a',
    activityType: 'quiz',
    score: 0.9,
    completed: true,
    attemptDetails: { answers: [1, 2, 3] },
    attemptUid: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f',
  },
  getActivityAttempts: { learnerId: SAMPLE_LEARNER, limit: 10 },
  getFullLearnerProfileData: { learnerId: SAMPLE_LEARNER },
  getStatistics: {},
  verifyDatabase: { fixOrphans: false },
  getAppInfo: {},
  deleteLearnerProfile: { learnerId: SAMPLE_LEARNER_TO_DELETE },
};
