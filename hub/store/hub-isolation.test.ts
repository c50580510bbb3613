import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runSql } from '../test-support/pg-cluster';
import { learnerChange, op, preferenceChange, useHubCluster, type EnrolledMachine } from '../test-support/hub-fixture';
import { hubState, pullEverything } from '../test-support/hub-reading';
import { HubError } from './hub-store';

const hub = useHubCluster();

const T1 = '2026-02-01T10:00:00.000Z';
const T2 = '2026-02-01T11:00:00.000Z';

async function schoolWithLearner(learnerId: string): Promise<EnrolledMachine> {
  const school = await hub.newSchool();
  const machine = await school.enrol();
  await hub.store.pushBatch(machine, { operations: [op(learnerChange(learnerId)), op(preferenceChange(learnerId, 'colour', 'blue', T1))] });
  return machine;
}

/** Runs statements as the serving role in one transaction with app.school_id set (or not). */
async function asServingRole<T>(schoolId: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: hub.cluster.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (schoolId) await client.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

const expectHubError = async (promise: Promise<unknown>, code: HubError['code']) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HubError);
  expect((error as HubError).code).toBe(code);
};

describe('school isolation', () => {
  it('a machine of school A pulls nothing of school B, and its pushes cannot touch B', async () => {
    const a = await schoolWithLearner('shared-id');
    const b = await schoolWithLearner('shared-id');
    const before = await hubState(hub.store, b);
    // A pushes rows for a learner id that B also has: they land in A only.
    await hub.store.pushBatch(a, { operations: [op(preferenceChange('shared-id', 'colour', 'red', T2)), op({ table: 'learnerDeletion', learnerId: 'shared-id', row: { deletedAt: T2 } })] });
    expect(await hubState(hub.store, b)).toEqual(before);
    const pulledByA = await pullEverything(hub.store, a);
    expect(pulledByA.changes.map((c) => c.change.table)).toEqual(['learnerDeletion']);
    // A forged identity (A's machine claiming B's school) is refused by the machine row's policy.
    await expectHubError(hub.store.pushBatch({ machineId: a.machineId, schoolId: b.schoolId }, { operations: [op(preferenceChange('shared-id', 'colour', 'green', T2))] }), 'revoked');
    expect(await hubState(hub.store, b)).toEqual(before);
  });

  it('the serving role, with school A set, can neither read nor change rows of school B', async () => {
    const a = await schoolWithLearner('pupil-a');
    const b = await schoolWithLearner('pupil-b');
    await asServingRole(a.schoolId, async (client) => {
      for (const table of ['learners', 'preferences', 'machines', 'school_sequences', 'schools', 'applied_operations', 'enrolment_codes']) {
        const seen = await client.query(`SELECT count(*)::integer AS n FROM ${table} WHERE school_id = $1`, [b.schoolId]);
        expect({ table, n: seen.rows[0].n }).toEqual({ table, n: 0 });
      }
      expect((await client.query(`UPDATE preferences SET value = 'hacked' WHERE school_id = $1`, [b.schoolId])).rowCount).toBe(0);
      expect((await client.query(`DELETE FROM learners WHERE school_id = $1`, [b.schoolId])).rowCount).toBe(0);
      expect((await client.query(`UPDATE machines SET revoked_at = now() WHERE school_id = $1`, [b.schoolId])).rowCount).toBe(0);
      await client.query('SAVEPOINT s');
      await expect(client.query(`INSERT INTO learners (school_id, learner_id, display_name, name_key, created_at, last_updated_at, change_seq) VALUES ($1, 'x', 'x', '\\x00', $2, $2, 999)`, [b.schoolId, T1])).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK TO SAVEPOINT s');
      // Moving one of A's rows into B is refused too.
      await expect(client.query(`UPDATE preferences SET school_id = $1 WHERE school_id = $2`, [b.schoolId, a.schoolId])).rejects.toThrow(/row-level security/);
    });
    // No school set: nothing at all.
    await asServingRole(undefined, async (client) => {
      expect((await client.query('SELECT count(*)::integer AS n FROM learners')).rows[0].n).toBe(0);
      expect((await client.query('SELECT count(*)::integer AS n FROM machines')).rows[0].n).toBe(0);
    });
    expect((await hubState(hub.store, b)).size).toBe(2);
  });
});

