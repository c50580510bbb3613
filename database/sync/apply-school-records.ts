import type Database from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/merge/canonical-json';
import { foldVersion } from '../../electron/common/merge/merge-rules';
import { mergeClassCoach, mergeClassMember, mergeClassRecord, mergeEducatorRecord, mergeLearnerSecret } from '../../electron/common/merge/school-merge-rules';
import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from '../../electron/common/merge/school-records-schema';
import type { PullResponse, SyncChange } from '../../electron/common/sync/hub-protocol';
import { cachedStatement } from '../statement-cache';

/**
 * Pulled school records merged into this machine with the laws of school-merge-rules.ts, inside
 * the pulled chunk's transaction (apply-pulled.ts). Classes and educators first, so that the
 * memberships and coaching of the same chunk can be placed; a membership or coaching whose class,
 * learner or educator this machine does not have is left out (counted as skipped).
 *
 * An educator whose username another account here already has (two machines each made an "admin"
 * before they were enrolled) is left out too: this machine keeps its own account, so nobody is
 * locked out of it. Renaming one of the two accounts lets it travel.
 */

type Change<T extends SyncChange['table']> = Extract<SyncChange, { table: T }>;
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function fold<T>(rows: readonly T[], key: (r: T) => string, merge: (a: T, b: T) => T): Map<string, T> {
  const folded = new Map<string, T>();
  for (const row of rows) foldVersion(folded, key(row), row, merge);
  return folded;
}

const CLASS_COLUMNS = 'id, name, sign_in_method AS signInMethod, created_at AS createdAt, updated_at AS updatedAt, archived_at AS archivedAt';
const EDUCATOR_COLUMNS =
  'id, username, display_name AS displayName, role, password_hash AS passwordHash, created_at AS createdAt, updated_at AS updatedAt, disabled_at AS disabledAt';

