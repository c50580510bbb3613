import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { createChannelDispatcher, type ChannelDispatcher } from '../../database/channels/dispatch';
import type { OpenedDatabase } from '../../database/open';
import { TEST_ADMIN } from '../../database/test-support/accounts';
import { useTempDirs } from '../../database/test-support/temp-database';
import { DEFAULT_PAYLOAD_LIMIT_BYTES, ipcChannel } from '../common/channels';
import { CHANNEL_NAMES, payloadLimitOf } from '../common/contract';
import { FakeIpcMain, FakeWebContents, FakeWebFrame } from '../test-support/fake-electron';
import { registerIpcHandlers, REFUSED_SENDER_MESSAGE } from './ipc';

const dirs = useTempDirs();
let database: OpenedDatabase;
let ipcMain: FakeIpcMain;
let logged: Array<{ channel: string; code: string; detail?: string }>;
let refused: string[];
let registered: readonly string[];
/** The DALA window: its top frame shows app://dala/index.html. */
let window: FakeWebContents;

const learnerCount = () => (database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;
const create = ipcChannel('createLearnerProfile');
const dispatcherFor = (log?: (entry: { channel: string; code: string; detail?: string }) => void): ChannelDispatcher =>
  createChannelDispatcher(database, { appVersion: '0.1.0', shell: 'electron' }, log);
/** What the preload sends: the input as JSON text. */
const send = (ipc: FakeIpcMain, from: FakeWebContents, frame: FakeWebFrame | null, channel: string, input: unknown) => ipc.invokeFrom(from, frame, channel, JSON.stringify(input));
/** A dispatcher that records every call that reaches it. */
function spiedDispatcher(calls: string[], log?: (entry: { channel: string; code: string; detail?: string }) => void): Pick<ChannelDispatcher, 'dispatchText'> {
  const real = dispatcherFor(log);
  return {
    dispatchText: (name, text, caller) => {
      calls.push(name);
      return real.dispatchText(name, text, caller);
    },
  };
}

beforeEach(async () => {
  database = await dirs.open();
  ipcMain = new FakeIpcMain();
  logged = [];
  refused = [];
  registered = registerIpcHandlers(ipcMain as unknown as IpcMain, dispatcherFor((entry) => logged.push(entry)), {
    log: (entry) => logged.push(entry),
    onRefusedSender: (channel) => refused.push(channel),
  });
  window = new FakeWebContents();
});

describe('registerIpcHandlers', () => {
  it('registers every contract channel on dala:<name>, and nothing else', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(CHANNEL_NAMES.map((name) => ipcChannel(name)));
    expect(registered).toEqual([...CHANNEL_NAMES]);
    expect(new Set(registered).size).toBe(CHANNEL_NAMES.length);
  });

  it('round-trips a valid createLearnerProfile from the DALA window into the database', async () => {
    const result = (await send(ipcMain, window, window.mainFrame, create, { displayName: "Zoë O'Brien" })) as { ok: boolean; value: { id: string; displayName: string } };
    expect(result.ok).toBe(true);
    expect(result.value.displayName).toBe("Zoë O'Brien");
    expect(learnerCount()).toBe(1);
    const listed = (await send(ipcMain, window, window.mainFrame, ipcChannel('listLearners'), {})) as { ok: boolean; value: Array<{ id: string }> };
    expect(listed.value.map((l) => l.id)).toEqual([result.value.id]);
  });

  it('answers an invalid payload with invalid_input naming the field, and writes nothing', async () => {
    const before = learnerCount();
    for (const payload of [{ displayName: '' }, { displayName: 42 }, { displayName: 'Ann', extra: true }, 'Ann', null]) {
      const result = (await send(ipcMain, window, window.mainFrame, create, payload)) as { ok: boolean; error: { code: string; field?: string } };
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      expect(result.error.code).toBe('invalid_input');
    }
    const named = (await send(ipcMain, window, window.mainFrame, create, { displayName: 42 })) as { error: { field?: string } };
    expect(named.error.field).toBe('displayName');
    expect(learnerCount()).toBe(before);
    expect(logged.every((entry) => entry.code === 'invalid_input')).toBe(true);
  });
});

