import type Database from 'better-sqlite3';
import { z } from 'zod';
import { educatorRole, signInMethod, username } from '../../electron/common/accounts';
import { classId, className } from '../../electron/common/classes';
import * as dto from '../../electron/common/dto';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../electron/common/settings';

/**
 * The school's own records in a full backup: educator accounts (with their password hashes, never
 * passwords), classes, who is in them and who coaches them, learners' sign-in secrets (hashes) and
 * the machine's settings. Profile files carry none of this. Merge rules: the newer `updatedAt` wins
 * for accounts, classes, secrets and settings; memberships and coach assignments are a union.
 */
const scryptHash = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'must be a scrypt hash');
const id = z.string().min(1).max(64);

export const schoolRecordsSchema = z.object({
  educators: z.array(
    z.object({
      id: z.uuid(),
      username,
      displayName: dto.displayName,
      role: educatorRole,
      passwordHash: scryptHash,
      createdAt: dto.isoTimestamp,
      updatedAt: dto.isoTimestamp,
      disabledAt: dto.isoTimestamp.nullable(),
    }),
  ),
  classes: z.array(z.object({ id: classId, name: className, signInMethod, createdAt: dto.isoTimestamp, updatedAt: dto.isoTimestamp, archivedAt: dto.isoTimestamp.nullable() })),
  memberships: z.array(z.object({ classId, learnerId: dto.learnerId, addedAt: dto.isoTimestamp })),
  coaches: z.array(z.object({ classId, educatorId: id, assignedAt: dto.isoTimestamp })),
  learnerSecrets: z.array(z.object({ learnerId: dto.learnerId, kind: z.enum(['pin', 'picture']), secretHash: scryptHash, updatedAt: dto.isoTimestamp })),
  settings: z.array(z.object({ key: z.enum(SETTING_KEYS as [string, ...string[]]), value: z.json(), updatedAt: dto.isoTimestamp })),
});
export type SchoolRecords = z.output<typeof schoolRecordsSchema>;

// Each table's columns, as the backup's keys, in the order the schema above lists them.
const SELECT = {
  educators: 'SELECT id, username, display_name AS displayName, role, password_hash AS passwordHash, created_at AS createdAt, updated_at AS updatedAt, disabled_at AS disabledAt FROM educators ORDER BY id',
  classes: 'SELECT id, name, sign_in_method AS signInMethod, created_at AS createdAt, updated_at AS updatedAt, archived_at AS archivedAt FROM classes ORDER BY id',
  memberships: 'SELECT class_id AS classId, learner_id AS learnerId, added_at AS addedAt FROM class_members ORDER BY class_id, learner_id',
  coaches: 'SELECT class_id AS classId, educator_id AS educatorId, assigned_at AS assignedAt FROM class_coaches ORDER BY class_id, educator_id',
  learnerSecrets: 'SELECT learner_id AS learnerId, kind, secret_hash AS secretHash, updated_at AS updatedAt FROM learner_secrets ORDER BY learner_id',
  settings: 'SELECT key, value, updated_at AS updatedAt FROM settings ORDER BY key',
} as const;

/** The school's records, limited to `learnerIds` where a row belongs to a learner (a filtered backup). */
export function readSchoolRecords(sqlite: Database.Database, learnerIds?: ReadonlySet<string>): SchoolRecords {
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const mine = <T extends { learnerId: string }>(rows: T[]) => (learnerIds ? rows.filter((r) => learnerIds.has(r.learnerId)) : rows);
  return {
    educators: all(SELECT.educators),
    classes: all(SELECT.classes),
    memberships: mine(all(SELECT.memberships)),
    coaches: all(SELECT.coaches),
    learnerSecrets: mine(all(SELECT.learnerSecrets)),
    settings: all<{ key: string; value: string; updatedAt: string }>(SELECT.settings).map((s) => ({ ...s, value: JSON.parse(s.value) as z.core.util.JSONType })),
  };
}

export interface SchoolChanges {
  educators: number;
  classes: number;
  memberships: number;
  coaches: number;
  learnerSecrets: number;
  settings: number;
}

/**
 * Writes a backup's school records inside the caller's transaction: `replace` makes these tables
 * exactly the backup's; otherwise newer rows win and links are added. Links to a learner or
 * educator that neither this database nor the backup (`incomingLearners`) has are skipped.
 * Returns how many rows were written.
 */
