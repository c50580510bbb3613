import fs from 'node:fs';
import type { IpcRenderer } from 'electron';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, ipcChannel, ipcEvent } from '../common/channels';
import { CHANNEL_NAMES } from '../common/contract';
import type { DalaApi, DalaEvents } from '../common/contract';
import { createFakeRenderer, FakeIpcRenderer } from '../test-support/fake-electron';
import { createDalaApi, createDalaEvents, MAX_PENDING_EVENTS } from './bridge';
import { createDalaFiles, type DalaFiles } from './dropped-files';

/** Plays webUtils.getPathForFile: the paths of "dropped" files, and what it was asked. */
class FakeWebUtils {
  readonly asked: unknown[] = [];
  readonly paths = new Map<unknown, string>();
  getPathForFile(file: File): string {
    this.asked.push(file);
    // Like Electron: a File made in the page has no path (''), anything else is refused.
    if (!(file instanceof File)) throw new TypeError("Failed to execute 'getPathForFile': parameter 1 is not of type 'File'.");
    return this.paths.get(file) ?? '';
  }
}

type FakeRenderer = ReturnType<typeof createFakeRenderer> & { webUtils: FakeWebUtils };

// The preload imports electron at top level and exposes its API on import.
vi.mock('electron', async () => {
  const { createFakeRenderer } = await import('../test-support/fake-electron');
  const fake = { ...createFakeRenderer(), webUtils: new FakeWebUtils() };
  (globalThis as { fakeRenderer?: FakeRenderer }).fakeRenderer = fake;
  return fake;
});

let fake: FakeRenderer;
let dala: Record<string, (...args: unknown[]) => Promise<unknown>>;
let dalaEvents: Record<string, (listener: (...args: unknown[]) => void) => () => void>;
let dalaFiles: DalaFiles;

beforeAll(async () => {
  await import('./index');
  fake = (globalThis as { fakeRenderer?: FakeRenderer }).fakeRenderer!;
  dala = fake.contextBridge.exposed.get('dala') as typeof dala;
  dalaEvents = fake.contextBridge.exposed.get('dalaEvents') as typeof dalaEvents;
  dalaFiles = fake.contextBridge.exposed.get('dalaFiles') as DalaFiles;
});

// Compile-time: the preload's objects have every key of the contract's types, and no others.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const apiKeysMatch: Same<keyof ReturnType<typeof createDalaApi>, keyof DalaApi> = true;
const eventKeysMatch: Same<keyof ReturnType<typeof createDalaEvents>, keyof DalaEvents> = true;
void apiKeysMatch;
void eventKeysMatch;

describe('the preload', () => {
  it('exposes exactly window.dala, window.dalaEvents and window.dalaFiles, never ipcRenderer or webUtils', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['dala', 'dalaEvents', 'dalaFiles']);
    for (const api of fake.contextBridge.exposed.values()) {
      expect(api).not.toBe(fake.webUtils);
      for (const value of Object.values(api as object)) {
        expect(typeof value).toBe('function');
        expect(value).not.toBe(fake.ipcRenderer);
        expect(value).not.toBe(fake.webUtils.getPathForFile);
        expect(Object.keys(value as object)).toEqual([]);
      }
      expect(api).not.toHaveProperty('invoke');
      expect(api).not.toHaveProperty('send');
      expect(api).not.toHaveProperty('on');
    }
  });

  it('window.dalaFiles.pathForFile gives a dropped file\'s path from webUtils.getPathForFile, sending nothing over IPC', () => {
    expect(Object.keys(dalaFiles)).toEqual(['pathForFile']);
    fake.ipcRenderer.invocations.length = 0;
    const dropped = new File(['{}'], 'Ann.dalaprofile');
    fake.webUtils.paths.set(dropped, '/home/ann/Desktop/Ann.dalaprofile');
    expect(dalaFiles.pathForFile(dropped)).toBe('/home/ann/Desktop/Ann.dalaprofile');
    expect(fake.webUtils.asked).toEqual([dropped]);
    expect(fake.ipcRenderer.invocations).toEqual([]);
  });

  it('window.dala has exactly one function per contract channel', () => {
    expect(Object.keys(dala).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('each function invokes dala:<channel> with the input and nothing else, and returns the answer', async () => {
    fake.ipcRenderer.invocations.length = 0;
    for (const name of CHANNEL_NAMES) {
      const answer = await dala[name]!({ probe: name }, 'a second argument is not forwarded');
      expect(answer).toEqual({ ok: true, value: { channel: ipcChannel(name) } });
    }
    // The input travels as JSON text: main measures and parses the bytes it receives.
    expect(fake.ipcRenderer.invocations).toEqual(CHANNEL_NAMES.map((name) => ({ channel: `dala:${name}`, args: [JSON.stringify({ probe: name })] })));
  });

  it('answers an input that cannot be JSON (a cycle, a BigInt) without sending anything', async () => {
    fake.ipcRenderer.invocations.length = 0;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [cyclic, { n: BigInt(1) }]) {
      expect(await dala.createLearnerProfile!(input)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request could not be read.' } });
    }
    expect(fake.ipcRenderer.invocations).toEqual([]);
  });

  it('window.dalaEvents has exactly one subscriber per event', () => {
    expect(Object.keys(dalaEvents).sort()).toEqual(['onMenuCommand', 'onProfileFileOpened']);
    expect(EVENT_NAMES).toHaveLength(2);
  });

  it('passes listeners the payload only, never the IpcRendererEvent, until unsubscribed', () => {
    const got: unknown[][] = [];
    const unsubscribe = dalaEvents.onMenuCommand!((...args) => got.push(args));
    fake.ipcRenderer.sendFromMain(ipcEvent('menuCommand'), 'newLearner');
    fake.ipcRenderer.sendFromMain(ipcEvent('profileFileOpened'), { fileId: 'x', fileName: 'A.dalaprofile' });
    expect(got).toEqual([['newLearner']]);
    unsubscribe();
    fake.ipcRenderer.sendFromMain(ipcEvent('menuCommand'), 'backup');
    expect(got).toEqual([['newLearner']]);
  });

  it('reaches only electron, zod and electron/common: nothing a sandboxed preload could not bundle', () => {
    const seen = new Set<string>();
    const common = path.resolve(__dirname, '..', 'common');
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)) {
        if (specifier === 'electron' || specifier === 'zod') continue;
        expect(specifier!.startsWith('.'), `${file} imports the package ${specifier}`).toBe(true);
        const base = path.resolve(path.dirname(file), specifier!);
        const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        expect(resolved, `${file} imports ${specifier}`).toBeDefined();
        expect(resolved!.startsWith(__dirname) || resolved!.startsWith(common), `${file} imports ${specifier}`).toBe(true);
        visit(resolved!);
      }
    };
    visit(path.join(__dirname, 'index.ts'));
    expect(seen.has(path.join(common, 'contract', 'index.ts'))).toBe(true);
  });
});

