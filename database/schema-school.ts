import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { learnerProfiles } from './schema';

/**
 * Who may do what on a shared machine (DESIGN.md, "Who may do what"): educator accounts, classes
 * and their members and coaches, learners' sign-in secrets, the throttle of wrong tries, the audit
 * log and the machine's settings. Secrets are stored only as scrypt hashes.
 */

const ISO_GLOB = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'";
const isoTime = (column: string): SQL => sql.raw(`"${column}" GLOB ${ISO_GLOB}`);
const optionalIsoTime = (column: string): SQL => sql.raw(`"${column}" IS NULL OR "${column}" GLOB ${ISO_GLOB}`);
const nonEmpty = (column: string, max: number): SQL => sql.raw(`length("${column}") BETWEEN 1 AND ${max}`);
/** `scrypt$N$r$p$salt$hash`, salt and hash in base64 (see database/accounts/secret-hash.ts). */
const SCRYPT_HASH = (column: string): SQL => sql.raw(`"${column}" GLOB 'scrypt$*$*$*$*$*'`);

export const educators = sqliteTable(
  'educators',
  {
    id: text('id').primaryKey(),
    /** Compared without regard to case: "Ms.Okafor" and "ms.okafor" are one account. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'coach'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [
    uniqueIndex('educators_username_unique').on(sql`lower(${t.username})`),
    check('educators_username_check', sql.raw(`length("username") BETWEEN 1 AND 64 AND "username" NOT GLOB '*[^A-Za-z0-9._-]*'`)),
    check('educators_display_name_check', nonEmpty('display_name', 100)),
    check('educators_role_check', sql.raw(`"role" IN ('admin', 'coach')`)),
    check('educators_password_hash_check', SCRYPT_HASH('password_hash')),
    check('educators_created_at_check', isoTime('created_at')),
    check('educators_updated_at_check', sql.raw(`"updated_at" GLOB ${ISO_GLOB} AND "updated_at" >= "created_at"`)),
    check('educators_disabled_at_check', optionalIsoTime('disabled_at')),
  ],
);

export const classes = sqliteTable(
  'classes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** How this class's learners sign in on a shared machine: by name alone (the default), a PIN, or pictures. */
    signInMethod: text('sign_in_method', { enum: ['none', 'pin', 'picture'] }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    archivedAt: text('archived_at'),
  },
  () => [
    check('classes_id_check', nonEmpty('id', 64)),
    check('classes_name_check', nonEmpty('name', 100)),
    check('classes_sign_in_method_check', sql.raw(`"sign_in_method" IN ('none', 'pin', 'picture')`)),
    check('classes_created_at_check', isoTime('created_at')),
    check('classes_updated_at_check', sql.raw(`"updated_at" GLOB ${ISO_GLOB} AND "updated_at" >= "created_at"`)),
    check('classes_archived_at_check', optionalIsoTime('archived_at')),
  ],
);

export const classMembers = sqliteTable(
  'class_members',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learnerProfiles.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    addedAt: text('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.learnerId] }), index('class_members_learner_idx').on(t.learnerId), check('class_members_added_at_check', isoTime('added_at'))],
);

/** The classes a coach looks after (admins see every class without an entry here). */
export const classCoaches = sqliteTable(
  'class_coaches',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    educatorId: text('educator_id')
      .notNull()
      .references(() => educators.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    assignedAt: text('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.educatorId] }), index('class_coaches_educator_idx').on(t.educatorId), check('class_coaches_assigned_at_check', isoTime('assigned_at'))],
);

/** A learner's PIN or picture password, hashed; none means "pick your name" is enough. */
export const learnerSecrets = sqliteTable(
  'learner_secrets',
  {
    learnerId: text('learner_id')
      .primaryKey()
      .references(() => learnerProfiles.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    kind: text('kind', { enum: ['pin', 'picture'] }).notNull(),
    secretHash: text('secret_hash').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  () => [
    check('learner_secrets_kind_check', sql.raw(`"kind" IN ('pin', 'picture')`)),
    check('learner_secrets_hash_check', SCRYPT_HASH('secret_hash')),
    check('learner_secrets_updated_at_check', isoTime('updated_at')),
  ],
);

/**
 * Wrong tries per sign-in target (an educator's username, a learner's id): five, then a lockout
 * that doubles. Kept in the database so that restarting the app does not reset it.
 */
export const signInThrottle = sqliteTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lockouts: integer('lockouts').notNull(),
    lockedUntil: text('locked_until'),
    updatedAt: text('updated_at').notNull(),
  },
  () => [
    check('sign_in_throttle_key_check', nonEmpty('key', 200)),
    check('sign_in_throttle_counts_check', sql.raw(`"failures" >= 0 AND "lockouts" >= 0`)),
    check('sign_in_throttle_locked_until_check', optionalIsoTime('locked_until')),
    check('sign_in_throttle_updated_at_check', isoTime('updated_at')),
  ],
);

/** What educators (and the command line) did: ids and codes only, never names, passwords or profile contents. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    action: text('action').notNull(),
    /** `educator`, `cli` or `learner` (a pupil signing up, for instance). */
    actor: text('actor', { enum: ['educator', 'cli', 'learner', 'anyone'] }).notNull(),
    educatorId: text('educator_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** A short code (e.g. the import policy); never free text. */
    detail: text('detail'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    check('audit_log_at_check', isoTime('at')),
    check('audit_log_action_check', sql.raw(`length("action") BETWEEN 1 AND 64 AND "action" NOT GLOB '*[^a-z_]*'`)),
    check('audit_log_actor_check', sql.raw(`"actor" IN ('educator', 'cli', 'learner', 'anyone')`)),
    check('audit_log_detail_check', sql.raw(`"detail" IS NULL OR length("detail") <= 200`)),
  ],
);

/** The machine's settings, one JSON value per key (validated by electron/common/settings.ts). */
export const settings = sqliteTable(
  'settings',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  () => [check('settings_key_check', nonEmpty('key', 64)), check('settings_value_check', sql.raw(`json_valid("value")`)), check('settings_updated_at_check', isoTime('updated_at'))],
);