export function applySchoolRecords(sqlite: Database.Database, records: SchoolRecords, replace: boolean, incomingLearners: ReadonlySet<string>): SchoolChanges {
  if (replace) for (const table of ['educators', 'classes', 'learner_secrets', 'settings']) sqlite.exec(`DELETE FROM ${table}`);
  const newer = (table: string, key: string, set: string) => `ON CONFLICT (${key}) DO UPDATE SET ${set} WHERE excluded.updated_at > ${table}.updated_at`;
  const run = (sql: string, rows: readonly unknown[][]) => {
    const statement = sqlite.prepare(sql);
    return rows.reduce<number>((n, params) => n + statement.run(...params).changes, 0);
  };
  const exists = (table: string) => {
    const statement = sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
    return (id: string) => statement.get(id) !== undefined;
  };
  const usernameTaken = sqlite.prepare('SELECT 1 FROM educators WHERE lower(username) = lower(?) AND id <> ?');
  // An account whose username another account here already has is left out (the local one is kept).
  const educators = records.educators.filter((e) => !usernameTaken.get(e.username, e.id));
  const educatorsWritten = run(
    `INSERT INTO educators (id, username, display_name, role, password_hash, created_at, updated_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ${newer(
      'educators',
      'id',
      'username = excluded.username, display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash, updated_at = excluded.updated_at, disabled_at = excluded.disabled_at',
    )}`,
    educators.map((e) => [e.id, e.username, e.displayName, e.role, e.passwordHash, e.createdAt, e.updatedAt, e.disabledAt]),
  );
  const classesWritten = run(
    `INSERT INTO classes (id, name, sign_in_method, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?) ${newer(
      'classes',
      'id',
      'name = excluded.name, sign_in_method = excluded.sign_in_method, updated_at = excluded.updated_at, archived_at = excluded.archived_at',
    )}`,
    records.classes.map((c) => [c.id, c.name, c.signInMethod, c.createdAt, c.updatedAt, c.archivedAt]),
  );
  const classHere = exists('classes');
  const educatorHere = exists('educators');
  const learnerHereOnly = exists('learner_profiles');
  const learnerHere = (id: string) => incomingLearners.has(id) || learnerHereOnly(id);
  return {
    educators: educatorsWritten,
    classes: classesWritten,
    memberships: run(
      'INSERT INTO class_members (class_id, learner_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      records.memberships.filter((m) => classHere(m.classId) && learnerHere(m.learnerId)).map((m) => [m.classId, m.learnerId, m.addedAt]),
    ),
    coaches: run(
      'INSERT INTO class_coaches (class_id, educator_id, assigned_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      records.coaches.filter((c) => classHere(c.classId) && educatorHere(c.educatorId)).map((c) => [c.classId, c.educatorId, c.assignedAt]),
    ),
    learnerSecrets: run(
      `INSERT INTO learner_secrets (learner_id, kind, secret_hash, updated_at) VALUES (?, ?, ?, ?) ${newer('learner_secrets', 'learner_id', 'kind = excluded.kind, secret_hash = excluded.secret_hash, updated_at = excluded.updated_at')}`,
      records.learnerSecrets.filter((r) => learnerHere(r.learnerId)).map((r) => [r.learnerId, r.kind, r.secretHash, r.updatedAt]),
    ),
    settings: run(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ${newer('settings', 'key', 'value = excluded.value, updated_at = excluded.updated_at')}`,
      records.settings.filter((r) => r.key in DEFAULT_SETTINGS).map((r) => [r.key, JSON.stringify(r.value), r.updatedAt]),
    ),
  };
}

/**
 * What applySchoolRecords would write, without writing: run in a savepoint that is rolled back
 * (foreign keys deferred, since a dry run has not written the learners the links point to).
 */
export function previewSchoolRecords(sqlite: Database.Database, records: SchoolRecords, replace: boolean, incomingLearners: ReadonlySet<string>): SchoolChanges {
  sqlite.exec('SAVEPOINT school_preview');
  try {
    sqlite.pragma('defer_foreign_keys = ON');
    return applySchoolRecords(sqlite, records, replace, incomingLearners);
  } finally {
    sqlite.exec('ROLLBACK TO school_preview; RELEASE school_preview');
  }
}
