import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { useTempDirs } from '../../database/test-support/temp-database';
import { createMainLog, formatLogLine, LOG_MAX_BYTES } from './log';

const dirs = useTempDirs();
const fixedNow = () => new Date('2026-03-02T09:00:00.000Z');

describe('the main-process log', () => {
  it('appends ISO time, level, event, channel and code to <dataDir>/logs/main.log', () => {
    const dataDir = dirs.make();
    const log = createMainLog(dataDir, { now: fixedNow });
    log.write('info', { event: 'database-opened' });
    log.write('warn', { event: 'ipc-sender-refused', channel: 'addInterest', code: 'invalid_input' });
    expect(log.file).toBe(path.join(dataDir, 'logs', 'main.log'));
    expect(fs.readFileSync(log.file, 'utf8')).toBe(
      '2026-03-02T09:00:00.000Z INFO database-opened\n2026-03-02T09:00:00.000Z WARN ipc-sender-refused channel=addInterest code=invalid_input\n',
    );
  });

  it('never writes a learner name, an input or a file path when a handler fails', async () => {
    const database = await dirs.open();
    const log = createMainLog(database.dataDir, { now: fixedNow });
    const dispatcher = createChannelDispatcher(database, { appVersion: '0.1.0', shell: 'electron' }, log.handlerLogger);
    const call = (name: string, input: unknown) => dispatcher.dispatchText(name, JSON.stringify(input), { kind: 'cli' });
    const name = 'Zoë Secretname-Oyelaran';
    // One input failure, one conflict (same id twice), one not_found: every failure path logs.
    await call('createLearnerProfile', { displayName: name, extra: name });
    await call('createLearnerProfile', { displayName: name, id: 'learner-1' });
    await call('createLearnerProfile', { displayName: name, id: 'learner-1' });
    await call('getLearnerProfile', { learnerId: 'no-such-learner-Secretname' });
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).toMatch(/WARN ipc-failure channel=createLearnerProfile code=invalid_input\n/);
    expect(text).toMatch(/WARN ipc-failure channel=createLearnerProfile code=conflict detail=id\n/);
    expect(text).toMatch(/WARN ipc-failure channel=getLearnerProfile code=not_found detail=learnerId\n/);
    expect(text).not.toMatch(/Secretname|Zoë|Oyelaran/);
    expect(text).not.toContain(database.dataDir);
    expect(text).not.toContain(path.sep + 'tmp');
  });

  it('keeps only identifier-like tokens: free text, paths and dotted field paths are cut or redacted', () => {
    const line = formatLogLine(fixedNow(), 'error', { event: 'x', channel: '/home/ann/file.dalaprofile', code: 'Zoë O Brien', detail: 'attemptDetails.answers.Ann' });
    expect(line).toBe('2026-03-02T09:00:00.000Z ERROR x channel=[redacted] code=[redacted] detail=attemptDetails\n');
  });

  it('rotates at 1 MB, keeping one old file', () => {
    const dataDir = dirs.make();
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    const log = createMainLog(dataDir, { now: fixedNow, maxBytes: 200 });
    for (let i = 0; i < 30; i++) log.write('info', { event: `event-${i}` });
    const current = fs.statSync(log.file).size;
    const old = fs.readFileSync(`${log.file}.1`, 'utf8');
    expect(current).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(old)).toBeLessThanOrEqual(200);
    expect(fs.readdirSync(path.dirname(log.file)).sort()).toEqual(['main.log', 'main.log.1']);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('event-29');
  });

  it('never throws, even when the log folder cannot be created', () => {
    const dataDir = dirs.make();
    fs.writeFileSync(path.join(dataDir, 'logs'), 'a file where the folder should be');
    const log = createMainLog(dataDir);
    expect(() => log.write('error', { event: 'x' })).not.toThrow();
  });
});
