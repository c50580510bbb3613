import { z } from 'zod';
import * as dto from '../dto';
import type { LearnerProfile, LearnerSummary } from '../profile';
import { channel, learnerChannel } from './define';

const empty = z.strictObject({});

/** Learner profiles themselves: create, find, list, delete. */
export const learnerContract = {
  createLearnerProfile: channel<LearnerProfile>()(dto.createLearnerProfileInput, 'anyone'),
  getOrCreateLearnerProfile: channel<{ profile: LearnerProfile; created: boolean }>()(dto.getOrCreateLearnerProfileInput, 'educator'),
  getLearnerProfile: learnerChannel<LearnerProfile>()(dto.learnerRefInput, 'ownRecords'),
  listLearners: channel<LearnerSummary[]>()(empty, 'anyone'),
  deleteLearnerProfile: channel<{ learnerId: string; deleted: true }>()(dto.learnerRefInput, 'admin'),
};
