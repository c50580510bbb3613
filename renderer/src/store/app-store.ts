import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DalaApi } from '../../../electron/common/contract';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createProfileSlice, type ProfileSlice } from './profile-slice';
import { createSaveSlice, type SaveSlice } from './save-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createTransferSlice, type TransferSlice } from './transfer-slice';

export interface ApiSlice {
  /** window.dala in Electron, HTTP in the browser host, an in-process API in tests. */
  api: DalaApi;
}

export type AppState = ApiSlice & SessionSlice & ProfileSlice & SaveSlice & NavigationSlice & TransferSlice;
export type AppStore = StoreApi<AppState>;

/** The app's state, split into slices by area; one store per window. */
export function createAppStore(api: DalaApi): AppStore {
  return createStore<AppState>()((...a) => ({
    api,
    ...createSessionSlice(...a),
    ...createProfileSlice(...a),
    ...createSaveSlice(...a),
    ...createNavigationSlice(...a),
    ...createTransferSlice(...a),
  }));
}
