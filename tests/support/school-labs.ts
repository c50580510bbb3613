import type Database from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/merge/canonical-json';
import { foldVersion } from '../../electron/common/merge/merge-rules';
import { mergeClassCoach, mergeClassMember, mergeClassRecord, mergeEducatorRecord, mergeLearnerSecret } from '../../electron/common/merge/school-merge-rules';
import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import type { ChannelInput, ChannelName } from '../../electron/common/contract';
import type { SyncChange } from '../../electron/common/sync/hub-protocol';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { openDatabase } from '../../database/open';
import { runSync } from '../../database/sync/sync-run';
import { testClock } from '../../database/test-support/temp-database';
import { windowCaller } from '../../database/test-support/window-caller';
import { fetchLosingPushAcks } from './sync-machines';

/**
 * Lab machines driven through the app's own channels by an unlocked admin (each machine its own
 * admin account), for the tests of the school's records travelling through a real hub.
 */

/** Refusals a random schedule runs into (removing a learner who is not in the class): they change nothing. */
const EXPECTED_REFUSALS = new Set(['not_found', 'invalid_input', 'conflict']);

export interface SchoolLab {
  name: string;
  sqlite: Database.Database;
  /** Calls a channel; an expected refusal is fine, anything else throws. */
  attempt<C extends ChannelName>(name: C, input: ChannelInput<C>): Promise<void>;
  setUpSchool(classIds: readonly string[], learnerIds: readonly string[]): Promise<void>;
  /** The id of the coach `setUpSchool` made (every machine has it after a sync). */
  coachId(): string;
  sync(options?: { loseAck?: boolean }): Promise<{ pushed: number; pulled: number; state: string }>;
  close(): Promise<void>;
}

export async function openSchoolLab(dataDir: string, name: string, hubUrl: string, code: string): Promise<SchoolLab> {
  const database = await openDatabase({ dataDir });
  // Same start on every machine, so that times of different machines tie often.
  const clock = testClock('2026-03-02T09:00:00.000Z', 1_000);
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser', now: clock });
  const { call, ok } = windowCaller(dispatcher);
  await ok('setUpFirstAdmin', { username: `admin-${name}`, displayName: `Admin ${name}`, password: `admin password ${name}` });
  await ok('enrolInSchoolHub', { hubUrl, code, machineName: `lab-${name}` });
  return {
    name,
    sqlite: database.sqlite,
    async attempt(channel, input) {
      const answer = await call(channel, input);
      if (!answer.ok && !EXPECTED_REFUSALS.has(answer.error.code)) throw new Error(`${channel} on lab ${name}: ${JSON.stringify(answer.error)}`);
    },
    async setUpSchool(classIds, learnerIds) {
      for (const id of classIds) await ok('createClass', { id, name: `Class ${id}`, signInMethod: 'none' });
      for (const id of learnerIds) await ok('createLearnerProfile', { id, displayName: `Pupil ${id}` });
      await ok('createEducator', { username: 'coach', displayName: 'Coach', role: 'coach', password: 'coach password 1' });
    },
    coachId() {
      const row = database.sqlite.prepare("SELECT id FROM educators WHERE username = 'coach'").get() as { id: string } | undefined;
      if (!row) throw new Error(`lab ${name} has no coach yet`);
      return row.id;
    },
    async sync(options = {}) {
      const run = await runSync({ sqlite: database.sqlite, dataDir, now: clock, fetch: options.loseAck ? fetchLosingPushAcks() : fetch });
      return { pushed: run.pushed, pulled: run.pulled, state: run.status.state };
    },
    async close() {
      await dispatcher.close();
    },
  };
}

interface SchoolRecords {
  classes: ClassRecord[];
  educators: EducatorRecord[];
  members: Array<{ classId: string; learnerId: string; addedAt: string }>;
  coaches: Array<{ classId: string; educatorId: string; assignedAt: string }>;
  secrets: Array<{ learnerId: string; kind: string; secretHash: string; updatedAt: string }>;
}

/** A machine's school records, in one canonical text. */
export function schoolRecordsOf(sqlite: Database.Database): string {
  const all = (sql: string) => sqlite.prepare(sql).all();
  return canonicalJson({
    classes: all('SELECT id, name, sign_in_method AS signInMethod, created_at AS createdAt, updated_at AS updatedAt, archived_at AS archivedAt FROM classes ORDER BY id'),
    educators: all(
      'SELECT id, username, display_name AS displayName, role, password_hash AS passwordHash, created_at AS createdAt, updated_at AS updatedAt, disabled_at AS disabledAt FROM educators ORDER BY id',
    ),
    members: all('SELECT class_id AS classId, learner_id AS learnerId, added_at AS addedAt FROM class_members ORDER BY class_id, learner_id'),
    coaches: all('SELECT class_id AS classId, educator_id AS educatorId, assigned_at AS assignedAt FROM class_coaches ORDER BY class_id, educator_id'),
    secrets: all('SELECT learner_id AS learnerId, kind, secret_hash AS secretHash, updated_at AS updatedAt FROM learner_secrets ORDER BY learner_id'),
  });
}

const byKey = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/** What every machine must end with: every queued version merged by the school laws, removals dropped. */
export function mergeOfSchoolChanges(changes: Iterable<SyncChange>): string {
  const classes = new Map<string, ClassRecord>();
  const educators = new Map<string, EducatorRecord>();
  const members = new Map<string, { learnerId: string; row: ClassMemberRow }>();
  const coaches = new Map<string, ClassCoachRow>();
  const secrets = new Map<string, { learnerId: string; row: LearnerSecretRow }>();
  for (const change of changes) {
    switch (change.table) {
      case 'class':
        foldVersion(classes, change.row.id, change.row, mergeClassRecord);
        break;
      case 'educator':
        foldVersion(educators, change.row.id, change.row, mergeEducatorRecord);
        break;
      case 'classCoaches':
        foldVersion(coaches, `${change.row.classId}\u0000${change.row.educatorId}`, change.row, mergeClassCoach);
        break;
      case 'classMembers':
        foldVersion(members, `${change.row.classId}\u0000${change.learnerId}`, { learnerId: change.learnerId, row: change.row }, (a, b) => ({ learnerId: a.learnerId, row: mergeClassMember(a.row, b.row) }));
        break;
      case 'learnerSecret':
        foldVersion(secrets, change.learnerId, { learnerId: change.learnerId, row: change.row }, (a, b) => ({ learnerId: a.learnerId, row: mergeLearnerSecret(a.row, b.row) }));
        break;
    }
  }
  const records: SchoolRecords = {
    classes: byKey(classes),
    educators: byKey(educators),
    members: byKey(members)
      .filter((m) => m.row.removedAt === null)
      .map((m) => ({ classId: m.row.classId, learnerId: m.learnerId, addedAt: m.row.addedAt })),
    coaches: byKey(coaches)
      .filter((c) => c.removedAt === null)
      .map((c) => ({ classId: c.classId, educatorId: c.educatorId, assignedAt: c.assignedAt })),
    secrets: byKey(secrets).flatMap(({ learnerId, row }) => (row.kind === null || row.secretHash === null ? [] : [{ learnerId, kind: row.kind, secretHash: row.secretHash, updatedAt: row.updatedAt }])),
  };
  return canonicalJson(records);
}
