import type { StateCreator } from 'zustand';
import { assessmentProgress } from '../../../electron/common/assessment-progress';
import type { LearnerSummary } from '../../../electron/common/profile';
import { callChannel, DalaCallError } from '../api/call';
import type { AppState } from './app-store';

export interface SessionSlice {
  learners: LearnerSummary[] | null;
  learnersError: string | null;
  loadLearners(): Promise<void>;
  /** Creates the learner and opens their profile; returns an error message for the form, or null. */
  createLearner(displayName: string): Promise<string | null>;
  /** Opens a learner and continues where they left off: the assessment, or their pathway. */
  openLearner(learnerId: string): Promise<void>;
  leaveLearner(): void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  learners: null,
  learnersError: null,
  loadLearners: async () => {
    try {
      set({ learners: await callChannel(get().api, 'listLearners', {}), learnersError: null });
    } catch (error) {
      set({ learnersError: error instanceof Error ? error.message : String(error) });
    }
  },
  createLearner: async (displayName) => {
    try {
      const profile = await callChannel(get().api, 'createLearnerProfile', { displayName });
      await get().openLearner(profile.id);
      void get().loadLearners();
      return null;
    } catch (error) {
      return error instanceof DalaCallError ? error.message : String(error);
    }
  },
  openLearner: async (learnerId) => {
    await get().loadProfile(learnerId);
    const profile = get().profile;
    if (!profile) return;
    get().goTo(assessmentProgress(profile).finished ? { name: 'pathway' } : { name: 'assessment' });
  },
  leaveLearner: () => {
    set({ profile: null, profileError: null, pendingBadges: [], saveStatus: { state: 'idle' } });
    get().goTo({ name: 'picker' });
    void get().loadLearners();
  },
});