describe('the sender check', () => {
  const wrongSenders: Array<[string, () => FakeWebFrame | null]> = [
    ['another origin in the top frame', () => Object.assign(window.mainFrame, { url: 'https://example.com/' })],
    ['a look-alike custom origin', () => Object.assign(window.mainFrame, { url: 'app://evil/index.html' })],
    ['a file:// page', () => Object.assign(window.mainFrame, { url: 'file:///tmp/evil.html' })],
    ['a subframe, even on app://dala', () => window.subframe('app://dala/index.html')],
    ['a top frame that is not the sender’s main frame', () => new FakeWebFrame('app://dala/index.html')],
    ['a missing frame (disposed or navigated away)', () => null],
    ['a detached frame (running unload handlers)', () => Object.assign(window.mainFrame, { detached: true })],
  ];

  for (const [name, frame] of wrongSenders) {
    it(`refuses ${name} without touching the database`, async () => {
      const before = learnerCount();
      const result = await send(ipcMain, window, frame(), create, { displayName: 'Should Not Exist' });
      expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: REFUSED_SENDER_MESSAGE } });
      expect(learnerCount()).toBe(before);
      expect(refused).toEqual(['createLearnerProfile']);
      expect(logged).toEqual([]);
    });
  }

  it('refuses a sender whose frame throws when read (disposed render frame)', async () => {
    const event = {
      sender: window,
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const listener = ipcMain.handlers.get(create)!;
    expect(await listener(event, JSON.stringify({ displayName: 'X' }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(learnerCount()).toBe(0);
  });

  it('calls no handler at all for a wrong sender', async () => {
    const calls: string[] = [];
    const spied = new FakeIpcMain();
    registerIpcHandlers(spied as unknown as IpcMain, spiedDispatcher(calls));
    await send(spied, window, window.subframe('app://dala/'), create, { displayName: 'X' });
    expect(calls).toEqual([]);
    await send(spied, window, window.mainFrame, create, { displayName: 'Y' });
    expect(calls).toEqual(['createLearnerProfile']);
  });

  it('checks the sender on every channel, reads included', async () => {
    (await send(ipcMain, window, window.mainFrame, create, { displayName: 'Ann' })) as unknown;
    const stranger = new FakeWebContents(undefined, 'https://example.com/');
    for (const name of CHANNEL_NAMES) {
      const result = (await send(ipcMain, stranger, stranger.mainFrame, ipcChannel(name), {})) as { ok: boolean; error?: { message: string } };
      expect(result.ok, name).toBe(false);
      expect(result.error?.message, name).toBe(REFUSED_SENDER_MESSAGE);
    }
    expect(learnerCount()).toBe(1);
  });
});

describe('the payload size limit', () => {
  const big = (bytes: number) => 'x'.repeat(bytes);

  it('counts the UTF-8 bytes received: a text just under the limit in characters but over it in bytes is refused', async () => {
    const result = await send(ipcMain, window, window.mainFrame, ipcChannel('addInterest'), { learnerId: 'x', interestName: 'é'.repeat(DEFAULT_PAYLOAD_LIMIT_BYTES / 2) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: `The request is larger than ${DEFAULT_PAYLOAD_LIMIT_BYTES} bytes.` } });
  });

  it('refuses a 5 MB addInterest as invalid_input before it is parsed, and writes nothing', async () => {
    await send(ipcMain, window, window.mainFrame, create, { displayName: 'Ann' });
    const before = learnerCount();
    const spied = new FakeIpcMain();
    registerIpcHandlers(spied as unknown as IpcMain, dispatcherFor((e) => logged.push(e)), { log: (e) => logged.push(e) });
    const result = await send(spied, window, window.mainFrame, ipcChannel('addInterest'), { learnerId: 'x', interestName: big(5_000_000) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: `The request is larger than ${DEFAULT_PAYLOAD_LIMIT_BYTES} bytes.` } });
    expect(logged).toContainEqual({ channel: 'addInterest', code: 'invalid_input', detail: 'too_large' });
    expect(learnerCount()).toBe(before);
  });

  it('gives the file channels no larger limit: files travel by id, their content never crosses IPC', () => {
    for (const name of ['previewProfileImport', 'checkBackupFile', 'startRestore', 'openDroppedFile', 'saveTransferFile'] as const) {
      expect(payloadLimitOf(name), name).toBe(DEFAULT_PAYLOAD_LIMIT_BYTES);
    }
  });

  it('refuses file content sent the old way (5 MB in previewProfileImport) before it is parsed', async () => {
    await send(ipcMain, window, window.mainFrame, ipcChannel('setUpFirstAdmin'), TEST_ADMIN);
    const result = await send(ipcMain, window, window.mainFrame, ipcChannel('previewProfileImport'), { content: big(5_000_000), fileName: 'big.dalaprofile' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: `The request is larger than ${DEFAULT_PAYLOAD_LIMIT_BYTES} bytes.` } });
    expect(logged).toContainEqual({ channel: 'previewProfileImport', code: 'invalid_input', detail: 'too_large' });
  });

  it('refuses a payload that is not JSON text (an object sent past the preload, broken JSON) with invalid_input', async () => {
    const calls: string[] = [];
    const spied = new FakeIpcMain();
    registerIpcHandlers(spied as unknown as IpcMain, spiedDispatcher(calls), { log: (e) => logged.push(e) });
    expect(await spied.invokeFrom(window, window.mainFrame, create, { displayName: 'Ann' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
    expect(await spied.invokeFrom(window, window.mainFrame, create, '{"displayName": "Ann"')).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request is not valid JSON.' } });
    expect(learnerCount()).toBe(0);
  });
});
