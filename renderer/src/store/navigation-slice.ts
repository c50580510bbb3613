import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** The educator's panels (tabs), in the order they are shown. */
export const EDUCATOR_PANELS = ['classes', 'report', 'move', 'hub', 'educators', 'audit', 'settings', 'automatic', 'backup', 'undo', 'snapshots', 'statistics', 'verify'] as const;
export type EducatorPanelId = (typeof EDUCATOR_PANELS)[number];

/** The name field of the picker's "new learner" form (File ▸ New learner puts the cursor there). */
export const NEW_LEARNER_FIELD_ID = 'new-learner-name';

export type Screen =
  | { name: 'picker' }
  | { name: 'assessment' }
  | { name: 'pathway' }
  | { name: 'activity'; loId: string; activityId: string }
  | { name: 'profile' }
  /** `panel`: the tab to show (a menu item asked for it); without it the tab stays as it was. */
  | { name: 'educator'; panel?: EducatorPanelId };

export interface NavigationSlice {
  screen: Screen;
  /**
   * An element to focus once the screen has drawn, instead of its heading (File ▸ New learner
   * puts the cursor in the name field). `seq` makes the same request twice count twice.
   */
  focusRequest: { elementId: string; seq: number } | null;
  goTo(screen: Screen): void;
  requestFocus(elementId: string): void;
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  screen: { name: 'picker' },
  focusRequest: null,
  goTo: (screen) => set({ screen }),
  requestFocus: (elementId) => set({ focusRequest: { elementId, seq: (get().focusRequest?.seq ?? 0) + 1 } }),
});
