import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { syncChangeSchema, syncOperationSchema } from '../../electron/common/sync/hub-protocol';
import { databasePath } from '../data-dir';
import { openDatabase } from '../open';
import { readLearner, readLearnerRecords } from '../transfer/learner-rows';
import { useTempDirs } from '../test-support/temp-database';
import { writeRichProfile } from '../test-support/transfer-fixtures';
import { leaveSchoolHub } from './enrolment';
import { SYNC_TRIGGER_NAMES } from './triggers';
import { useFakeHubs } from './test-support/fake-hub';
import { clearOutbox, enrol, machine, queued } from './test-support/sync-fixtures';

const dirs = useTempDirs();
const hubs = useFakeHubs();

const triggersOf = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dala_sync_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

describe('the outbox, not enrolled', () => {
  it('queues nothing and has no triggers', async () => {
    const m = await machine(dirs);
    writeRichProfile(m.manager, 'ada');
    m.manager.deleteLearnerProfile({ learnerId: 'ada' });
    expect(queued(m.sqlite)).toEqual([]);
    expect(triggersOf(m.sqlite)).toEqual([]);
  });
});

describe('enrolment', () => {
  it("stores the link, creates the triggers and queues the machine's data: per learner, the learner first, tombstones included", async () => {
    const hub = await hubs.start();
    const m = await machine(dirs);
    writeRichProfile(m.manager, 'ada');
    writeRichProfile(m.manager, 'ben', 'Ben');
    const status = await enrol(m, hub);
    expect(status).toMatchObject({ state: 'pending', hub: hub.url, schoolId: hub.schoolId, schoolName: 'Riverside Primary', lastSyncAt: null });
    expect(triggersOf(m.sqlite)).toEqual([...SYNC_TRIGGER_NAMES].sort());
    const ops = queued(m.sqlite);
    expect(status.pending).toBe(ops.length);
    for (const id of ['ada', 'ben']) {
      const mine = ops.filter((o) => o.learnerId === id);
      expect(mine[0]).toMatchObject({ table: 'learner', row: readLearner(m.sqlite, id) });
      const records = readLearnerRecords(m.sqlite, id);
      for (const table of ['preferences', 'interests', 'struggles', 'cognitiveMetrics', 'loProgress', 'badges', 'activityAttempts'] as const) {
        expect(mine.filter((o) => o.table === table).map((o) => o.row), table).toEqual(expect.arrayContaining(records[table] as unknown[]));
        expect(mine.filter((o) => o.table === table)).toHaveLength(records[table].length);
      }
    }
    // Tombstones travel: the removed interest is in the snapshot with its deletedAt.
    expect(ops.some((o) => o.table === 'interests' && o.row.interestName === 'Animals' && o.row.deletedAt !== null)).toBe(true);
    // Every queued operation is exactly what the protocol accepts.
    for (const o of ops) expect(syncOperationSchema.safeParse({ opId: o.opId, change: { table: o.table, learnerId: o.learnerId, row: o.row } }).success, o.table).toBe(true);
  });

  it('refuses a second enrolment (leave first), and a wrong code, writing nothing', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    await expect(enrol(m, hub)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Leave the school hub first') });
    const other = await machine(dirs);
    hub.code = 'WXYZ-0000-9999';
    await expect(enrol(other, { ...hub, code: 'ABCD-EFGH-2345' })).rejects.toMatchObject({ code: 'invalid_input', field: 'code' });
    expect(other.sqlite.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 });
    expect(triggersOf(other.sqlite)).toEqual([]);
  });

  it('keeps the credential out of the database file in plain text', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    const [credential] = [...hub.credentials.keys()];
    m.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(databasePath(m.dataDir));
    expect(credential).toBeDefined();
    expect(bytes.includes(Buffer.from(credential as string))).toBe(false);
    expect(bytes.includes(Buffer.from((credential as string).split('.')[1] as string))).toBe(false);
    // …yet the machine can use it: the hub sees it as the bearer token.
    await m.sync();
    expect(hub.requests.filter((r) => r.path === '/v1/push').every((r) => r.authorization === `Bearer ${credential}`)).toBe(true);
  });
});

