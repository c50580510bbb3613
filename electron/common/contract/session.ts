import { z } from 'zod';
import { learnerSecret, password, username, type EducatorRole, type EducatorView, type LearnerSignInView, type SessionView } from '../accounts';
import { displayName, learnerId } from '../dto';
import { channel } from './define';

const empty = z.strictObject({});

/**
 * Sessions live in the main process (and in the browser host, per token), never in the window:
 * the window asks who is signed in and signs in or out, and every other channel checks it.
 */
export const sessionContract = {
  getSession: channel<SessionView>()(empty, 'anyone'),
  getLearnerSignIn: channel<LearnerSignInView>()(z.strictObject({ learnerId }), 'anyone'),
  signInLearner: channel<{ learner: { id: string; displayName: string }; secretCreated: boolean }>()(
    z.strictObject({ learnerId, secret: learnerSecret.optional() }),
    'anyone',
  ),
  signOutLearner: channel<{ signedOut: true }>()(empty, 'anyone'),
  unlockEducator: channel<{ username: string; displayName: string; role: EducatorRole }>()(z.strictObject({ username, password: z.string().min(1, 'must not be empty').max(200) }), 'anyone'),
  lockEducator: channel<{ locked: true }>()(empty, 'anyone'),
  /** Only while the machine has no educator at all: the first account is an admin, unlocked at once. */
  setUpFirstAdmin: channel<EducatorView>()(z.strictObject({ username, displayName, password }), 'anyone', {
    audit: (_input, output) => ({ action: 'first_admin_created', targetType: 'educator', targetId: output.id }),
  }),
  changeOwnPassword: channel<{ changed: true }>()(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password }), 'educator', {
    audit: () => ({ action: 'educator_password_reset', detail: 'own' }),
  }),
};
