import { META_CONTENT_SECURITY_POLICY } from '../common/content-security-policy';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow, FakeSession } from '../test-support/fake-electron';
import { APP_START_URL } from './app-origin';
import { bringToFront, CONTENT_SECURITY_POLICY, createMainWindow, secureWebPreferences } from './window';

const root = path.resolve(__dirname, '..', '..');

function windowClass(created: FakeBrowserWindow[], loadURL?: (url: string) => Promise<void>) {
  return class extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options, new FakeSession());
      created.push(this);
      if (loadURL) this.loadURL = loadURL;
    }
  } as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

describe('secureWebPreferences', () => {
  it('is exactly the security checklist plus the preload, nothing more and nothing less', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with the secure preferences and a 1024×768 minimum, and loads app://dala/index.html', () => {
    const created: FakeBrowserWindow[] = [];
    createMainWindow({ BrowserWindow: windowClass(created), preloadPath: '/p/index.cjs' });
    expect(created).toHaveLength(1);
    const window = created[0]!;
    expect(window.options.webPreferences).toStrictEqual(secureWebPreferences('/p/index.cjs'));
    expect(window.options.show).toBe(false);
    expect(window.options.minWidth).toBe(1024);
    expect(window.options.minHeight).toBe(768);
    expect(window.options.width).toBeGreaterThanOrEqual(1024);
    expect(window.options.height).toBeGreaterThanOrEqual(768);
    expect(window.loadedUrls).toEqual([APP_START_URL]);
    expect(APP_START_URL).toBe('app://dala/index.html');
  });

  it('shows the window on ready-to-show, not before', () => {
    const created: FakeBrowserWindow[] = [];
    createMainWindow({ BrowserWindow: windowClass(created), preloadPath: '/p' });
    expect(created[0]!.visible).toBe(false);
    created[0]!.emit('ready-to-show');
    expect(created[0]!.visible).toBe(true);
  });

  it('shows the window and reports when the renderer cannot be loaded', async () => {
    const created: FakeBrowserWindow[] = [];
    const failures: unknown[] = [];
    createMainWindow({ BrowserWindow: windowClass(created, () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'))), preloadPath: '/p', onLoadFailed: (e) => failures.push(e) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toHaveLength(1);
    expect(created[0]!.visible).toBe(true);
  });

  it('bringToFront restores a minimised window and focuses it', () => {
    const window = new FakeBrowserWindow({}, new FakeSession());
    window.minimize();
    bringToFront(window as unknown as BrowserWindow);
    expect(window.isMinimized()).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(() => bringToFront(undefined)).not.toThrow();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy of renderer/index.html, word for word', () => {
    const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'renderer/index.html has no CSP meta tag').not.toBeNull();
    expect(meta![1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('allows nothing from outside the app', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
