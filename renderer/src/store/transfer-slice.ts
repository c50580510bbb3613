import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import type { EducatorPanelId } from './navigation-slice';

/**
 * A profile file for the import panel to preview: one dropped on the window (still to be handed
 * to the main process, which the panel does with its progress), or one the OS opened, which the
 * main process already holds by an id.
 */
export type PendingProfileImport = { kind: 'dropped'; file: File } | { kind: 'opened'; fileId: string; fileName: string };

export interface TransferSlice {
  /** A file waiting for the import panel to preview it. */
  pendingImport: PendingProfileImport | null;
  /** Goes up whenever an import, restore, undo or snapshot restore has changed the records. */
  dataVersion: number;
  /** Whether an admin set the school transfer passphrase (never the passphrase itself); null until read. */
  schoolPassphraseSet: boolean | null;
  /** Reads it (Export and Backup propose it when set); a failure leaves it unknown, offering only a typed passphrase. */
  loadTransferPassphraseSetting(): Promise<void>;
  /** The admin set or removed it: every panel (they all stay mounted) follows. */
  schoolPassphraseChanged(set: boolean): void;
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
  schoolPassphraseSet: null,
  loadTransferPassphraseSetting: async () => {
    const result = await get()
      .api.getTransferPassphraseSetting({})
      .catch(() => null);
    if (result?.ok) set({ schoolPassphraseSet: result.value.schoolPassphraseSet });
  },
  schoolPassphraseChanged: (on) => set({ schoolPassphraseSet: on }),
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
