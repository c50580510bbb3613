import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions } from 'electron';
import type { ElectronMain } from '../main/app-lifecycle';
import { FakeBrowserWindow, FakeEvent, FakeSession, type FakeWebContents, type FakeWebFrame } from './fake-web-contents';

export * from './fake-web-contents';

/**
 * A fake `electron` module for unit tests on machines where the Electron binary cannot run. It
 * records what the code asked for and lets a test play the part of Chromium (navigations,
 * window.open, permission requests, IPC from a given frame). Only what DALA uses is faked.
 */

export class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>([['userData', '/fake/userData']]);
  readonly calls: string[] = [];
  hasLock = true;
  isPackaged = false;
  quitCalls = 0;
  sandboxEnabled = false;
  private readyFlag = false;
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  getVersion(): string {
    return '0.1.0-test';
  }
  getPath(name: string): string {
    const found = this.paths.get(name);
    if (!found) throw new Error(`Failed to get '${name}' path`);
    return found;
  }
  setPath(name: string, value: string): void {
    // Like Electron: a directory that does not exist is an error.
    if (!fs.existsSync(value)) throw new Error(`Failed to set path: ${value} does not exist`);
    if (this.readyFlag && name === 'userData') this.calls.push('setPath(userData) after ready');
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, value);
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.hasLock;
  }
  enableSandbox(): void {
    if (this.readyFlag) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }
  quit(): void {
    this.quitCalls++;
  }
  /** Exit codes `app.exit(code)` was called with (the CLI mode leaves this way). */
  readonly exitCodes: number[] = [];
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  disableHardwareAcceleration(): void {
    this.calls.push('disableHardwareAcceleration');
  }
  isReady(): boolean {
    return this.readyFlag;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Chromium has started: resolves whenReady() and emits 'ready'. */
  markReady(): void {
    this.readyFlag = true;
    this.resolveReady();
    this.emit('ready');
  }
}

export class FakeProtocol {
  readonly privileged: CustomScheme[][] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registeredBeforeReady: boolean | undefined;
  constructor(private readonly app: FakeApp) {}
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.registeredBeforeReady = !this.app.isReady();
    this.privileged.push(schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!this.app.isReady()) throw new Error('protocol.handle() can only be used after the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
  /** What the renderer gets for `url`. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler(new Request(url, init));
  }
}

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** Plays `ipcRenderer.invoke(channel, ...args)` sent from `frame` of `sender`. */
  async invokeFrom(sender: FakeWebContents, frame: FakeWebFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ sender, senderFrame: frame, processId: 1, frameId: 1, type: 'frame' }, ...args);
  }
  /** Plays a `window.dala.<channel>(input)` call as the preload makes it: the input as JSON text. */
  callFrom(sender: FakeWebContents, frame: FakeWebFrame | null, channel: string, input: unknown): Promise<unknown> {
    return this.invokeFrom(sender, frame, channel, JSON.stringify(input));
  }
}

export class FakeDialog {
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly messageBoxes: unknown[] = [];
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    this.messageBoxes.push(args.length > 1 ? args[1] : args[0]);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  }
}

export interface FakeMain {
  app: FakeApp;
  protocol: FakeProtocol;
  ipcMain: FakeIpcMain;
  dialog: FakeDialog;
  defaultSession: FakeSession;
  windows: FakeBrowserWindow[];
  focusedWindow: FakeBrowserWindow | null;
  menuTemplates: MenuItemConstructorOptions[][];
  applicationMenu: unknown;
  openedPaths: string[];
  /** The same fakes, typed as what launchApp takes. */
  electron: ElectronMain;
}

/** A fresh fake main-process `electron`; windows share the default session like real ones do. */
export function createFakeMain(): FakeMain {
  const app = new FakeApp();
  const defaultSession = new FakeSession();
  const fake: Omit<FakeMain, 'electron'> = {
    app,
    protocol: new FakeProtocol(app),
    ipcMain: new FakeIpcMain(),
    dialog: new FakeDialog(),
    defaultSession,
    windows: [],
    focusedWindow: null,
    menuTemplates: [],
    applicationMenu: undefined,
    openedPaths: [],
  };
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options, defaultSession);
      fake.windows.push(this);
      // Electron emits app 'web-contents-created' for every new webContents.
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return fake.focusedWindow;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    protocol: fake.protocol,
    ipcMain: fake.ipcMain,
    dialog: fake.dialog,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        fake.menuTemplates.push(template);
        return { template };
      },
      setApplicationMenu: (menu: unknown) => {
        fake.applicationMenu = menu;
      },
    },
    shell: {
      openPath: (target: string) => {
        fake.openedPaths.push(target);
        return Promise.resolve('');
      },
    },
    session: {
      get defaultSession() {
        if (!app.isReady()) throw new Error('Session can only be received when app is ready');
        return defaultSession;
      },
    },
  };
  // The same object the fakes above update, so that tests see every change.
  return Object.assign(fake, { electron: electron as unknown as ElectronMain });
}

/** The renderer side: ipcRenderer and a contextBridge that captures what is exposed. */
export class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel } });
  }
  /** Plays `webContents.send(channel, payload)` from the main process. */
  sendFromMain(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0, ports: [] };
    this.emit(channel, event, payload);
  }
}

export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  }
}

export function createFakeRenderer(): { ipcRenderer: FakeIpcRenderer; contextBridge: FakeContextBridge } {
  return { ipcRenderer: new FakeIpcRenderer(), contextBridge: new FakeContextBridge() };
}
