import type { StateCreator } from 'zustand';
import type { ClassDetailView, ClassView } from '../../../electron/common/classes';
import type { ChannelInput } from '../../../electron/common/contract';
import type { ErrorCode } from '../../../electron/common/errors';
import { callChannel, DalaCallError } from '../api/call';
import type { AppState } from './app-store';

/** Why the unlock form is showing: locked by hand, by this window's idle clock, or by the main process. */
export type EducatorLockReason = 'locked' | 'idle' | 'refused';

/** What an unlock (or the first admin's setup) came to, for the form to say. */
export type UnlockOutcome =
  | { kind: 'unlocked' }
  /** A wrong username or password, or a field the main process refused (its words, for the field named). */
  | { kind: 'wrong'; message: string; field: string | undefined }
  /** Too many wrong tries: nothing is checked until then (ms since the epoch). */
  | { kind: 'lockedOut'; until: number }
  | { kind: 'failed'; code: ErrorCode; message: string };

export interface EducatorSlice {
  /** Shown on the unlock form; cleared once someone unlocks. */
  educatorNotice: EducatorLockReason | null;
  /**
   * The classes the unlocked educator works with, with their learners and coaches: every class for
   * an admin, a coach's own classes (not archived) for a coach. Null until read.
   */
  educatorClasses: ClassDetailView[] | null;
  educatorClassesError: { code: ErrorCode; message: string } | null;
  unlockEducator(username: string, password: string): Promise<UnlockOutcome>;
  setUpFirstAdmin(input: ChannelInput<'setUpFirstAdmin'>): Promise<UnlockOutcome>;
  /** Locks in the main process, then shows what the main process says (the form, unless it failed). */
  lockEducator(reason: Exclude<EducatorLockReason, 'refused'>): Promise<boolean>;
  /**
   * A call in Educator tools answered `forbidden`: ask the main process who is unlocked. When
   * nobody is (it locked itself), the unlock form shows with the reason; when the educator still
   * is, the panel shows the refusal itself (a coach asked for something of another class).
   */
  educatorCallRefused(): Promise<void>;
  loadEducatorClasses(): Promise<void>;
  /** A panel changed a class: the new view replaces the old one everywhere. */
  putEducatorClass(view: ClassView | ClassDetailView): void;
}

function outcomeOf(error: unknown): UnlockOutcome {
  if (!(error instanceof DalaCallError)) return { kind: 'failed', code: 'storage', message: String(error) };
  if (error.code === 'rate_limited') return { kind: 'lockedOut', until: Date.now() + (error.retryAfterSeconds ?? 30) * 1000 };
  if (error.code === 'invalid_input') return { kind: 'wrong', message: error.message, field: error.field };
  return { kind: 'failed', code: error.code, message: error.message };
}

const isForbidden = (error: unknown): boolean => error instanceof DalaCallError && error.code === 'forbidden';

export const createEducatorSlice: StateCreator<AppState, [], [], EducatorSlice> = (set, get) => {
  /** After the main process unlocked: a fresh start, nothing of whoever was here before. */
  const unlocked = async (): Promise<UnlockOutcome> => {
    set({ educatorNotice: null, educatorClasses: null, educatorClassesError: null });
    await get().refreshSession();
    return { kind: 'unlocked' };
  };

  return {
    educatorNotice: null,
    educatorClasses: null,
    educatorClassesError: null,

    unlockEducator: async (username, password) => {
      try {
        await callChannel(get().api, 'unlockEducator', { username, password });
      } catch (error) {
        return outcomeOf(error);
      }
      return unlocked();
    },

    setUpFirstAdmin: async (input) => {
      try {
        await callChannel(get().api, 'setUpFirstAdmin', input);
      } catch (error) {
        // Someone made an account meanwhile: the form gives way to the unlock form.
        if (error instanceof DalaCallError && error.code === 'conflict') await get().refreshSession();
        return outcomeOf(error);
      }
      return unlocked();
    },

    lockEducator: async (reason) => {
      const done = await callChannel(get().api, 'lockEducator', {}).then(
        () => true,
        () => false,
      );
      const session = await get().refreshSession();
      if (!session?.educator) set({ educatorNotice: reason, educatorClasses: null, educatorClassesError: null });
      return done && !session?.educator;
    },

    educatorCallRefused: async () => {
      const session = await get().refreshSession();
      if (!session?.educator) set({ educatorNotice: 'refused', educatorClasses: null, educatorClassesError: null });
    },

    loadEducatorClasses: async () => {
      const educator = get().session?.educator;
      if (!educator) return;
      const { api } = get();
      try {
        const classes = await callChannel(api, 'listClasses', {});
        const wanted = educator.role === 'admin' ? classes : classes.filter((c) => !c.archived);
        // A coach's classes are those whose details answer them. Stop-gap: the session does not
        // name a coach's classes yet (reported to the backend); a refusal here is "not theirs".
        const details = await Promise.all(
          wanted.map((c) =>
            callChannel(api, 'getClassDetails', { classId: c.id }).catch((error: unknown) => {
              if (educator.role === 'coach' && isForbidden(error)) return null;
              throw error;
            }),
          ),
        );
        const own = details.filter((d): d is ClassDetailView => d !== null);
        // Every class refused: more likely the main process locked the tools than "no classes".
        if (own.length === 0 && wanted.length > 0) await get().educatorCallRefused();
        if (get().session?.educator?.id !== educator.id) return;
        set({ educatorClasses: own, educatorClassesError: null });
      } catch (error) {
        if (isForbidden(error)) await get().educatorCallRefused();
        set({ educatorClassesError: error instanceof DalaCallError ? { code: error.code, message: error.message } : { code: 'storage', message: String(error) } });
      }
    },

    putEducatorClass: (view) => {
      const list = get().educatorClasses ?? [];
      const old = list.find((c) => c.id === view.id);
      const next: ClassDetailView = { learnerIds: old?.learnerIds ?? [], coachIds: old?.coachIds ?? [], ...view };
      const merged = old ? list.map((c) => (c.id === view.id ? next : c)) : [...list, next];
      set({ educatorClasses: merged.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })) });
    },
  };
};
