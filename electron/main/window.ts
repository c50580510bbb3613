import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { PRODUCT_NAME } from '../../database/data-dir';
import { APP_START_URL } from './app-origin';

export { CONTENT_SECURITY_POLICY } from './app-origin';

/**
 * Electron's security checklist for the one DALA window: isolated, sandboxed, no Node anywhere,
 * web security on, no <webview>. Only the preload bridges to the main process.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

/** The screens are designed for 1024×768 and up; the window cannot be made smaller than that. */
export const MAIN_WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 768 } as const;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
  /** Told when the renderer could not be loaded (the window is shown anyway, never left hidden). */
  onLoadFailed?: (error: unknown) => void;
}

/** Creates the window hidden, shows it once it has painted, and loads app://dala/index.html. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((error: unknown) => {
    deps.onLoadFailed?.(error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

/** Brings the window to the front (used when a second copy of the app is started). */
export function bringToFront(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
