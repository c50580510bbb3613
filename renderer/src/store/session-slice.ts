import type { StateCreator } from 'zustand';
import type { SessionView } from '../../../electron/common/accounts';
import { assessmentProgress } from '../../../electron/common/assessment-progress';
import type { ClassView, LearnerNameView } from '../../../electron/common/classes';
import { callChannel, DalaCallError } from '../api/call';
import { text } from '../i18n';
import type { AppState } from './app-store';
import type { Screen } from './navigation-slice';

/** Why the picker is showing after a learner's session ended without them asking. */
export interface SignedOutNotice {
  /** 'idle': this window saw no use for too long; 'ended': the main process had ended the session. */
  reason: 'idle' | 'ended';
  /** A change the learner made was refused because of it: say so, so nothing is lost silently. */
  unsaved: boolean;
}

export interface SessionSlice {
  /** A copy of the main process's answer to getSession: the window only asks, it never decides. */
  session: SessionView | null;
  /** The picker's names (names only: the shared picker never shows other children's progress). */
  learners: LearnerNameView[] | null;
  /** The machine's classes the picker shows (archived ones never). */
  classes: ClassView[] | null;
  learnersError: string | null;
  signedOutNotice: SignedOutNotice | null;
  /** At startup: who is signed in, the picker's names, and the open learner again after a reload. */
  startSession(): Promise<void>;
  refreshSession(): Promise<SessionView | null>;
  /** The picker's classes and names, read together so the tiles and the names agree. */
  loadLearners(): Promise<void>;
  /** Creates the learner (signed in as them at once) and opens their profile; returns an error message for the form, or null. */
  createLearner(displayName: string, classId?: string): Promise<string | null>;
  /** Opens the signed-in learner and continues where they left off: the assessment, or their pathway. */
  openLearner(learnerId: string): Promise<void>;
  /** "Switch learner": signs out and goes back to the picker. */
  leaveLearner(): void;
  /** The session ended without the learner asking (idle, or refused by the main process). */
  endLearnerSession(notice: SignedOutNotice): void;
  dismissSignedOutNotice(): void;
  /**
   * The learner is using the window: tell the main process (any call counts as use there), and
   * follow it back to the picker if it has ended the session meanwhile.
   */
  keepSessionAlive(): Promise<void>;
  /** A learner channel answered `forbidden`: on a learner screen that means the session is over. */
  learnerCallRefused(unsaved: boolean): void;
  /** Resolves once the last sign-out has reached the main process (a new sign-in waits for it). */
  signingOut: Promise<void>;
}

/** The screens that show the open learner's own records. */
const LEARNER_SCREENS: ReadonlySet<Screen['name']> = new Set(['assessment', 'pathway', 'activity', 'profile']);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => {
  /** Closes the open learner on screen and signs them out in the main process. */
  const signOut = (notice: SignedOutNotice | null) => {
    set({ profile: null, profileError: null, pendingBadges: [], saveStatus: { state: 'idle' }, signIn: null, signedOutNotice: notice });
    get().goTo({ name: 'picker' });
    const previous = get().signingOut;
    const done = (async () => {
      await previous;
      // Already ended in the main process, or not reachable: either way nobody is signed in here.
      await callChannel(get().api, 'signOutLearner', {}).catch(() => undefined);
      await get().refreshSession();
    })();
    set({ signingOut: done });
    void done.then(() => get().loadLearners());
  };

  return {
    session: null,
    learners: null,
    classes: null,
    learnersError: null,
    signedOutNotice: null,
    signingOut: Promise.resolve(),
    startSession: async () => {
      const [session] = await Promise.all([get().refreshSession(), get().loadLearners()]);
      // A reload (or a second look at the window) carries on as whoever the main process has signed in.
      if (session?.learner && !get().profile) await get().openLearner(session.learner.id);
    },
    refreshSession: async () => {
      try {
        const session = await callChannel(get().api, 'getSession', {});
        set({ session });
        return session;
      } catch {
        return get().session;
      }
    },
    loadLearners: async () => {
      try {
        const [learners, classes] = await Promise.all([callChannel(get().api, 'listLearners', {}), callChannel(get().api, 'listClasses', {})]);
        set({ learners, classes: classes.filter((c) => !c.archived), learnersError: null });
      } catch (error) {
        set({ learnersError: messageOf(error) });
      }
    },
    createLearner: async (displayName, classId) => {
      await get().signingOut;
      try {
        const profile = await callChannel(get().api, 'createLearnerProfile', classId === undefined ? { displayName } : { displayName, classId });
        set({ signedOutNotice: null });
        await get().refreshSession();
        await get().openLearner(profile.id);
        void get().loadLearners();
        return null;
      } catch (error) {
        if (error instanceof DalaCallError && error.code === 'forbidden') return text.picker.signUpOff;
        return error instanceof DalaCallError ? error.message : String(error);
      }
    },
    openLearner: async (learnerId) => {
      await get().loadProfile(learnerId);
      const profile = get().profile;
      if (!profile) return;
      if (!get().session?.learner) void get().refreshSession();
      get().goTo(assessmentProgress(profile).finished ? { name: 'pathway' } : { name: 'assessment' });
    },
    leaveLearner: () => signOut(null),
    endLearnerSession: (notice) => signOut(notice),
    dismissSignedOutNotice: () => set({ signedOutNotice: null }),
    keepSessionAlive: async () => {
      const before = get().session;
      const session = await get().refreshSession();
      if (before?.learner && session && !session.learner) get().learnerCallRefused(false);
    },
    learnerCallRefused: (unsaved) => {
      const { profile, screen } = get();
      if (profile && LEARNER_SCREENS.has(screen.name)) get().endLearnerSession({ reason: 'ended', unsaved });
    },
  };
};