describe('createDalaFiles', () => {
  it('answers \'\' for a File with no path on disk (made in the page) and for something that is not a File', () => {
    const webUtils = new FakeWebUtils();
    const files = createDalaFiles(webUtils);
    const made = new File(['x'], 'made.dalaprofile');
    expect(files.pathForFile(made)).toBe('');
    expect(files.pathForFile({ name: 'fake.dalaprofile', path: '/etc/passwd' } as unknown as File)).toBe('');
    expect(webUtils.asked).toHaveLength(2);
  });
});

describe('createDalaEvents', () => {
  it('keeps events that arrive before anyone listens and gives them to the first listener', async () => {
    const ipc = new FakeIpcRenderer();
    const events = createDalaEvents(ipc as unknown as IpcRenderer);
    ipc.sendFromMain(ipcEvent('profileFileOpened'), { fileId: '1', fileName: 'A.dalaprofile' });
    const got: unknown[] = [];
    events.onProfileFileOpened((payload) => got.push(payload));
    await Promise.resolve();
    expect(got).toEqual([{ fileId: '1', fileName: 'A.dalaprofile' }]);
    ipc.sendFromMain(ipcEvent('profileFileOpened'), { fileId: '2', fileName: 'B.dalaprofile' });
    expect(got).toHaveLength(2);
  });

  it('keeps early events for a listener that stays (React mounts, unmounts and mounts again)', async () => {
    const ipc = new FakeIpcRenderer();
    const events = createDalaEvents(ipc as unknown as IpcRenderer);
    ipc.sendFromMain(ipcEvent('menuCommand'), 'newLearner');
    const first: unknown[] = [];
    const second: unknown[] = [];
    events.onMenuCommand((p) => first.push(p))();
    events.onMenuCommand((p) => second.push(p));
    await Promise.resolve();
    expect(first).toEqual([]);
    expect(second).toEqual(['newLearner']);
  });

  it('bounds what it keeps, and refuses a listener that is not a function', () => {
    const ipc = new FakeIpcRenderer();
    const events = createDalaEvents(ipc as unknown as IpcRenderer);
    for (let i = 0; i < MAX_PENDING_EVENTS + 10; i++) ipc.sendFromMain(ipcEvent('menuCommand'), 'backup');
    const got: unknown[] = [];
    events.onMenuCommand((p) => got.push(p));
    return Promise.resolve().then(() => {
      expect(got).toHaveLength(MAX_PENDING_EVENTS);
      expect(() => events.onMenuCommand('nope' as unknown as () => void)).toThrow(TypeError);
    });
  });

  it('subscribes with ipcRenderer.on on the prefixed event channels', () => {
    const ipc = new FakeIpcRenderer();
    createDalaEvents(ipc as unknown as IpcRenderer);
    expect(ipc.eventNames().sort()).toEqual(EVENT_NAMES.map((e) => ipcEvent(e)).sort());
  });
});
