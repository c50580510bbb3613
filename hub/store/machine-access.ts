import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EnrolRequest, EnrolResponse } from '../../electron/common/sync/hub-protocol';
import { HubError, type HubStoreObserver, type MachineIdentity } from './hub-store';
import { inTransaction } from './hub-transaction';
import { storableText } from './merge-keys';
import { enrolmentCodeHash, newMachineCredential, parseMachineCredential } from './machine-secrets';

/**
 * Enrolment and authentication happen before the hub knows the school, so they go through the two
 * policies that match a hash instead (app.enrolment_code_hash, app.credential_hash): the app role
 * can find one code or one machine by its secret, and nothing else, until the school is set.
 */

const FIND_CODE = `SELECT school_id::text, expires_at > now() AS live, revoked_at IS NULL AS not_revoked FROM enrolment_codes WHERE code_hash = $1`;
const SET_SCHOOL = `SELECT set_config('app.school_id', $1, true)`;
const ADD_MACHINE = `INSERT INTO machines (machine_id, school_id, name, credential_hash) VALUES ($1::uuid, $2::uuid, $3, $4)
  RETURNING (SELECT name FROM schools WHERE school_id = $2::uuid) AS school_name`;
const FIND_MACHINE = `SELECT machine_id::text, school_id::text, revoked_at IS NOT NULL AS revoked FROM machines WHERE credential_hash = $1`;

const CODE_INVALID = "The enrolment code is unknown, expired or revoked: ask the school's IT person for a new one (dala hub schools create, or codes create).";

export async function enrolMachine(pool: pg.Pool, observer: HubStoreObserver | undefined, request: EnrolRequest): Promise<EnrolResponse> {
  if (!storableText(request.machineName)) throw new HubError('invalid_input', 'machineName must not contain U+0000 or unpaired surrogates.');
  const codeHash = enrolmentCodeHash(request.code);
  return inTransaction(pool, observer, { settings: { 'app.enrolment_code_hash': codeHash } }, async (query) => {
    const found = await query<{ school_id: string; live: boolean; not_revoked: boolean }>('enrol.code', FIND_CODE, [codeHash]);
    const code = found.rows[0];
    if (!code || !code.live || !code.not_revoked) throw new HubError('code_invalid', CODE_INVALID);
    await query('enrol.school', SET_SCHOOL, [code.school_id]);
    const machineId = randomUUID();
    const { credential, secretHash } = newMachineCredential(machineId);
    const added = await query<{ school_name: string }>('enrol.machine', ADD_MACHINE, [machineId, code.school_id, request.machineName, secretHash]);
    return { schoolId: code.school_id, schoolName: added.rows[0]?.school_name ?? '', machineId, credential };
  });
}

const UNAUTHORIZED = 'The hub does not know this machine credential: enrol the machine with a code from the school.';

export async function authenticateMachine(pool: pg.Pool, observer: HubStoreObserver | undefined, credential: string): Promise<MachineIdentity> {
  const parsed = parseMachineCredential(credential);
  if (!parsed) throw new HubError('unauthorized', UNAUTHORIZED);
  return inTransaction(pool, observer, { settings: { 'app.credential_hash': parsed.secretHash } }, async (query) => {
    const found = await query<{ machine_id: string; school_id: string; revoked: boolean }>('auth.machine', FIND_MACHINE, [parsed.secretHash]);
    const machine = found.rows[0];
    // The secret alone finds the row; the id in front must name that same machine.
    if (!machine || machine.machine_id !== parsed.machineId) throw new HubError('unauthorized', UNAUTHORIZED);
    if (machine.revoked) throw new HubError('revoked', "This machine's credential was revoked: enrol it again with a new code.");
    return { machineId: machine.machine_id, schoolId: machine.school_id };
  });
}
