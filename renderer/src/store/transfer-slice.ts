import type { StateCreator } from 'zustand';
import type { ChannelInput } from '../../../electron/common/contract';
import type { AppState } from './app-store';
import type { EducatorPanelId } from './navigation-slice';

/** A profile file to preview: read from a drop or the file input, or opened by the OS (an id). */
export interface PendingProfileImport {
  input: ChannelInput<'previewProfileImport'>;
  /** Shown while the file is read ("Reading Ann.dalaprofile…"). */
  fileName: string;
}

export interface TransferSlice {
  /** A file waiting for the import panel to preview it. */
  pendingImport: PendingProfileImport | null;
  /** Goes up whenever an import, restore, undo or snapshot restore has changed the records. */
  dataVersion: number;
  openEducatorPanel(panel: EducatorPanelId): void;
  /** Shows the import panel and hands it the file to preview. */
  importProfileFile(file: PendingProfileImport): void;
  /** The import panel takes the waiting file (once). */
  takePendingImport(): PendingProfileImport | null;
  /**
   * After the records changed underneath the window: reload the learner list and the open
   * profile; a learner who is no longer there is closed (the screen stays where it is).
   */
  afterDataChanged(): Promise<void>;
}

export const createTransferSlice: StateCreator<AppState, [], [], TransferSlice> = (set, get) => ({
  pendingImport: null,
  dataVersion: 0,
  openEducatorPanel: (panel) => get().goTo({ name: 'educator', panel }),
  importProfileFile: (file) => {
    set({ pendingImport: file });
    get().openEducatorPanel('move');
  },
  takePendingImport: () => {
    const pending = get().pendingImport;
    if (pending) set({ pendingImport: null });
    return pending;
  },
  afterDataChanged: async () => {
    set({ dataVersion: get().dataVersion + 1 });
    await get().loadLearners();
    const openId = get().profile?.profile.id;
    if (!openId) return;
    const learners = get().learners;
    if (learners && !get().learnersError && !learners.some((l) => l.id === openId)) {
      set({ profile: null, profileError: null, pendingBadges: [], saveStatus: { state: 'idle' } });
      return;
    }
    await get().refreshProfile();
  },
});
