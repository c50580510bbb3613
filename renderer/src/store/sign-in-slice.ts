import type { StateCreator } from 'zustand';
import type { LearnerSecret, LearnerSignInView } from '../../../electron/common/accounts';
import { callChannel, DalaCallError } from '../api/call';
import type { AppState } from './app-store';

/** The picker's tile for learners who are in no class. */
export const NO_CLASS = 'no-class';

/** A learner who picked their name and is asked for their secret (as the main process said). */
export interface SignInRequest extends LearnerSignInView {
  /** Until when (ms since the epoch) the main process refuses tries: the pad waits till then. */
  lockedUntil: number | null;
}

export type SecretOutcome = { kind: 'signedIn' } | { kind: 'wrong' } | { kind: 'lockedOut'; seconds: number } | { kind: 'failed' };

export interface SignInSlice {
  /** The class whose names the picker shows: a class id, NO_CLASS, or null for the classes. */
  pickerClassId: string | null;
  choosePickerClass(classId: string | null): void;
  signIn: SignInRequest | null;
  /** Picking a name did not work (the app could not reach its data): shown on the picker. */
  signInFailed: boolean;
  /** A name was picked: signs in at once when the class asks for nothing, else asks for the secret. */
  chooseLearner(learnerId: string): Promise<void>;
  /** Tries the secret (or, the first time, saves it); on success the profile opens. */
  submitSecret(secret: LearnerSecret): Promise<SecretOutcome>;
  cancelSignIn(): void;
}

// The machine's last class is remembered in the window (not a secret: the classes are on show).
const LAST_CLASS_KEY = 'dala.pickerClass';

function readLastClass(): string | null {
  try {
    return globalThis.localStorage?.getItem(LAST_CLASS_KEY) ?? null;
  } catch {
    return null;
  }
}

function rememberClass(classId: string | null): void {
  try {
    if (classId === null) globalThis.localStorage?.removeItem(LAST_CLASS_KEY);
    else globalThis.localStorage?.setItem(LAST_CLASS_KEY, classId);
  } catch {
    // Storage switched off: the picker simply starts at the classes next time.
  }
}

export const createSignInSlice: StateCreator<AppState, [], [], SignInSlice> = (set, get) => {
  const signInAs = async (learnerId: string, secret?: LearnerSecret) => {
    await callChannel(get().api, 'signInLearner', secret === undefined ? { learnerId } : { learnerId, secret });
    set({ signedOutNotice: null });
    try {
      await get().refreshSession();
      await get().openLearner(learnerId);
    } finally {
      // Only now: the pad stays on screen until the profile is there to replace it.
      set({ signIn: null });
    }
  };

  return {
    pickerClassId: readLastClass(),
    choosePickerClass: (classId) => {
      rememberClass(classId);
      set({ pickerClassId: classId });
    },
    signIn: null,
    signInFailed: false,
    chooseLearner: async (learnerId) => {
      await get().signingOut;
      set({ signInFailed: false });
      try {
        const view = await callChannel(get().api, 'getLearnerSignIn', { learnerId });
        if (view.method === 'none') await signInAs(learnerId);
        else set({ signIn: { ...view, lockedUntil: null }, signedOutNotice: null });
      } catch {
        set({ signInFailed: true });
      }
    },
    submitSecret: async (secret) => {
      const request = get().signIn;
      if (!request) return { kind: 'failed' };
      try {
        await signInAs(request.learnerId, secret);
        return { kind: 'signedIn' };
      } catch (error) {
        if (!(error instanceof DalaCallError)) return { kind: 'failed' };
        if (error.code === 'rate_limited') {
          const seconds = error.retryAfterSeconds ?? 30;
          // Only if the learner is still on the pad: they may have gone back meanwhile.
          if (get().signIn?.learnerId === request.learnerId) set({ signIn: { ...request, lockedUntil: Date.now() + seconds * 1000 } });
          return { kind: 'lockedOut', seconds };
        }
        if (error.code === 'invalid_input' && error.field === 'secret') return { kind: 'wrong' };
        return { kind: 'failed' };
      }
    },
    cancelSignIn: () => set({ signIn: null }),
  };
};