describe('the triggers, enrolled', () => {
  it('queue exactly one operation per changed row, in the transaction of the change', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    m.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
    expect(queued(m.sqlite).map((o) => o.table)).toEqual(['learner']);
    clearOutbox(m.sqlite);
    m.manager.addInterest({ learnerId: 'ada', interestName: 'Space' });
    // The interest, and the learner whose last_updated_at moved.
    expect(queued(m.sqlite).map((o) => o.table).sort()).toEqual(['interests', 'learner']);
    const interest = queued(m.sqlite).find((o) => o.table === 'interests');
    expect(syncChangeSchema.parse({ table: 'interests', learnerId: 'ada', row: interest?.row })).toMatchObject({ row: readLearnerRecords(m.sqlite, 'ada').interests[0] });

    clearOutbox(m.sqlite);
    expect(() =>
      m.sqlite.transaction(() => {
        m.sqlite.prepare("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('ada', 'Cats', '2026-03-02T10:00:00.000Z')").run();
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(queued(m.sqlite)).toEqual([]);

    // An UPDATE that writes the same values is no change.
    m.sqlite.prepare("UPDATE interests SET timestamp = timestamp WHERE learner_id = 'ada'").run();
    m.sqlite.prepare("UPDATE learner_profiles SET last_updated_at = last_updated_at WHERE id = 'ada'").run();
    expect(queued(m.sqlite)).toEqual([]);
  });

  it('queue payloads equal to the rows as the profile file reads them, for every table', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    writeRichProfile(m.manager, 'ada');
    // A score that needs all 17 digits: the JSON SQLite writes must give back the same double.
    m.manager.addActivityAttempt({ learnerId: 'ada', loId: 'MATH_LO_002', activityId: 'thirds', activityType: 'quiz', score: 1 / 3, completed: false });
    const records = readLearnerRecords(m.sqlite, 'ada');
    const ops = queued(m.sqlite);
    // The newest operation of each key is the row's current state.
    for (const table of ['preferences', 'interests', 'struggles', 'cognitiveMetrics', 'loProgress', 'badges', 'activityAttempts'] as const) {
      for (const row of records[table]) {
        const parsed = ops.filter((o) => o.table === table).map((o) => syncChangeSchema.parse({ table, learnerId: 'ada', row: o.row }).row);
        expect(parsed, table).toContainEqual(row);
      }
    }
    const attempt = ops.find((o) => o.table === 'activityAttempts');
    expect(typeof attempt?.row.completed).toBe('boolean');
    expect(ops.at(-1)?.opId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('queue the changes of a second connection (a job worker) too', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    m.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
    clearOutbox(m.sqlite);
    const worker = new Database(databasePath(m.dataDir));
    try {
      worker.prepare("INSERT INTO struggles (learner_id, struggle_description, timestamp) VALUES ('ada', 'Fractions', '2026-03-02T10:00:00.000Z')").run();
    } finally {
      worker.close();
    }
    expect(queued(m.sqlite)).toEqual([expect.objectContaining({ table: 'struggles', learnerId: 'ada', row: { struggleDescription: 'Fractions', timestamp: '2026-03-02T10:00:00.000Z', deletedAt: null } })]);
  });

  it("queue a learner's deletion explicitly, dropping their waiting changes", async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    writeRichProfile(m.manager, 'ada');
    m.manager.createLearnerProfile({ id: 'ben', displayName: 'Ben' });
    m.manager.deleteLearnerProfile({ learnerId: 'ada' });
    const ops = queued(m.sqlite);
    expect(ops.filter((o) => o.learnerId === 'ada')).toEqual([expect.objectContaining({ table: 'learnerDeletion', row: { deletedAt: m.clock.last() } })]);
    expect(ops.filter((o) => o.learnerId === 'ben')).toHaveLength(1);
    expect(m.sqlite.prepare('SELECT learner_id AS id FROM sync_deleted_learners').all()).toEqual([{ id: 'ada' }]);
  });
});

describe('leaving, and opening', () => {
  it('leaving drops the triggers, the link, the outbox and the credential key; the data stays', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    writeRichProfile(m.manager, 'ada');
    const status = leaveSchoolHub(m);
    expect(status).toMatchObject({ state: 'not_enrolled', pending: 0, hub: null });
    expect(triggersOf(m.sqlite)).toEqual([]);
    expect(readLearner(m.sqlite, 'ada')).toBeDefined();
    m.manager.addInterest({ learnerId: 'ada', interestName: 'Cats' });
    expect(queued(m.sqlite)).toEqual([]);
    expect(fs.existsSync(`${m.dataDir}/keys/school-hub-credential.key`)).toBe(false);
  });

  it('an enrolled database gets back a trigger a migration dropped; an unenrolled one loses stale ones', async () => {
    const hub = await hubs.start();
    const m = await machine(dirs, hub);
    m.sqlite.exec('DROP TRIGGER dala_sync_interests_insert');
    m.database.close();
    const reopened = dirs.track(await openDatabase({ dataDir: m.dataDir }));
    expect(triggersOf(reopened.sqlite)).toEqual([...SYNC_TRIGGER_NAMES].sort());
    reopened.sqlite.exec('DELETE FROM sync_state');
    reopened.close();
    const unenrolled = dirs.track(await openDatabase({ dataDir: m.dataDir }));
    expect(triggersOf(unenrolled.sqlite)).toEqual([]);
  });
});
