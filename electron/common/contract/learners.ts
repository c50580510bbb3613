import { classId } from '../classes';
import * as dto from '../dto';
import type { LearnerProfile } from '../profile';
import { channel, learnerChannel } from './define';

/** Learner profiles themselves: create, find, delete. The picker's names are in classes.ts. */
export const learnerContract = {
  /**
   * A learner makes their own profile from the picker (while the setting allows) and is signed in
   * as it; an educator makes one for a class they look after.
   */
  createLearnerProfile: channel<LearnerProfile>()(dto.createLearnerProfileInput.extend({ classId: classId.optional() }), 'signUp', {
    audit: (input, output) => ({ action: 'learner_created', targetType: 'learner', targetId: output.id, detail: input.classId }),
  }),
  getOrCreateLearnerProfile: channel<{ profile: LearnerProfile; created: boolean }>()(dto.getOrCreateLearnerProfileInput, 'admin'),
  getLearnerProfile: learnerChannel<LearnerProfile>()(dto.learnerRefInput, 'ownRecords'),
  deleteLearnerProfile: channel<{ learnerId: string; deleted: true }>()(dto.learnerRefInput, 'admin', {
    audit: (input) => ({ action: 'learner_deleted', targetType: 'learner', targetId: input.learnerId }),
  }),
};
