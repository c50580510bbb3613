import type { DalaApi, DalaEvents } from '../../../electron/common/contract';
import { createHttpDalaApi, takeHostToken } from './http-transport';
import { createDesktopTransferFiles, createHostTransferFiles, type TransferFileTransport } from './transfer-files';

declare global {
  interface Window {
    dala?: DalaApi;
    dalaEvents?: DalaEvents;
  }
}

/** What the window talks to: the channels, and the way files reach the main process. */
export interface DalaBackend {
  api: DalaApi;
  files: TransferFileTransport;
}

/** In Electron the preload provides `window.dala`; in the browser host it is HTTP, with one token for calls and uploads. */
export function resolveDalaBackend(): DalaBackend {
  if (window.dala) return { api: window.dala, files: createDesktopTransferFiles(window.dala) };
  const token = takeHostToken();
  return { api: createHttpDalaApi(token), files: createHostTransferFiles(token) };
}

export function resolveDalaEvents(): DalaEvents | undefined {
  return window.dalaEvents;
}