function applyClass(sqlite: Database.Database, incoming: ClassRecord): void {
  const local = cachedStatement(sqlite, `SELECT ${CLASS_COLUMNS} FROM classes WHERE id = ?`).get(incoming.id) as ClassRecord | undefined;
  const merged = local ? mergeClassRecord(local, incoming) : incoming;
  if (local && same(local, merged)) return;
  cachedStatement(
    sqlite,
    `INSERT INTO classes (id, name, sign_in_method, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, sign_in_method = excluded.sign_in_method, created_at = excluded.created_at, updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run(merged.id, merged.name, merged.signInMethod, merged.createdAt, merged.updatedAt, merged.archivedAt);
}

/** Whether the educator could be placed (false: their username belongs to another account here). */
function applyEducator(sqlite: Database.Database, incoming: EducatorRecord): boolean {
  const clash = cachedStatement(sqlite, 'SELECT 1 FROM educators WHERE lower(username) = lower(?) AND id <> ?').get(incoming.username, incoming.id);
  const local = cachedStatement(sqlite, `SELECT ${EDUCATOR_COLUMNS} FROM educators WHERE id = ?`).get(incoming.id) as EducatorRecord | undefined;
  const merged = local ? mergeEducatorRecord(local, incoming) : incoming;
  if (local && same(local, merged)) return true;
  if (clash && merged.username.toLowerCase() !== local?.username.toLowerCase()) return false;
  cachedStatement(
    sqlite,
    `INSERT INTO educators (id, username, display_name, role, password_hash, created_at, updated_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash,
       created_at = excluded.created_at, updated_at = excluded.updated_at, disabled_at = excluded.disabled_at`,
  ).run(merged.id, merged.username, merged.displayName, merged.role, merged.passwordHash, merged.createdAt, merged.updatedAt, merged.disabledAt);
  return true;
}

/** Classes and educators of a chunk: the hub's records of those it names, and their changes. Returns how many were left out. */
export function applyClassesAndEducators(sqlite: Database.Database, chunk: PullResponse): number {
  const classChanges = chunk.changes.map((c) => c.change).filter((c): c is Change<'class'> => c.table === 'class');
  const educatorChanges = chunk.changes.map((c) => c.change).filter((c): c is Change<'educator'> => c.table === 'educator');
  const classes = fold([...chunk.classes, ...classChanges.map((c) => c.row)], (c) => c.id, mergeClassRecord);
  const educators = fold([...chunk.educators, ...educatorChanges.map((c) => c.row)], (e) => e.id, mergeEducatorRecord);
  for (const record of classes.values()) applyClass(sqlite, record);
  let skipped = 0;
  for (const record of educators.values()) if (!applyEducator(sqlite, record)) skipped++;
  return skipped;
}

const exists = (sqlite: Database.Database, table: 'classes' | 'educators' | 'learner_profiles', id: string) =>
  cachedStatement(sqlite, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

/** A learner's memberships and secret from one chunk (the learner is already here). Returns how many were left out. */
export function applyLearnerSchoolRows(sqlite: Database.Database, learnerId: string, changes: readonly SyncChange[]): number {
  let skipped = 0;
  const memberships = fold(
    changes.filter((c): c is Change<'classMembers'> => c.table === 'classMembers').map((c) => c.row),
    (m) => m.classId,
    mergeClassMember,
  );
  for (const incoming of memberships.values()) {
    const local = cachedStatement(sqlite, 'SELECT class_id AS classId, added_at AS addedAt, NULL AS removedAt FROM class_members WHERE class_id = ? AND learner_id = ?').get(
      incoming.classId,
      learnerId,
    ) as ClassMemberRow | undefined;
    const merged = local ? mergeClassMember(local, incoming) : incoming;
    if (merged.removedAt !== null) {
      if (local) cachedStatement(sqlite, 'DELETE FROM class_members WHERE class_id = ? AND learner_id = ?').run(incoming.classId, learnerId);
    } else if (!exists(sqlite, 'classes', merged.classId)) skipped++;
    else if (!local || !same(local, merged)) {
      cachedStatement(sqlite, 'INSERT INTO class_members (class_id, learner_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET added_at = excluded.added_at').run(
        merged.classId,
        learnerId,
        merged.addedAt,
      );
    }
  }
  const secrets = changes.filter((c): c is Change<'learnerSecret'> => c.table === 'learnerSecret').map((c) => c.row);
  if (secrets.length > 0) {
    const incoming = secrets.reduce(mergeLearnerSecret);
    const local = cachedStatement(sqlite, 'SELECT kind, secret_hash AS secretHash, updated_at AS updatedAt FROM learner_secrets WHERE learner_id = ?').get(learnerId) as
      | LearnerSecretRow
      | undefined;
    const merged = local ? mergeLearnerSecret(local, incoming) : incoming;
    if (merged.kind === null || merged.secretHash === null) {
      if (local) cachedStatement(sqlite, 'DELETE FROM learner_secrets WHERE learner_id = ?').run(learnerId);
    } else if (!local || !same(local, merged)) {
      cachedStatement(
        sqlite,
        'INSERT INTO learner_secrets (learner_id, kind, secret_hash, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (learner_id) DO UPDATE SET kind = excluded.kind, secret_hash = excluded.secret_hash, updated_at = excluded.updated_at',
      ).run(learnerId, merged.kind, merged.secretHash, merged.updatedAt);
    }
  }
  return skipped;
}

/** Who coaches which class, after classes, educators and learners of the chunk are placed. Returns how many were left out. */
export function applyClassCoaches(sqlite: Database.Database, chunk: PullResponse): number {
  const rows = chunk.changes.map((c) => c.change).filter((c): c is Change<'classCoaches'> => c.table === 'classCoaches');
  let skipped = 0;
  for (const incoming of fold(rows.map((c) => c.row), (c) => `${c.classId}\u0000${c.educatorId}`, mergeClassCoach).values()) {
    const local = cachedStatement(
      sqlite,
      'SELECT class_id AS classId, educator_id AS educatorId, assigned_at AS assignedAt, NULL AS removedAt FROM class_coaches WHERE class_id = ? AND educator_id = ?',
    ).get(incoming.classId, incoming.educatorId) as ClassCoachRow | undefined;
    const merged = local ? mergeClassCoach(local, incoming) : incoming;
    if (merged.removedAt !== null) {
      if (local) cachedStatement(sqlite, 'DELETE FROM class_coaches WHERE class_id = ? AND educator_id = ?').run(incoming.classId, incoming.educatorId);
    } else if (!exists(sqlite, 'classes', merged.classId) || !exists(sqlite, 'educators', merged.educatorId)) skipped++;
    else if (!local || !same(local, merged)) {
      cachedStatement(sqlite, 'INSERT INTO class_coaches (class_id, educator_id, assigned_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET assigned_at = excluded.assigned_at').run(
        merged.classId,
        merged.educatorId,
        merged.assignedAt,
      );
    }
  }
  return skipped;
}
