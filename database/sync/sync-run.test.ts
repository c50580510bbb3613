import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PUSH_OPERATIONS, type SyncOperation } from '../../electron/common/sync/hub-protocol';
import { readLearner, readLearnerRecords } from '../transfer/learner-rows';
import { useTempDirs } from '../test-support/temp-database';
import { writeRichProfile } from '../test-support/transfer-fixtures';
import { unsealCredential } from './credential';
import { createHubClient } from './hub-client';
import { takeBatch } from './outbox';
import { readSyncState } from './sync-state';
import { useFakeHubs } from './test-support/fake-hub';
import { machine, queued, type Machine } from './test-support/sync-fixtures';

const dirs = useTempDirs();
const hubs = useFakeHubs();

const profileOf = (m: Machine, id: string) => ({ learner: readLearner(m.sqlite, id), records: readLearnerRecords(m.sqlite, id) });
const pushes = (requests: Array<{ path: string; body: unknown }>) => requests.filter((r) => r.path === '/v1/push').map((r) => (r.body as { operations: SyncOperation[] }).operations);

/** Many waiting operations at once: attempts written straight into the table (the triggers queue each). */
function manyAttempts(m: Machine, learnerId: string, count: number): void {
  m.manager.createLearnerProfile({ id: learnerId, displayName: 'Many' });
  const insert = m.sqlite.prepare(
    "INSERT INTO activity_attempts (learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, completed) VALUES (?, ?, 'MATH_LO_001', 'quiz', 'quiz', '2026-03-02T09:00:00.000Z', 1)",
  );
  m.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(learnerId, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  })();
}

