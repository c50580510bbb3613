import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The eight tables of the learner-profile store. CHECK constraints repeat the DTO rules so that
 * the file stays valid whatever writes to it (CLI, an older app, a hand-edited copy).
 * Column names inside checks are written raw: drizzle-kit would otherwise qualify them.
 */

const ISO_GLOB = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'";
const isoTime = (column: string): SQL => sql.raw(`"${column}" GLOB ${ISO_GLOB}`);
const optionalIsoTime = (column: string): SQL => sql.raw(`"${column}" IS NULL OR "${column}" GLOB ${ISO_GLOB}`);
const unitScore = (column: string): SQL => sql.raw(`"${column}" IS NULL OR ("${column}" >= 0 AND "${column}" <= 1)`);
const jsonText = (column: string, nullable: boolean): SQL =>
  sql.raw(nullable ? `"${column}" IS NULL OR json_valid("${column}")` : `json_valid("${column}")`);
const nonEmpty = (column: string, max: number): SQL => sql.raw(`length("${column}") BETWEEN 1 AND ${max}`);

const learnerIdColumn = () =>
  text('learner_id')
    .notNull()
    .references(() => learnerProfiles.id, { onDelete: 'cascade', onUpdate: 'cascade' });

export const learnerProfiles = sqliteTable(
  'learner_profiles',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    createdAt: text('created_at').notNull(),
    lastUpdatedAt: text('last_updated_at').notNull(),
  },
  () => [
    check('learner_profiles_id_check', nonEmpty('id', 64)),
    check('learner_profiles_display_name_check', nonEmpty('display_name', 100)),
    check('learner_profiles_created_at_check', isoTime('created_at')),
    check('learner_profiles_last_updated_at_check', sql.raw(`"last_updated_at" GLOB ${ISO_GLOB} AND "last_updated_at" >= "created_at"`)),
  ],
);

export const preferences = sqliteTable(
  'preferences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    category: text('category').notNull(),
    value: text('value').notNull(),
    timestamp: text('timestamp').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('preferences_learner_category_unique').on(t.learnerId, t.category),
    check('preferences_category_check', nonEmpty('category', 100)),
    check('preferences_value_check', nonEmpty('value', 200)),
    check('preferences_timestamp_check', isoTime('timestamp')),
    check('preferences_deleted_at_check', optionalIsoTime('deleted_at')),
  ],
);

export const interests = sqliteTable(
  'interests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    interestName: text('interest_name').notNull(),
    timestamp: text('timestamp').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('interests_learner_name_unique').on(t.learnerId, t.interestName),
    check('interests_interest_name_check', nonEmpty('interest_name', 100)),
    check('interests_timestamp_check', isoTime('timestamp')),
    check('interests_deleted_at_check', optionalIsoTime('deleted_at')),
  ],
);

export const struggles = sqliteTable(
  'struggles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    struggleDescription: text('struggle_description').notNull(),
    timestamp: text('timestamp').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('struggles_learner_description_unique').on(t.learnerId, t.struggleDescription),
    check('struggles_struggle_description_check', nonEmpty('struggle_description', 200)),
    check('struggles_timestamp_check', isoTime('timestamp')),
    check('struggles_deleted_at_check', optionalIsoTime('deleted_at')),
  ],
);

export const cognitiveMetrics = sqliteTable(
  'cognitive_metrics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    taskName: text('task_name').notNull(),
    metricDetails: text('metric_details').notNull(),
    timestamp: text('timestamp').notNull(),
  },
  (t) => [
    uniqueIndex('cognitive_metrics_learner_task_unique').on(t.learnerId, t.taskName),
    check('cognitive_metrics_task_name_check', nonEmpty('task_name', 100)),
    check('cognitive_metrics_metric_details_check', jsonText('metric_details', false)),
    check('cognitive_metrics_timestamp_check', isoTime('timestamp')),
  ],
);

export const learningObjectiveProgress = sqliteTable(
  'learning_objective_progress',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    loId: text('lo_id').notNull(),
    status: text('status', { enum: ['not_started', 'in_progress', 'completed'] }).notNull(),
    startedAt: text('started_at').notNull(),
    completedAt: text('completed_at'),
    score: real('score'),
    details: text('details'),
  },
  (t) => [
    uniqueIndex('lo_progress_learner_lo_unique').on(t.learnerId, t.loId),
    check('lo_progress_lo_id_check', nonEmpty('lo_id', 64)),
    check('lo_progress_status_check', sql.raw(`"status" IN ('not_started', 'in_progress', 'completed')`)),
    check('lo_progress_started_at_check', isoTime('started_at')),
    check('lo_progress_completed_at_check', optionalIsoTime('completed_at')),
    check(
      'lo_progress_completion_check',
      sql.raw(`("status" = 'completed') = ("completed_at" IS NOT NULL) AND ("completed_at" IS NULL OR "completed_at" >= "started_at")`),
    ),
    check('lo_progress_score_check', unitScore('score')),
    check('lo_progress_details_check', jsonText('details', true)),
  ],
);

export const badges = sqliteTable(
  'badges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    badgeId: text('badge_id').notNull(),
    badgeName: text('badge_name').notNull(),
    earnedDate: text('earned_date').notNull(),
    details: text('details'),
  },
  (t) => [
    uniqueIndex('badges_learner_badge_unique').on(t.learnerId, t.badgeId),
    check('badges_badge_id_check', nonEmpty('badge_id', 64)),
    check('badges_badge_name_check', nonEmpty('badge_name', 100)),
    check('badges_earned_date_check', isoTime('earned_date')),
    check('badges_details_check', jsonText('details', true)),
  ],
);

export const activityAttempts = sqliteTable(
  'activity_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    learnerId: learnerIdColumn(),
    attemptUid: text('attempt_uid').notNull(),
    loId: text('lo_id').notNull(),
    activityId: text('activity_id').notNull(),
    activityType: text('activity_type').notNull(),
    attemptTimestamp: text('attempt_timestamp').notNull(),
    score: real('score'),
    completed: integer('completed', { mode: 'boolean' }).notNull(),
    attemptDetails: text('attempt_details'),
  },
  (t) => [
    uniqueIndex('activity_attempts_uid_unique').on(t.attemptUid),
    index('activity_attempts_learner_time_idx').on(t.learnerId, t.attemptTimestamp),
    index('activity_attempts_learner_lo_idx').on(t.learnerId, t.loId),
    check('activity_attempts_uid_check', sql.raw(`length("attempt_uid") = 36`)),
    check('activity_attempts_lo_id_check', nonEmpty('lo_id', 64)),
    check('activity_attempts_activity_id_check', nonEmpty('activity_id', 100)),
    check('activity_attempts_activity_type_check', nonEmpty('activity_type', 32)),
    check('activity_attempts_timestamp_check', isoTime('attempt_timestamp')),
    check('activity_attempts_score_check', unitScore('score')),
    check('activity_attempts_completed_check', sql.raw(`"completed" IN (0, 1)`)),
    check('activity_attempts_details_check', jsonText('attempt_details', true)),
  ],
);

/** Every table that holds a learner's rows, in the order a profile is read and written. */
export const learnerRowTables = {
  preferences,
  interests,
  struggles,
  cognitiveMetrics,
  learningObjectiveProgress,
  badges,
  activityAttempts,
} as const;
