import type pg from 'pg';
import { RECORD_TABLES } from '../../electron/common/merge/records-schema';
import type { PushRequest, PushResponse, SyncOperation } from '../../electron/common/sync/hub-protocol';
import { checkBatchStorable, mergeBatch, type LearnerRow } from './batch-merge';
import { HubError, type HubStoreObserver, type MachineIdentity } from './hub-store';
import { inTransaction, type Query } from './hub-transaction';
import { classCoachUpsert, classMemberUpsert, classUpsert, educatorUpsert, learnerSecretUpsert } from './school-upsert-statements';
import { DELETE_LEARNERS_SQL, learnerUpsert, ROW_UPSERTS, type UpsertStatement } from './upsert-statements';

/**
 * One push: one transaction under the school's advisory lock (DESIGN.md, "No change lost behind
 * the cursor": sequence numbers are taken and committed in order, so no change can commit with a
 * number below one a machine has already pulled past).
 *
 * 1. the machine row is touched first (pendingAfter, last seen), which also refuses a credential
 *    revoked since the request was authenticated;
 * 2. the operation ids go into applied_operations ON CONFLICT DO NOTHING: only ids that were not
 *    there are applied, so a retried batch changes nothing;
 * 3. their changes are merged per key in Node, then written table by table: deletions first (a
 *    deleted learner stays deleted), learners, classes, educators, then the learners' rows (class
 *    memberships and secrets included), then coaching. Statements take numbers in that order, so
 *    a machine pulls a class before the memberships and coaching that name it.
 */

// pg_advisory_xact_lock(class, key): the class keeps the hub's locks apart from anyone else's.
const LOCK_CLASS = 0x44414c41; // "DALA"

const TOUCH_MACHINE = `UPDATE machines SET last_seen_at = now(), pending_reported = coalesce($2, pending_reported)
  WHERE machine_id = $1::uuid AND revoked_at IS NULL RETURNING 1`;
const LOCK_SCHOOL = 'SELECT pg_advisory_xact_lock($1, hashtext($2))';
const LAST_SEQ = 'SELECT last_seq::text AS last_seq FROM school_sequences WHERE school_id = $1::uuid';
const RECORD_OPERATIONS = `INSERT INTO applied_operations (school_id, op_id, machine_id)
  SELECT $1::uuid, u.op_id, $2::uuid FROM unnest($3::uuid[]) AS u(op_id)
  ON CONFLICT DO NOTHING RETURNING op_id::text`;
const ADVANCE_SEQ = 'UPDATE school_sequences SET last_seq = $2 WHERE school_id = $1::uuid';

interface Changed {
  changed: number;
  max_seq: string | null;
}

/** The operations whose ids were new, first occurrence only (a batch may repeat an id). */
function newOperations(operations: readonly SyncOperation[], inserted: ReadonlySet<string>): SyncOperation[] {
  const taken = new Set<string>();
  return operations.filter((op) => {
    const id = op.opId.toLowerCase();
    if (!inserted.has(id) || taken.has(id)) return false;
    taken.add(id);
    return true;
  });
}


class SequenceCounter {
  changed = 0;
  constructor(public last: number) {}
  /** Takes a statement's RETURNING summary: the next statement numbers from its highest. */
  record(result: pg.QueryResult<Changed>): void {
    const row = result.rows[0];
    if (!row || row.changed === 0) return;
    this.changed += row.changed;
    this.last = Math.max(this.last, Number(row.max_seq));
  }
}

async function applyOperations(query: Query, schoolId: string, operations: readonly SyncOperation[], sequence: SequenceCounter): Promise<void> {
  const batch = mergeBatch(operations);
  // One upsert of a table's merged inputs, numbered after everything before it; none when empty.
  const upsert = async <I>(statement: UpsertStatement<I>, inputs: ReadonlyMap<string, I>) => {
    if (inputs.size === 0) return;
    sequence.record(await query<Changed>(statement.name, statement.sql, [schoolId, sequence.last, statement.recordRows(inputs.values())]));
  };
  if (batch.deletions.size > 0) {
    sequence.record(await query<Changed>('push.deletions', DELETE_LEARNERS_SQL, [schoolId, sequence.last, [...batch.deletions.keys()], [...batch.deletions.values()]]));
  }
  await upsert(learnerUpsert, new Map([...batch.learners].map(([learnerId, row]) => [learnerId, { learnerId, row }])));
  await upsert(classUpsert, batch.school.classes);
  await upsert(educatorUpsert, batch.school.educators);
  for (const table of RECORD_TABLES) await upsert(ROW_UPSERTS[table] as UpsertStatement<LearnerRow<unknown>>, batch.rows[table] as ReadonlyMap<string, LearnerRow<unknown>>);
  await upsert(classMemberUpsert, batch.school.classMembers);
  await upsert(learnerSecretUpsert, batch.school.learnerSecrets);
  await upsert(classCoachUpsert, batch.school.classCoaches);
}

export async function pushBatch(pool: pg.Pool, observer: HubStoreObserver | undefined, machine: MachineIdentity, request: PushRequest): Promise<PushResponse> {
  checkBatchStorable(request.operations);
  const { schoolId, machineId } = machine;
  return inTransaction(pool, observer, { schoolId }, async (query) => {
    const touched = await query('push.machine', TOUCH_MACHINE, [machineId, request.pendingAfter ?? null]);
    if (touched.rowCount === 0) throw new HubError('revoked', "This machine's credential was revoked: enrol it again with a new code.");
    await query('push.lock', LOCK_SCHOOL, [LOCK_CLASS, schoolId]);
    const last = await query<{ last_seq: string }>('push.last_seq', LAST_SEQ, [schoolId]);
    const lastSeq = last.rows[0];
    if (!lastSeq) throw new HubError('not_found', 'The machine\'s school is not on this hub.');
    const ids = request.operations.map((op) => op.opId.toLowerCase());
    const inserted = await query<{ op_id: string }>('push.applied_operations', RECORD_OPERATIONS, [schoolId, machineId, ids]);
    const fresh = newOperations(request.operations, new Set(inserted.rows.map((r) => r.op_id)));
    const sequence = new SequenceCounter(Number(lastSeq.last_seq));
    if (fresh.length > 0) await applyOperations(query, schoolId, fresh, sequence);
    if (sequence.changed > 0) await query('push.advance_seq', ADVANCE_SEQ, [schoolId, sequence.last]);
    return { received: request.operations.length, duplicates: request.operations.length - fresh.length, changed: sequence.changed, latestSeq: sequence.last };
  });
}
