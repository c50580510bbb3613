import type { StateCreator } from 'zustand';
import type { AddActivityAttemptInput, JsonObject } from '../../../electron/common/dto';
import type { ActivityAttemptResult, BadgeRecord, FullLearnerProfile } from '../../../electron/common/profile';
import { callChannel } from '../api/call';
import type { AppState } from './app-store';
import * as update from './profile-updates';

export interface ProfileSlice {
  /** The open learner's profile exactly as the database last confirmed it. */
  profile: FullLearnerProfile | null;
  profileError: string | null;
  /** Badges just earned, waiting to be celebrated. */
  pendingBadges: BadgeRecord[];
  loadProfile(learnerId: string): Promise<void>;
  refreshProfile(): Promise<void>;
  dismissCelebration(): void;
  addInterest(interestName: string): Promise<void>;
  removeInterest(interestName: string): Promise<void>;
  addStruggle(struggleDescription: string): Promise<void>;
  removeStruggle(struggleDescription: string): Promise<void>;
  choosePreference(category: string, value: string): Promise<void>;
  saveCognitiveMetric(taskName: string, metricDetails: JsonObject): Promise<boolean>;
  recordActivityAttempt(input: Omit<AddActivityAttemptInput, 'learnerId'>): Promise<ActivityAttemptResult | undefined>;
}

export const createProfileSlice: StateCreator<AppState, [], [], ProfileSlice> = (set, get) => {
  const learnerId = (): string => {
    const id = get().profile?.profile.id;
    if (!id) throw new Error('No learner is open.');
    return id;
  };
  const apply = (change: (p: FullLearnerProfile) => FullLearnerProfile) => {
    const current = get().profile;
    if (current) set({ profile: change(current) });
  };
  const celebrate = (badges: BadgeRecord[]) => {
    if (badges.length > 0) set({ pendingBadges: [...get().pendingBadges, ...badges] });
  };
  const api = () => get().api;

  return {
    profile: null,
    profileError: null,
    pendingBadges: [],
    loadProfile: async (id) => {
      try {
        set({ profile: await callChannel(api(), 'getFullLearnerProfileData', { learnerId: id }), profileError: null });
      } catch (error) {
        set({ profileError: error instanceof Error ? error.message : String(error) });
      }
    },
    refreshProfile: async () => {
      const id = get().profile?.profile.id;
      if (id) await get().loadProfile(id);
    },
    dismissCelebration: () => set({ pendingBadges: [] }),
    addInterest: async (interestName) => {
      await get().runSave(
        () => callChannel(api(), 'addInterest', { learnerId: learnerId(), interestName }),
        ({ badgesAwarded, ...row }) => {
          apply((p) => update.withBadges(update.withInterest(p, row), badgesAwarded));
          celebrate(badgesAwarded);
        },
      );
    },
    removeInterest: async (interestName) => {
      await get().runSave(
        () => callChannel(api(), 'removeInterest', { learnerId: learnerId(), interestName }),
        () => apply((p) => update.withoutInterest(p, interestName)),
      );
    },
    addStruggle: async (struggleDescription) => {
      await get().runSave(
        () => callChannel(api(), 'addStruggle', { learnerId: learnerId(), struggleDescription }),
        (row) => apply((p) => update.withStruggle(p, row)),
      );
    },
    removeStruggle: async (struggleDescription) => {
      await get().runSave(
        () => callChannel(api(), 'removeStruggle', { learnerId: learnerId(), struggleDescription }),
        () => apply((p) => update.withoutStruggle(p, struggleDescription)),
      );
    },
    choosePreference: async (category, value) => {
      await get().runSave(
        () => callChannel(api(), 'addOrUpdatePreference', { learnerId: learnerId(), category, value }),
        (result) => {
          apply((p) => update.withBadges(update.withPreference(p, result.preference), result.badgesAwarded));
          celebrate(result.badgesAwarded);
        },
      );
    },
    saveCognitiveMetric: async (taskName, metricDetails) => {
      const result = await get().runSave(
        () => callChannel(api(), 'addOrUpdateCognitiveMetric', { learnerId: learnerId(), taskName, metricDetails }),
        (saved) => {
          apply((p) => update.withBadges(update.withMetric(p, saved.metric), saved.badgesAwarded));
          celebrate(saved.badgesAwarded);
        },
      );
      return result !== undefined;
    },
    recordActivityAttempt: async (input) => {
      // One uid per attempt, made before the first try, so a retried save cannot record it twice.
      const attemptUid = input.attemptUid ?? crypto.randomUUID();
      return get().runSave(
        () => callChannel(api(), 'addActivityAttempt', { ...input, attemptUid, learnerId: learnerId() }),
        (result) => {
          apply((p) => update.withAttemptResult(p, result));
          celebrate(result.badgesAwarded);
        },
      );
    },
  };
};