describe('enrolment and credentials', () => {
  it('an unknown, expired or revoked code is refused with code_invalid', async () => {
    await expectHubError(hub.store.enrolMachine({ code: 'AAAA-BBBB-CCCC-DDDD', machineName: 'pc' }), 'code_invalid');
    const expired = await hub.newSchool();
    await runSql(hub.cluster.ownerUrl, [`UPDATE enrolment_codes SET expires_at = now() - interval '1 second' WHERE school_id = '${expired.schoolId}'`]);
    await expectHubError(expired.enrol(), 'code_invalid');
    const revoked = await hub.newSchool();
    await revoked.enrol();
    expect(await hub.admin.revokeEnrolmentCodes(revoked.schoolId)).toEqual({ revoked: 1 });
    await expectHubError(revoked.enrol(), 'code_invalid');
    // A fresh code works again; the code is accepted however it is typed.
    const fresh = await hub.admin.createEnrolmentCode(revoked.schoolId);
    const enrolled = await hub.store.enrolMachine({ code: fresh.enrolmentCode.toLowerCase().replace(/-/g, ''), machineName: 'pc' });
    expect(enrolled.schoolId).toBe(revoked.schoolId);
  });

  it('a code is valid for 24 hours, looks like ABCD-EFGH-JKLM-NPQR and is stored only hashed', async () => {
    const created = await hub.admin.createSchool('Hashed');
    expect(created.enrolmentCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const hours = (Date.parse(created.codeExpiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const client = new pg.Client({ connectionString: hub.cluster.superuserUrl });
    await client.connect();
    try {
      const dump = await client.query(`SELECT row_to_json(e)::text AS row FROM enrolment_codes e WHERE school_id = $1`, [created.schoolId]);
      expect(dump.rows[0].row).not.toContain(created.enrolmentCode.replace(/-/g, ''));
    } finally {
      await client.end();
    }
  });

  it('a credential authenticates its machine; an unknown one is unauthorized; a revoked one is refused everywhere', async () => {
    const school = await hub.newSchool();
    const machine = await school.enrol('lost laptop');
    expect(await hub.store.authenticateMachine(machine.credential)).toEqual({ machineId: machine.machineId, schoolId: school.schoolId });
    const [id, secret] = machine.credential.split('.') as [string, string];
    await expectHubError(hub.store.authenticateMachine(`${id}.${secret.slice(0, -2)}xx`), 'unauthorized');
    await expectHubError(hub.store.authenticateMachine('not a credential'), 'unauthorized');
    const other = await school.enrol('other');
    await expectHubError(hub.store.authenticateMachine(`${other.machineId}.${secret}`), 'unauthorized');

    const listing = await hub.admin.revokeMachine(machine.machineId);
    expect(listing).toMatchObject({ machineId: machine.machineId, schoolId: school.schoolId, name: 'lost laptop' });
    expect(listing.revokedAt).not.toBeNull();
    await expectHubError(hub.store.authenticateMachine(machine.credential), 'revoked');
    // A request authenticated just before the revocation is refused inside its transaction.
    await expectHubError(hub.store.pushBatch(machine, { operations: [op(learnerChange('late'))] }), 'revoked');
    await expectHubError(hub.store.pull(machine, { after: 0, limit: 10 }), 'revoked');
    expect(await hub.store.authenticateMachine(other.credential)).toMatchObject({ machineId: other.machineId });
    await expect(hub.admin.revokeMachine('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
    const machines = await hub.admin.listMachines(school.schoolId);
    expect(machines.map((m) => [m.name, m.revokedAt !== null])).toEqual([
      ['lost laptop', true],
      ['other', false],
    ]);
  });
});
