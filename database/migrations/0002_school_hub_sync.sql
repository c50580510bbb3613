CREATE TABLE `sync_deleted_learners` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`deleted_at` text NOT NULL,
	CONSTRAINT "sync_deleted_learners_deleted_at_check" CHECK("deleted_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE TABLE `sync_operations` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`table_name` text NOT NULL,
	`learner_id` text,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "sync_operations_op_id_check" CHECK(length("op_id") = 36),
	CONSTRAINT "sync_operations_table_name_check" CHECK("table_name" IN ('learner', 'preferences', 'interests', 'struggles', 'cognitiveMetrics', 'loProgress', 'badges', 'activityAttempts', 'learnerDeletion', 'classMembers', 'learnerSecret', 'class', 'educator', 'classCoaches')),
	CONSTRAINT "sync_operations_payload_check" CHECK(json_valid("payload")),
	CONSTRAINT "sync_operations_created_at_check" CHECK("created_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_operations_op_id_unique` ON `sync_operations` (`op_id`);--> statement-breakpoint
CREATE INDEX `sync_operations_learner_idx` ON `sync_operations` (`learner_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`hub_url` text NOT NULL,
	`school_id` text NOT NULL,
	`school_name` text NOT NULL,
	`machine_id` text NOT NULL,
	`machine_name` text NOT NULL,
	`credential_sealed` text NOT NULL,
	`pull_cursor` integer DEFAULT 0 NOT NULL,
	`applying` integer DEFAULT 0 NOT NULL,
	`enrolled_at` text NOT NULL,
	`last_sync_at` text,
	`last_attempt_at` text,
	`last_error_code` text,
	`last_error_message` text,
	CONSTRAINT "sync_state_single_row_check" CHECK("id" = 1),
	CONSTRAINT "sync_state_pull_cursor_check" CHECK("pull_cursor" >= 0),
	CONSTRAINT "sync_state_applying_check" CHECK("applying" IN (0, 1)),
	CONSTRAINT "sync_state_enrolled_at_check" CHECK("enrolled_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "sync_state_last_sync_at_check" CHECK("last_sync_at" IS NULL OR "last_sync_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "sync_state_last_attempt_at_check" CHECK("last_attempt_at" IS NULL OR "last_attempt_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
