import os from 'node:os';
import type Database from 'better-sqlite3';
import type { ParsedChannelInput } from '../../electron/common/contract';
import { DalaError } from '../../electron/common/errors';
import { enrolmentCodeSchema, type EnrolResponse } from '../../electron/common/sync/hub-protocol';
import type { SyncStatusView } from '../../electron/common/sync/sync-views';
import { toDalaError } from '../storage-errors';
import { forgetCredentialKey, sealCredential } from './credential';
import { createHubClient, HubRequestError } from './hub-client';
import { readSyncState, syncStatusView } from './sync-state';
import { createSyncTriggers, dropSyncTriggers, queueSnapshot } from './triggers';

/**
 * Joining and leaving a school hub. Enrolling asks the hub for a machine credential with the
 * school's enrolment code, then, in one transaction: stores the link, creates the outbox triggers
 * and queues everything the machine has, so the school gets it at the first sync. Leaving forgets
 * the link, the credential and the outbox; the learners' data stays on the machine.
 */

export interface EnrolmentEnvironment {
  sqlite: Database.Database;
  dataDir: string;
  now: () => string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const MACHINE_NAME_MAX = 100;

/** The computer's name, as an IT person sees it in `dala hub machines list`. */
export function defaultMachineName(): string {
  const name = os.hostname().trim().slice(0, MACHINE_NAME_MAX);
  return name.length > 0 ? name : 'DALA lab machine';
}

/** The hub's address without a trailing slash (routes are appended to it, a proxy's path prefix kept). */
export function normaliseHubUrl(hubUrl: string): string {
  return hubUrl.trim().replace(/\/+$/, '');
}

function alreadyEnrolled(schoolName: string, hubUrl: string): DalaError {
  return new DalaError('conflict', `This machine is already enrolled in ${schoolName} (${hubUrl}). Leave the school hub first to enrol it elsewhere.`);
}

function enrolmentRefused(error: HubRequestError, hubUrl: string): DalaError {
  switch (error.kind) {
    case 'offline':
      return new DalaError('not_found', `No school hub answered at ${hubUrl}. Check the address and the network, then try again.`, 'hubUrl');
    case 'code_invalid':
      return new DalaError('invalid_input', error.message, 'code');
    default:
      return new DalaError('invalid_input', error.message, 'hubUrl');
  }
}

export async function enrolInSchoolHub(env: EnrolmentEnvironment, input: ParsedChannelInput<'enrolInSchoolHub'>): Promise<SyncStatusView> {
  const hubUrl = normaliseHubUrl(input.hubUrl);
  const existing = readSyncState(env.sqlite);
  if (existing) throw alreadyEnrolled(existing.schoolName, existing.hubUrl);
  const code = enrolmentCodeSchema.safeParse(input.code);
  if (!code.success) throw new DalaError('invalid_input', 'The enrolment code must be the one the hub printed (letters, digits and dashes).', 'code');
  const machineName = (input.machineName ?? defaultMachineName()).slice(0, MACHINE_NAME_MAX);
  let answer: EnrolResponse;
  try {
    answer = await createHubClient({ hubUrl, fetch: env.fetch, timeoutMs: env.timeoutMs }).enrol({ code: code.data, machineName });
  } catch (error) {
    if (error instanceof HubRequestError) throw enrolmentRefused(error, hubUrl);
    throw error;
  }
  const sealed = sealCredential(env.dataDir, answer.credential);
  const enrolledAt = env.now();
  try {
    env.sqlite
      .transaction(() => {
        // Checked again inside the write lock: another window or the CLI may have enrolled meanwhile.
        const raced = readSyncState(env.sqlite);
        if (raced) throw alreadyEnrolled(raced.schoolName, raced.hubUrl);
        env.sqlite
          .prepare(
            `INSERT INTO sync_state (id, hub_url, school_id, school_name, machine_id, machine_name, credential_sealed, pull_cursor, applying, enrolled_at)
             VALUES (1, ?, ?, ?, ?, ?, ?, 0, 0, ?)`,
          )
          .run(hubUrl, answer.schoolId, answer.schoolName, answer.machineId, machineName, sealed, enrolledAt);
        env.sqlite.prepare('DELETE FROM sync_operations').run();
        env.sqlite.prepare('DELETE FROM sync_deleted_learners').run();
        createSyncTriggers(env.sqlite);
        queueSnapshot(env.sqlite);
      })
      .immediate();
  } catch (error) {
    throw toDalaError(error);
  }
  return syncStatusView(env.sqlite);
}

/**
 * Stops syncing: the triggers go, then the link, the outbox and the memory of deleted learners,
 * in one transaction; then the credential's key. A sync under way is not waited for (it may wait
 * on the network): every write it still makes names the machine it started for, and does nothing.
 */
export function leaveSchoolHub(env: Pick<EnrolmentEnvironment, 'sqlite' | 'dataDir'>): SyncStatusView {
  try {
    env.sqlite
      .transaction(() => {
        dropSyncTriggers(env.sqlite);
        env.sqlite.prepare('DELETE FROM sync_state').run();
        env.sqlite.prepare('DELETE FROM sync_operations').run();
        env.sqlite.prepare('DELETE FROM sync_deleted_learners').run();
      })
      .immediate();
  } catch (error) {
    throw toDalaError(error);
  }
  forgetCredentialKey(env.dataDir);
  return syncStatusView(env.sqlite);
}