describe('a sync', () => {
  it('takes a learner made on one machine to another, and both sides\' offline work to both', async () => {
    const hub = await hubs.start();
    const a = await machine(dirs, hub);
    const b = await machine(dirs, hub);
    writeRichProfile(a.manager, 'ada');
    const first = await a.sync();
    expect(first).toMatchObject({ pulled: expect.any(Number), status: { state: 'up_to_date', pending: 0, lastSyncAt: expect.any(String), message: null } });
    expect(first.pushed).toBeGreaterThan(10);
    const second = await b.sync();
    expect(second.pulled).toBe(first.pushed);
    expect(profileOf(b, 'ada')).toEqual(profileOf(a, 'ada'));
    expect(queued(b.sqlite)).toEqual([]);

    // Both work offline on Ada, then sync in turn.
    a.clock.set('2026-03-03T09:00:00.000Z');
    b.clock.set('2026-03-03T10:00:00.000Z');
    a.manager.addInterest({ learnerId: 'ada', interestName: 'Volcanoes' });
    a.manager.addOrUpdateLoProgress({ learnerId: 'ada', loId: 'READ_LO_001', status: 'completed', score: 0.7 });
    b.manager.addStruggle({ learnerId: 'ada', struggleDescription: 'Spelling' });
    b.manager.addOrUpdateLoProgress({ learnerId: 'ada', loId: 'READ_LO_001', status: 'in_progress', score: 0.9 });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(profileOf(a, 'ada')).toEqual(profileOf(b, 'ada'));
    const records = profileOf(a, 'ada').records;
    expect(records.interests.map((i) => i.interestName)).toContain('Volcanoes');
    expect(records.struggles.map((s) => s.struggleDescription)).toContain('Spelling');
    expect(records.loProgress.find((p) => p.loId === 'READ_LO_001')).toMatchObject({ status: 'completed', score: 0.9 });
    // Nothing bounces: a last round pulls only what the other pushed, and queues nothing.
    expect((await b.sync()).pushed).toBe(0);
    expect((await a.sync()).pushed).toBe(0);
  });

  it('pushes in batches of at most MAX_PUSH_OPERATIONS, in the order the changes were made', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    manyAttempts(m, 'many', 1_100);
    const order = queued(m.sqlite).map((o) => o.opId);
    const run = await m.sync();
    expect(run.pushed).toBe(order.length);
    const batches = pushes(hub.requests);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(MAX_PUSH_OPERATIONS);
    expect(batches.flat().map((o) => o.opId)).toEqual(order);
    expect(queued(m.sqlite)).toEqual([]);
  });

  it('a hub that fails half-way keeps what it acknowledged: those leave the outbox, the rest waits and goes next time, none twice', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    manyAttempts(m, 'many', 1_300);
    const waiting = queued(m.sqlite).length;
    let calls = 0;
    hub.answer('/v1/push', () => (++calls === 3 ? { status: 503, body: { error: { code: 'unavailable', message: 'PostgreSQL is down' } } } : undefined));
    const failed = await m.sync();
    expect(failed.status.state).toBe('offline');
    expect(queued(m.sqlite).length).toBe(waiting - 2 * MAX_PUSH_OPERATIONS);
    hub.clearAnswers();
    expect((await m.sync()).status.state).toBe('up_to_date');
    expect(queued(m.sqlite)).toEqual([]);
    const sent = pushes(hub.requests).flat().map((o) => o.opId);
    // The refused third batch was sent twice (refused, then taken); nothing the hub acknowledged was.
    expect(new Set(sent).size).toBe(waiting);
    expect(sent.length).toBe(waiting + Math.min(MAX_PUSH_OPERATIONS, waiting - 2 * MAX_PUSH_OPERATIONS));
  });

  it('keeps every change while the hub cannot take them, and says so', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    writeRichProfile(m.manager, 'ada');
    const waiting = queued(m.sqlite).length;
    hub.answer('/v1/push', { status: 503, body: { error: { code: 'unavailable', message: 'PostgreSQL is down' } } });
    const offline = await m.sync();
    expect(offline).toMatchObject({ pushed: 0, status: { state: 'offline', pending: waiting, lastSyncAt: null, lastAttemptAt: expect.any(String), message: expect.stringContaining('cannot be reached') } });
    hub.clearAnswers();
    await hub.close();
    expect((await m.sync()).status).toMatchObject({ state: 'offline', pending: waiting });
  });

  it('replays operations the hub committed before the machine heard back, without duplicating them', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    writeRichProfile(m.manager, 'ada');
    // The hub commits a batch, then the answer is lost (the machine crashed, or the network went).
    const state = readSyncState(m.sqlite);
    const credential = unsealCredential(m.dataDir, state?.credentialSealed as string);
    await createHubClient({ hubUrl: hub.url, credential }).push({ operations: takeBatch(m.sqlite, MAX_PUSH_OPERATIONS, 1e9).operations });
    const logged = hub.log.length;
    const run = await m.sync();
    expect(run.pushed).toBe(logged);
    expect(hub.log).toHaveLength(logged);
    expect(run.status.pending).toBe(0);
  });

  it('halves a batch the hub finds too large', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    manyAttempts(m, 'many', 40);
    const waiting = queued(m.sqlite).length;
    hub.answer('/v1/push', (body) => ((body as { operations: unknown[] }).operations.length > 8 ? { status: 413, body: { error: { code: 'payload_too_large', message: 'too big' } } } : undefined));
    const run = await m.sync();
    expect(run).toMatchObject({ pushed: waiting, status: { state: 'up_to_date' } });
    expect(pushes(hub.requests).filter((b) => b.length <= 8).flat()).toHaveLength(waiting);
  });

  it('stops at a revoked credential, keeping the changes', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    hub.revokeAll();
    const run = await m.sync();
    expect(run.status).toMatchObject({ state: 'revoked', pending: expect.any(Number), message: expect.stringContaining('revoked') });
    expect(run.status.pending).toBeGreaterThanOrEqual(0);
  });

  it('an answer that is not the protocol is an error, and the cursor stays', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    hub.answer('/v1/pull', { status: 200, body: { changes: [{ seq: 1, change: { table: 'learner', learnerId: 'x' } }], learners: [], cursor: 1, more: false } });
    const run = await m.sync();
    expect(run.status).toMatchObject({ state: 'error', message: expect.stringContaining('does not understand') });
    expect(readSyncState(m.sqlite)?.pullCursor).toBe(0);
    hub.answer('/v1/pull', { status: 200, body: { changes: [], learners: [], cursor: 0, more: true } });
    expect((await m.sync()).status).toMatchObject({ state: 'error', message: expect.stringContaining('out of order') });
  });

  it('says what to do when the credential cannot be opened (its key file is gone)', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    fs.rmSync(path.join(m.dataDir, 'keys', 'school-hub-credential.key'));
    const run = await m.sync();
    expect(run.status).toMatchObject({ state: 'error', message: expect.stringContaining('enrol the machine again') });
    expect(hub.requests.filter((r) => r.path !== '/v1/enrol')).toEqual([]);
  });

  it('does nothing when not enrolled', async () => {
    const m = await machine(dirs);
    expect(await m.sync()).toEqual({ pushed: 0, pulled: 0, status: expect.objectContaining({ state: 'not_enrolled' }) });
  });
});
