import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { migrateHubDatabase, readHubSchemaVersion, requireCurrentSchema } from './hub-migrations';
import { HubError, type HubAdministration, type MachineListing, type SchoolCreated } from './hub-store';
import { describeDatabase, HubSetupError } from './hub-setup-error';
import { enrolmentCodeHash, newEnrolmentCode } from './machine-secrets';
import { storableText } from './merge-keys';

/**
 * The IT person's side (`dala hub migrate|schools|codes|machines`), with the owner's URL: the
 * owner's permissive policy lets it see every school under forced row-level security. Its string
 * arguments come straight from a command line, so they are validated here.
 */

const schoolName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s) && storableText(s), 'must not contain control characters');
const id = z.uuid('must be a UUID');

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HubError('invalid_input', `${what} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const NEW_CODE = `INSERT INTO enrolment_codes (code_hash, school_id, expires_at) VALUES ($1, $2::uuid, now() + interval '24 hours') RETURNING expires_at`;
const MACHINES = `SELECT m.machine_id::text, m.school_id::text, s.name AS school_name, m.name, m.enrolled_at, m.last_seen_at, m.revoked_at
  FROM machines m JOIN schools s ON s.school_id = m.school_id`;

interface MachineRow {
  machine_id: string;
  school_id: string;
  school_name: string;
  name: string;
  enrolled_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

const listing = (r: MachineRow): MachineListing => ({
  machineId: r.machine_id,
  schoolId: r.school_id,
  schoolName: r.school_name,
  name: r.name,
  enrolledAt: r.enrolled_at.toISOString(),
  lastSeenAt: iso(r.last_seen_at),
  revokedAt: iso(r.revoked_at),
});

export async function openHubAdministration(ownerDatabaseUrl: string): Promise<HubAdministration> {
  const pool = new pg.Pool({ connectionString: ownerDatabaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end();
    throw new HubSetupError(`The hub cannot connect to its database at ${describeDatabase(ownerDatabaseUrl)}: ${(error as Error).message}`);
  }

  let current = false;
  /** Everything but migrate needs the schema this code knows. */
  const client = async (): Promise<pg.PoolClient> => {
    const c = await pool.connect();
    if (!current) {
      try {
        requireCurrentSchema(await readHubSchemaVersion(c));
      } catch (error) {
        c.release();
        throw new HubSetupError((error as Error).message);
      }
      current = true;
    }
    return c;
  };
  const withClient = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await client();
    try {
      return await work(c);
    } finally {
      c.release();
    }
  };
  const transaction = <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> =>
    withClient(async (c) => {
      await c.query('BEGIN');
      try {
        const result = await work(c);
        await c.query('COMMIT');
        return result;
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      }
    });
  const newCode = async (c: pg.PoolClient, schoolId: string) => {
    const enrolmentCode = newEnrolmentCode();
    const created = await c.query<{ expires_at: Date }>(NEW_CODE, [enrolmentCodeHash(enrolmentCode), schoolId]);
    return { enrolmentCode, codeExpiresAt: (created.rows[0]?.expires_at ?? new Date()).toISOString() };
  };
  const requireSchool = async (c: pg.PoolClient, schoolId: string) => {
    const found = await c.query('SELECT 1 FROM schools WHERE school_id = $1::uuid', [schoolId]);
    if (found.rowCount === 0) throw new HubError('not_found', `There is no school ${schoolId} on this hub (dala hub schools list).`);
  };

  return {
    migrate: async () => {
      const c = await pool.connect();
      try {
        return await migrateHubDatabase(c);
      } finally {
        c.release();
      }
    },
    createSchool: (nameArg) => {
      const name = valid(schoolName, nameArg, 'The school name');
      return transaction(async (c): Promise<SchoolCreated> => {
        const schoolId = randomUUID();
        await c.query('INSERT INTO schools (school_id, name) VALUES ($1::uuid, $2)', [schoolId, name]);
        await c.query('INSERT INTO school_sequences (school_id) VALUES ($1::uuid)', [schoolId]);
        return { schoolId, name, ...(await newCode(c, schoolId)) };
      });
    },
    createEnrolmentCode: (schoolIdArg) => {
      const schoolId = valid(id, schoolIdArg, 'The school id');
      return transaction(async (c) => {
        await requireSchool(c, schoolId);
        return newCode(c, schoolId);
      });
    },
    revokeEnrolmentCodes: (schoolIdArg) => {
      const schoolId = valid(id, schoolIdArg, 'The school id');
      return transaction(async (c) => {
        await requireSchool(c, schoolId);
        const revoked = await c.query('UPDATE enrolment_codes SET revoked_at = now() WHERE school_id = $1::uuid AND revoked_at IS NULL AND expires_at > now()', [schoolId]);
        return { revoked: revoked.rowCount ?? 0 };
      });
    },
    listSchools: () =>
      withClient(async (c) => {
        const rows = await c.query<{ school_id: string; name: string; created_at: Date; machines: number }>(
          `SELECT s.school_id::text, s.name, s.created_at, count(m.machine_id)::int AS machines
             FROM schools s LEFT JOIN machines m ON m.school_id = s.school_id AND m.revoked_at IS NULL
            GROUP BY s.school_id ORDER BY s.name, s.school_id`,
        );
        return rows.rows.map((r) => ({ schoolId: r.school_id, name: r.name, createdAt: r.created_at.toISOString(), machines: r.machines }));
      }),
    listMachines: (schoolIdArg) => {
      const schoolId = schoolIdArg === undefined ? undefined : valid(id, schoolIdArg, 'The school id');
      return withClient(async (c) => {
        const rows = schoolId === undefined ? await c.query<MachineRow>(`${MACHINES} ORDER BY s.name, m.enrolled_at, m.machine_id`) : await c.query<MachineRow>(`${MACHINES} WHERE m.school_id = $1::uuid ORDER BY m.enrolled_at, m.machine_id`, [schoolId]);
        return rows.rows.map(listing);
      });
    },
    revokeMachine: (machineIdArg) => {
      const machineId = valid(id, machineIdArg, 'The machine id');
      return transaction(async (c) => {
        // Revoking twice keeps the first time.
        const updated = await c.query('UPDATE machines SET revoked_at = coalesce(revoked_at, now()) WHERE machine_id = $1::uuid', [machineId]);
        if (updated.rowCount === 0) throw new HubError('not_found', `There is no machine ${machineId} on this hub (dala hub machines list).`);
        const row = (await c.query<MachineRow>(`${MACHINES} WHERE m.machine_id = $1::uuid`, [machineId])).rows[0];
        if (!row) throw new HubError('not_found', `There is no machine ${machineId} on this hub.`);
        return listing(row);
      });
    },
    close: () => pool.end(),
  };
}
