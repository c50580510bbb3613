import type { App, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeApp, FakeEvent, FakeWebContents } from '../test-support/fake-electron';
import { isAppUrl } from './app-origin';
import { guardAllWebContents, guardWebContents } from './navigation-guards';

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents);
  return contents;
}

const FOREIGN = ['https://example.com', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/index.html', 'app://dala.evil.com/', 'app://dala:8080/', 'app://user@dala/', 'javascript:alert(1)', 'about:blank', 'data:text/html,hi', 'not a url'];

describe('navigation guards', () => {
  for (const kind of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
    it(`${kind}: prevents leaving app://dala/ and allows staying on it`, () => {
      const contents = guarded();
      for (const url of FOREIGN) expect(contents.navigate(kind, url).defaultPrevented, url).toBe(true);
      for (const url of ['app://dala/x', 'app://dala/index.html#/learners', 'app://DALA/index.html?x=1']) expect(contents.navigate(kind, url).defaultPrevented, url).toBe(false);
    });
  }

  it('denies window.open and opens nothing', () => {
    const contents = guarded();
    expect(contents.openWindow('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://dala/index.html')).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    expect(guarded().attachWebview('https://example.com').defaultPrevented).toBe(true);
  });

  it('denies every permission request, check and device permission of the page’s session', async () => {
    const contents = guarded();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'hid']) {
      expect(await contents.session.requestPermission(permission), permission).toBe(false);
      expect(contents.session.checkPermission(permission), permission).toBe(false);
    }
    expect(contents.session.checkDevicePermission('usb')).toBe(false);
  });

  it('guards every webContents the app creates', () => {
    const app = new FakeApp();
    guardAllWebContents(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.navigate('will-navigate', 'https://example.com').defaultPrevented).toBe(true);
    expect(contents.openWindow('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.attachWebview('x').defaultPrevented).toBe(true);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://dala', () => {
    expect(isAppUrl('app://dala/')).toBe(true);
    expect(isAppUrl('app://dala/a/b?c#d')).toBe(true);
    for (const url of FOREIGN) expect(isAppUrl(url), url).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
