import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type Screen =
  | { name: 'picker' }
  | { name: 'assessment' }
  | { name: 'pathway' }
  | { name: 'activity'; loId: string; activityId: string }
  | { name: 'profile' }
  | { name: 'educator' };

export interface NavigationSlice {
  screen: Screen;
  goTo(screen: Screen): void;
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set) => ({
  screen: { name: 'picker' },
  goTo: (screen) => set({ screen }),
});
