import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../../electron/common/errors';
import { DalaCallError } from '../api/call';
import type { AppState } from './app-store';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; code: ErrorCode; retry: () => Promise<unknown> };

export interface SaveSlice {
  saveStatus: SaveStatus;
  /**
   * Runs one save: shows "Saving…", applies the answer only once the database has it, and on
   * failure re-reads the profile (so nothing unsaved stays on screen) and offers a retry.
   */
  runSave<T>(operation: () => Promise<T>, apply: (value: T) => void): Promise<T | undefined>;
  dismissSaveError(): void;
}

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set, get) => {
  const runSave: SaveSlice['runSave'] = async (operation, apply) => {
    set({ saveStatus: { state: 'saving' } });
    try {
      const value = await operation();
      apply(value);
      set({ saveStatus: { state: 'saved', at: Date.now() } });
      return value;
    } catch (error) {
      const code: ErrorCode = error instanceof DalaCallError ? error.code : 'storage';
      // Refused because the session ended: the picker now says this change was not saved, and
      // trying again here cannot work until the learner signs in again.
      if (code === 'forbidden' && get().profile === null) return undefined;
      set({ saveStatus: { state: 'failed', code, retry: () => runSave(operation, apply) } });
      await get().refreshProfile();
      return undefined;
    }
  };
  return {
    saveStatus: { state: 'idle' },
    runSave,
    dismissSaveError: () => set({ saveStatus: { state: 'idle' } }),
  };
};
