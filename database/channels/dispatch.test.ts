import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../electron/common/contract';
import { mergeDomainMaps } from '../../electron/common/contract/define';
import { DEFAULT_PAYLOAD_LIMIT_BYTES } from '../../electron/common/channels';
import { contentHash, useTempDirs } from '../test-support/temp-database';
import { createChannelDispatcher, decodeRequest } from './dispatch';
import { handlerMap } from './handler-map';

const dirs = useTempDirs();
const CLI = { kind: 'cli' } as const;

async function openDispatcher() {
  const database = await dirs.open();
  const dispatcher = createChannelDispatcher(database, { appVersion: '0.1.0-test', shell: 'cli' });
  return { database, dispatcher };
}

describe('the handler map', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlerMap).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlerMap[name], name).toBe('function');
  });

  it('refuses a key declared in two domain maps at run time too (the type refuses it at compile time)', () => {
    const a = { addInterest: () => 1 };
    const b = { addInterest: () => 2 };
    // @ts-expect-error: a duplicate key does not compile
    expect(() => mergeDomainMaps(a, b)).toThrow(/"addInterest" is declared twice/);
  });
});

describe('decodeRequest', () => {
  it('checks the channel, the bytes received and the JSON syntax, in that order', () => {
    expect(decodeRequest('dropDatabase', '{}')).toMatchObject({ ok: false, refusal: 'unknown_channel', error: { code: 'not_found' } });
    expect(decodeRequest('addInterest', `"${'é'.repeat(DEFAULT_PAYLOAD_LIMIT_BYTES / 2)}"`)).toMatchObject({ ok: false, refusal: 'too_large' });
    expect(decodeRequest('addInterest', '{"learnerId":')).toMatchObject({ ok: false, refusal: 'not_json' });
    expect(decodeRequest('addInterest', '{"learnerId":"a"}')).toEqual({ ok: true, name: 'addInterest', payload: { learnerId: 'a' } });
  });
});

describe('the dispatcher', () => {
  it('parses once, at the boundary: the handler gets the schema output (a trimmed name), and bad input writes nothing', async () => {
    const { database, dispatcher } = await openDispatcher();
    const before = contentHash(database.sqlite);
    const bad = await dispatcher.dispatchText('createLearnerProfile', JSON.stringify({ displayName: '  ', extra: 1 }), CLI);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(contentHash(database.sqlite)).toBe(before);
    const made = await dispatcher.dispatch('createLearnerProfile', { displayName: '  Zoë  ', id: 'zoe' }, CLI);
    expect(made).toMatchObject({ ok: true, value: { id: 'zoe', displayName: 'Zoë' } });
    await dispatcher.close();
  });

  it('answers a payload nested too deeply to check with invalid_input, not a crash', async () => {
    const { dispatcher } = await openDispatcher();
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const answer = await dispatcher.dispatchText('addOrUpdateCognitiveMetric', `{"learnerId":"x","taskName":"t","metricDetails":${deep}}`, CLI);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await dispatcher.close();
  });

  it('runs calls one at a time in arrival order, so awaiting handlers never interleave', async () => {
    const { dispatcher } = await openDispatcher();
    await dispatcher.dispatch('createLearnerProfile', { displayName: 'Ann', id: 'ann' }, CLI);
    const order: string[] = [];
    const snapshot = dispatcher.dispatch('createSnapshot', {}, CLI).then(() => order.push('snapshot'));
    const save = dispatcher.dispatch('addInterest', { learnerId: 'ann', interestName: 'Space' }, CLI).then(() => order.push('save'));
    await Promise.all([snapshot, save]);
    expect(order).toEqual(['snapshot', 'save']);
    await dispatcher.close();
  });

  it('on close, finishes the calls already received, refuses later ones and stops the job runner', async () => {
    const { database, dispatcher } = await openDispatcher();
    const inFlight = dispatcher.dispatch('createSnapshot', {}, CLI);
    const { jobId } = ((await dispatcher.dispatch('startBackup', {}, CLI)) as { ok: true; value: { jobId: string } }).value;
    const closeJobs = vi.spyOn(dispatcher.context.jobs, 'close');
    const closed = dispatcher.close();
    expect(await dispatcher.dispatch('listLearners', {}, CLI)).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/closing/) } });
    expect(await inFlight).toMatchObject({ ok: true });
    await closed;
    expect(closeJobs).toHaveBeenCalledTimes(1);
    expect(() => dispatcher.context.jobs.status(jobId)).toThrow(/not known/);
    expect(database.sqlite.open).toBe(true);
  });
});

describe('migrations', () => {
  it('come only from the app itself: DALA_MIGRATIONS_DIR is not read', async () => {
    const rogue = dirs.make();
    fs.mkdirSync(path.join(rogue, 'meta'), { recursive: true });
    fs.writeFileSync(path.join(rogue, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: [] }));
    vi.stubEnv('DALA_MIGRATIONS_DIR', rogue);
    vi.resetModules();
    const { knownMigrations } = await import('../migrations-folder');
    const committed = fs.readdirSync(path.join(__dirname, '..', 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(knownMigrations()).toHaveLength(committed.length);
    vi.unstubAllEnvs();
  });
});
