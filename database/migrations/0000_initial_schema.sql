CREATE TABLE `activity_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`attempt_uid` text NOT NULL,
	`lo_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`activity_type` text NOT NULL,
	`attempt_timestamp` text NOT NULL,
	`score` real,
	`completed` integer NOT NULL,
	`attempt_details` text,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "activity_attempts_uid_check" CHECK(length("attempt_uid") = 36),
	CONSTRAINT "activity_attempts_lo_id_check" CHECK(length("lo_id") BETWEEN 1 AND 64),
	CONSTRAINT "activity_attempts_activity_id_check" CHECK(length("activity_id") BETWEEN 1 AND 100),
	CONSTRAINT "activity_attempts_activity_type_check" CHECK(length("activity_type") BETWEEN 1 AND 32),
	CONSTRAINT "activity_attempts_timestamp_check" CHECK("attempt_timestamp" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "activity_attempts_score_check" CHECK("score" IS NULL OR ("score" >= 0 AND "score" <= 1)),
	CONSTRAINT "activity_attempts_completed_check" CHECK("completed" IN (0, 1)),
	CONSTRAINT "activity_attempts_details_check" CHECK("attempt_details" IS NULL OR json_valid("attempt_details"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_attempts_uid_unique` ON `activity_attempts` (`attempt_uid`);--> statement-breakpoint
CREATE INDEX `activity_attempts_learner_time_idx` ON `activity_attempts` (`learner_id`,`attempt_timestamp`);--> statement-breakpoint
CREATE INDEX `activity_attempts_learner_lo_idx` ON `activity_attempts` (`learner_id`,`lo_id`);--> statement-breakpoint
CREATE TABLE `badges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`badge_id` text NOT NULL,
	`badge_name` text NOT NULL,
	`earned_date` text NOT NULL,
	`details` text,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "badges_badge_id_check" CHECK(length("badge_id") BETWEEN 1 AND 64),
	CONSTRAINT "badges_badge_name_check" CHECK(length("badge_name") BETWEEN 1 AND 100),
	CONSTRAINT "badges_earned_date_check" CHECK("earned_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "badges_details_check" CHECK("details" IS NULL OR json_valid("details"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `badges_learner_badge_unique` ON `badges` (`learner_id`,`badge_id`);--> statement-breakpoint
CREATE TABLE `cognitive_metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`task_name` text NOT NULL,
	`metric_details` text NOT NULL,
	`timestamp` text NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "cognitive_metrics_task_name_check" CHECK(length("task_name") BETWEEN 1 AND 100),
	CONSTRAINT "cognitive_metrics_metric_details_check" CHECK(json_valid("metric_details")),
	CONSTRAINT "cognitive_metrics_timestamp_check" CHECK("timestamp" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cognitive_metrics_learner_task_unique` ON `cognitive_metrics` (`learner_id`,`task_name`);--> statement-breakpoint
CREATE TABLE `interests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`interest_name` text NOT NULL,
	`timestamp` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "interests_interest_name_check" CHECK(length("interest_name") BETWEEN 1 AND 100),
	CONSTRAINT "interests_timestamp_check" CHECK("timestamp" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "interests_deleted_at_check" CHECK("deleted_at" IS NULL OR "deleted_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interests_learner_name_unique` ON `interests` (`learner_id`,`interest_name`);--> statement-breakpoint
CREATE TABLE `learner_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`created_at` text NOT NULL,
	`last_updated_at` text NOT NULL,
	CONSTRAINT "learner_profiles_id_check" CHECK(length("id") BETWEEN 1 AND 64),
	CONSTRAINT "learner_profiles_display_name_check" CHECK(length("display_name") BETWEEN 1 AND 100),
	CONSTRAINT "learner_profiles_created_at_check" CHECK("created_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "learner_profiles_last_updated_at_check" CHECK("last_updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND "last_updated_at" >= "created_at")
);
--> statement-breakpoint
CREATE TABLE `learning_objective_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`lo_id` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`completed_at` text,
	`score` real,
	`details` text,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "lo_progress_lo_id_check" CHECK(length("lo_id") BETWEEN 1 AND 64),
	CONSTRAINT "lo_progress_status_check" CHECK("status" IN ('not_started', 'in_progress', 'completed')),
	CONSTRAINT "lo_progress_started_at_check" CHECK("started_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "lo_progress_completed_at_check" CHECK("completed_at" IS NULL OR "completed_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "lo_progress_completion_check" CHECK(("status" = 'completed') = ("completed_at" IS NOT NULL) AND ("completed_at" IS NULL OR "completed_at" >= "started_at")),
	CONSTRAINT "lo_progress_score_check" CHECK("score" IS NULL OR ("score" >= 0 AND "score" <= 1)),
	CONSTRAINT "lo_progress_details_check" CHECK("details" IS NULL OR json_valid("details"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lo_progress_learner_lo_unique` ON `learning_objective_progress` (`learner_id`,`lo_id`);--> statement-breakpoint
CREATE TABLE `preferences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`category` text NOT NULL,
	`value` text NOT NULL,
	`timestamp` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "preferences_category_check" CHECK(length("category") BETWEEN 1 AND 100),
	CONSTRAINT "preferences_value_check" CHECK(length("value") BETWEEN 1 AND 200),
	CONSTRAINT "preferences_timestamp_check" CHECK("timestamp" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "preferences_deleted_at_check" CHECK("deleted_at" IS NULL OR "deleted_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `preferences_learner_category_unique` ON `preferences` (`learner_id`,`category`);--> statement-breakpoint
CREATE TABLE `struggles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`struggle_description` text NOT NULL,
	`timestamp` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "struggles_struggle_description_check" CHECK(length("struggle_description") BETWEEN 1 AND 200),
	CONSTRAINT "struggles_timestamp_check" CHECK("timestamp" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "struggles_deleted_at_check" CHECK("deleted_at" IS NULL OR "deleted_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `struggles_learner_description_unique` ON `struggles` (`learner_id`,`struggle_description`);