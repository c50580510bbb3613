import type Database from 'better-sqlite3';
import type { SyncState, SyncStatusView } from '../../electron/common/sync/sync-views';
import { cachedStatement } from '../statement-cache';

/** The one `sync_state` row: which hub and school this machine belongs to, and how the last sync went. */
export interface SyncStateRow {
  hubUrl: string;
  schoolId: string;
  schoolName: string;
  machineId: string;
  machineName: string;
  credentialSealed: string;
  pullCursor: number;
  enrolledAt: string;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  lastErrorCode: SyncFailureCode | null;
  lastErrorMessage: string | null;
}

/**
 * Why the last try failed. `offline`: try again later, nothing is lost; `revoked`: the hub refused
 * the credential; `credential_missing`: this machine cannot open its own credential (its key file
 * is gone); `error`: anything else, said in `lastErrorMessage`. The background loop stops trying
 * after `revoked` and `credential_missing` until the machine is enrolled again.
 */
export type SyncFailureCode = 'offline' | 'revoked' | 'credential_missing' | 'error';

export const STOPS_BACKGROUND_SYNC: ReadonlySet<SyncFailureCode> = new Set(['revoked', 'credential_missing']);

const SELECT_STATE = `SELECT hub_url AS hubUrl, school_id AS schoolId, school_name AS schoolName, machine_id AS machineId, machine_name AS machineName,
  credential_sealed AS credentialSealed, pull_cursor AS pullCursor, enrolled_at AS enrolledAt, last_sync_at AS lastSyncAt,
  last_attempt_at AS lastAttemptAt, last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage FROM sync_state WHERE id = 1`;

export function readSyncState(sqlite: Database.Database): SyncStateRow | undefined {
  return cachedStatement(sqlite, SELECT_STATE).get() as SyncStateRow | undefined;
}

/** Operations queued and not yet accepted by the hub. */
export function pendingOperationCount(sqlite: Database.Database): number {
  return (cachedStatement(sqlite, 'SELECT count(*) AS n FROM sync_operations').get() as { n: number }).n;
}

/** The newest operation's number (0 for none): the background loop's cheap "did anything change?". */
export function latestOperationSeq(sqlite: Database.Database): number {
  const row = cachedStatement(sqlite, 'SELECT seq FROM sync_operations ORDER BY seq DESC LIMIT 1').get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

function stateOf(row: SyncStateRow, pending: number): SyncState {
  switch (row.lastErrorCode) {
    case 'offline':
      return 'offline';
    case 'revoked':
      return 'revoked';
    case 'credential_missing':
    case 'error':
      return 'error';
    default:
      return pending > 0 || row.lastSyncAt === null ? 'pending' : 'up_to_date';
  }
}

export function syncStatusView(sqlite: Database.Database): SyncStatusView {
  const row = readSyncState(sqlite);
  if (!row) return { state: 'not_enrolled', hub: null, schoolId: null, schoolName: null, machineId: null, pending: 0, lastSyncAt: null, lastAttemptAt: null, message: null };
  const pending = pendingOperationCount(sqlite);
  return {
    state: stateOf(row, pending),
    hub: row.hubUrl,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    machineId: row.machineId,
    pending,
    lastSyncAt: row.lastSyncAt,
    lastAttemptAt: row.lastAttemptAt,
    message: row.lastErrorMessage,
  };
}

// Every update names the machine: a sync that was under way when the machine left the school (or
// enrolled again) must not write its outcome into the new state.
export function recordAttempt(sqlite: Database.Database, machineId: string, at: string): void {
  cachedStatement(sqlite, 'UPDATE sync_state SET last_attempt_at = ? WHERE id = 1 AND machine_id = ?').run(at, machineId);
}

export function recordSuccess(sqlite: Database.Database, machineId: string, at: string): void {
  cachedStatement(sqlite, 'UPDATE sync_state SET last_sync_at = ?, last_error_code = NULL, last_error_message = NULL WHERE id = 1 AND machine_id = ?').run(at, machineId);
}

export function recordFailure(sqlite: Database.Database, machineId: string, code: SyncFailureCode, message: string): void {
  cachedStatement(sqlite, 'UPDATE sync_state SET last_error_code = ?, last_error_message = ? WHERE id = 1 AND machine_id = ?').run(code, message, machineId);
}
