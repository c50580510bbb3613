import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** Stops any navigation or redirect away from app://dala/. */
function keepOnAppOrigin(event: NavigationEvent): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/**
 * Denies every permission (camera, microphone, notifications, geolocation, clipboard reads, HID,
 * USB, serial, …): the app needs none, and a permission never granted cannot be abused.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The guards every webContents gets: no navigation, redirect or frame navigation off app://dala/,
 * no new windows (nothing is opened, not even in the browser), no <webview>, no permissions.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => keepOnAppOrigin(event));
  contents.on('will-frame-navigate', (event) => keepOnAppOrigin(event));
  contents.on('will-redirect', (event) => keepOnAppOrigin(event));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyAllPermissions(contents.session);
}

/** Installs the guards on every webContents the app ever creates. Call before ready. */
export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
