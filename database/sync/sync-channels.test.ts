import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../electron/common/contract';
import { createChannelDispatcher, type ChannelDispatcher } from '../channels/dispatch';
import { useTempDirs } from '../test-support/temp-database';
import { useFakeHubs } from './test-support/fake-hub';

const dirs = useTempDirs();
const hubs = useFakeHubs();
const CLI = { kind: 'cli' } as const;
const dispatchers: ChannelDispatcher[] = [];
afterEach(async () => {
  for (const d of dispatchers.splice(0)) await d.close();
});

describe('the school hub channels', () => {
  it('enrol, sync now, status and leave through the one dispatch path; afterCall hears each success', async () => {
    const hub = await hubs.start();
    const database = await dirs.open();
    const heard: ChannelName[] = [];
    const d = createChannelDispatcher(database, { appVersion: 'test', shell: 'cli', afterCall: (channel) => heard.push(channel) });
    dispatchers.push(d);
    expect(await d.dispatch('getSyncStatus', {}, CLI)).toEqual({ ok: true, value: expect.objectContaining({ state: 'not_enrolled', pending: 0 }) });
    await d.dispatch('createLearnerProfile', { id: 'ada', displayName: 'Ada' }, CLI);
    const enrolled = await d.dispatch('enrolInSchoolHub', { hubUrl: `${hub.url}/`, code: hub.code, machineName: 'lab-pc-07' }, CLI);
    expect(enrolled).toEqual({ ok: true, value: expect.objectContaining({ state: 'pending', hub: hub.url, schoolId: hub.schoolId, pending: 1 }) });
    expect(hub.requests[0]?.body).toEqual({ code: hub.code, machineName: 'lab-pc-07' });
    const again = await d.dispatch('enrolInSchoolHub', { hubUrl: hub.url, code: hub.code }, CLI);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await d.dispatch('syncNow', {}, CLI)).toEqual({ ok: true, value: { pushed: 1, pulled: 1, status: expect.objectContaining({ state: 'up_to_date', pending: 0 }) } });
    const audit = database.sqlite.prepare("SELECT action, target_id AS targetId FROM audit_log WHERE action LIKE 'school_hub%'").all();
    expect(audit).toEqual([{ action: 'school_hub_enrolled', targetId: hub.schoolId }]);
    expect(await d.dispatch('leaveSchoolHub', {}, CLI)).toEqual({ ok: true, value: expect.objectContaining({ state: 'not_enrolled' }) });
    expect(heard).toEqual(['getSyncStatus', 'createLearnerProfile', 'enrolInSchoolHub', 'syncNow', 'leaveSchoolHub']);
  });

  it('a save is not held up by a "Sync now" waiting on a slow hub (it runs beside the call queue)', async () => {
    const hub = await hubs.start();
    const database = await dirs.open();
    const d = createChannelDispatcher(database, { appVersion: 'test', shell: 'cli' });
    dispatchers.push(d);
    await d.dispatch('createLearnerProfile', { id: 'ada', displayName: 'Ada' }, CLI);
    await d.dispatch('enrolInSchoolHub', { hubUrl: hub.url, code: hub.code }, CLI);
    hub.delayMs = 1_500;
    const syncing = d.dispatch('syncNow', {}, CLI);
    const started = performance.now();
    expect(await d.dispatch('addInterest', { learnerId: 'ada', interestName: 'space' }, CLI)).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(1_000);
    // The push goes on until the outbox is empty: the interest saved meanwhile went too.
    expect(await syncing).toMatchObject({ ok: true, value: { status: { state: 'up_to_date', pending: 0 } } });
  });

  it('an unreachable hub or a wrong code refuses the enrolment with a sentence, writing nothing', async () => {
    const hub = await hubs.start();
    const database = await dirs.open();
    const d = createChannelDispatcher(database, { appVersion: 'test', shell: 'cli' });
    dispatchers.push(d);
    expect(await d.dispatch('enrolInSchoolHub', { hubUrl: 'http://127.0.0.1:9', code: hub.code }, CLI)).toEqual({
      ok: false,
      error: { code: 'not_found', field: 'hubUrl', message: expect.stringContaining('No school hub answered at http://127.0.0.1:9') },
    });
    expect(await d.dispatch('enrolInSchoolHub', { hubUrl: hub.url, code: 'WRONG-CODE-0000' }, CLI)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'code' } });
    expect(await d.dispatch('getSyncStatus', {}, CLI)).toMatchObject({ ok: true, value: { state: 'not_enrolled' } });
  });
});
