import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DalaApi } from '../../../electron/common/contract';
import type { TransferFileTransport } from '../api/transfer-files';
import { createEducatorSlice, type EducatorSlice } from './educator-slice';
import { guardLearnerCalls } from './learner-call-guard';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createProfileSlice, type ProfileSlice } from './profile-slice';
import { createSaveSlice, type SaveSlice } from './save-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSignInSlice, type SignInSlice } from './sign-in-slice';
import { createTransferSlice, type TransferSlice } from './transfer-slice';

export interface ApiSlice {
  /** window.dala in Electron, HTTP in the browser host, an in-process API in tests. */
  api: DalaApi;
  /** How chosen and dropped files reach the main process, and saved files reach the user. */
  files: TransferFileTransport;
}

export type AppState = ApiSlice & SessionSlice & SignInSlice & ProfileSlice & SaveSlice & NavigationSlice & TransferSlice & EducatorSlice;
export type AppStore = StoreApi<AppState>;

/** The app's state, split into slices by area; one store per window. */
export function createAppStore(api: DalaApi, files: TransferFileTransport): AppStore {
  return createStore<AppState>()((...a) => ({
    files,
    // A learner channel refused: the main process ended the session, and the window follows it.
    api: guardLearnerCalls(api, (unsaved) => a[1]().learnerCallRefused(unsaved)),
    ...createSessionSlice(...a),
    ...createSignInSlice(...a),
    ...createProfileSlice(...a),
    ...createSaveSlice(...a),
    ...createNavigationSlice(...a),
    ...createTransferSlice(...a),
    ...createEducatorSlice(...a),
  }));
}
