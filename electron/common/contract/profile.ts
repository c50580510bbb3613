import * as dto from '../dto';
import type {
  ActivityAttempt,
  ActivityAttemptResult,
  BadgeRecord,
  BadgesAwarded,
  CognitiveMetric,
  FullLearnerProfile,
  Interest,
  LoProgress,
  LoProgressChange,
  Preference,
  Struggle,
} from '../profile';
import { learnerChannel } from './define';

/** One learner's records: what the assessment, the pathway and the activities read and save. */
export const profileContract = {
  getFullLearnerProfileData: learnerChannel<FullLearnerProfile>()(dto.learnerRefInput, 'ownRecords'),
  addOrUpdatePreference: learnerChannel<{ preference: Preference } & BadgesAwarded>()(dto.addOrUpdatePreferenceInput, 'ownRecords'),
  removePreference: learnerChannel<{ removed: true }>()(dto.removePreferenceInput, 'ownRecords'),
  getPreferences: learnerChannel<Preference[]>()(dto.learnerRefInput, 'ownRecords'),
  addInterest: learnerChannel<Interest & BadgesAwarded>()(dto.interestInput, 'ownRecords'),
  removeInterest: learnerChannel<{ removed: true }>()(dto.interestInput, 'ownRecords'),
  getInterests: learnerChannel<Interest[]>()(dto.learnerRefInput, 'ownRecords'),
  addStruggle: learnerChannel<Struggle>()(dto.struggleInput, 'ownRecords'),
  removeStruggle: learnerChannel<{ removed: true }>()(dto.struggleInput, 'ownRecords'),
  getStruggles: learnerChannel<Struggle[]>()(dto.learnerRefInput, 'ownRecords'),
  addOrUpdateCognitiveMetric: learnerChannel<{ metric: CognitiveMetric } & BadgesAwarded>()(dto.addOrUpdateCognitiveMetricInput, 'ownRecords'),
  getCognitiveMetrics: learnerChannel<CognitiveMetric[]>()(dto.learnerRefInput, 'ownRecords'),
  addOrUpdateLoProgress: learnerChannel<{ progress: LoProgress; change: LoProgressChange } & BadgesAwarded>()(dto.addOrUpdateLoProgressInput, 'ownRecords'),
  getLoProgress: learnerChannel<LoProgress[]>()(dto.learnerRefInput, 'ownRecords'),
  /** A badge given by hand: an educator's decision, not the learner's. */
  addBadgeRecord: learnerChannel<BadgeRecord>()(dto.addBadgeRecordInput, 'learnersEducator'),
  getBadges: learnerChannel<BadgeRecord[]>()(dto.learnerRefInput, 'ownRecords'),
  addActivityAttempt: learnerChannel<ActivityAttemptResult>()(dto.addActivityAttemptInput, 'ownRecords'),
  getActivityAttempts: learnerChannel<ActivityAttempt[]>()(dto.listActivityAttemptsInput, 'ownRecords'),
};
