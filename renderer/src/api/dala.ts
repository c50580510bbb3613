import type { DalaApi, DalaEvents } from '../../../electron/common/contract';
import { createHttpDalaApi, takeHostToken } from './http-transport';

declare global {
  interface Window {
    dala?: DalaApi;
    dalaEvents?: DalaEvents;
  }
}

/** In Electron the preload provides `window.dala`; in the browser host it is HTTP. */
export function resolveDalaApi(): DalaApi {
  return window.dala ?? createHttpDalaApi(takeHostToken());
}

export function resolveDalaEvents(): DalaEvents | undefined {
  return window.dalaEvents;
}
