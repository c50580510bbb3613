import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';

/** Fakes of what Chromium owns: events, sessions, frames, webContents and windows. */

/** An Electron event: `preventDefault()` is recorded. Extra properties (e.g. `url`) are copied on. */
export class FakeEvent {
  defaultPrevented = false;
  [key: string]: unknown;
  constructor(properties: Record<string, unknown> = {}) {
    Object.assign(this, properties);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.deviceHandler = handler;
  }
  /** What a page asking for `permission` gets; Chromium's default without a handler is to grant. */
  requestPermission(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.requestHandler) this.requestHandler({}, permission, resolve, { requestingUrl: 'https://example.com/' });
      else resolve(true);
    });
  }
  checkPermission(permission: string): boolean {
    return this.checkHandler ? this.checkHandler({}, permission, 'https://example.com', {}) : true;
  }
  checkDevicePermission(deviceType: string): boolean {
    return this.deviceHandler ? this.deviceHandler({ deviceType, origin: 'https://example.com' }) : true;
  }
}

export class FakeWebFrame {
  detached = false;
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

export interface SentMessage {
  channel: string;
  args: unknown[];
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeWebFrame;
  readonly sent: SentMessage[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  constructor(
    readonly session: FakeSession = new FakeSession(),
    url = 'app://dala/index.html',
  ) {
    super();
    this.mainFrame = new FakeWebFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Plays a navigation event the way Electron 41 emits it (details first, then the deprecated url). */
  navigate(kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): FakeEvent {
    const event = new FakeEvent({ url, isMainFrame: true });
    this.emit(kind, event, url);
    return event;
  }
  /** What `window.open(url)` would get; with no handler Electron opens the window. */
  openWindow(url: string): { action: string } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : { action: 'allow' };
  }
  attachWebview(src: string): FakeEvent {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return event;
  }
  /** A subframe of this page (an iframe). */
  subframe(url: string): FakeWebFrame {
    return new FakeWebFrame(url, this.mainFrame);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    session: FakeSession,
  ) {
    super();
    this.webContents = new FakeWebContents(session);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}
