CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`educator_id` text,
	`target_type` text,
	`target_id` text,
	`detail` text,
	CONSTRAINT "audit_log_at_check" CHECK("at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "audit_log_action_check" CHECK(length("action") BETWEEN 1 AND 64 AND "action" NOT GLOB '*[^a-z_]*'),
	CONSTRAINT "audit_log_actor_check" CHECK("actor" IN ('educator', 'cli', 'learner', 'anyone')),
	CONSTRAINT "audit_log_detail_check" CHECK("detail" IS NULL OR length("detail") <= 200)
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `class_coaches` (
	`class_id` text NOT NULL,
	`educator_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	PRIMARY KEY(`class_id`, `educator_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`educator_id`) REFERENCES `educators`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "class_coaches_assigned_at_check" CHECK("assigned_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE INDEX `class_coaches_educator_idx` ON `class_coaches` (`educator_id`);--> statement-breakpoint
CREATE TABLE `class_members` (
	`class_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`class_id`, `learner_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "class_members_added_at_check" CHECK("added_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE INDEX `class_members_learner_idx` ON `class_members` (`learner_id`);--> statement-breakpoint
CREATE TABLE `classes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sign_in_method` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	CONSTRAINT "classes_id_check" CHECK(length("id") BETWEEN 1 AND 64),
	CONSTRAINT "classes_name_check" CHECK(length("name") BETWEEN 1 AND 100),
	CONSTRAINT "classes_sign_in_method_check" CHECK("sign_in_method" IN ('none', 'pin', 'picture')),
	CONSTRAINT "classes_created_at_check" CHECK("created_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "classes_updated_at_check" CHECK("updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND "updated_at" >= "created_at"),
	CONSTRAINT "classes_archived_at_check" CHECK("archived_at" IS NULL OR "archived_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE TABLE `educators` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`disabled_at` text,
	CONSTRAINT "educators_username_check" CHECK(length("username") BETWEEN 1 AND 64 AND "username" NOT GLOB '*[^A-Za-z0-9._-]*'),
	CONSTRAINT "educators_display_name_check" CHECK(length("display_name") BETWEEN 1 AND 100),
	CONSTRAINT "educators_role_check" CHECK("role" IN ('admin', 'coach')),
	CONSTRAINT "educators_password_hash_check" CHECK("password_hash" GLOB 'scrypt$*$*$*$*$*'),
	CONSTRAINT "educators_created_at_check" CHECK("created_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "educators_updated_at_check" CHECK("updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND "updated_at" >= "created_at"),
	CONSTRAINT "educators_disabled_at_check" CHECK("disabled_at" IS NULL OR "disabled_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `educators_username_unique` ON `educators` (lower("username"));--> statement-breakpoint
CREATE TABLE `learner_secrets` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`secret_hash` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learner_profiles`(`id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "learner_secrets_kind_check" CHECK("kind" IN ('pin', 'picture')),
	CONSTRAINT "learner_secrets_hash_check" CHECK("secret_hash" GLOB 'scrypt$*$*$*$*$*'),
	CONSTRAINT "learner_secrets_updated_at_check" CHECK("updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "settings_key_check" CHECK(length("key") BETWEEN 1 AND 64),
	CONSTRAINT "settings_value_check" CHECK(json_valid("value")),
	CONSTRAINT "settings_updated_at_check" CHECK("updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`lockouts` integer NOT NULL,
	`locked_until` text,
	`updated_at` text NOT NULL,
	CONSTRAINT "sign_in_throttle_key_check" CHECK(length("key") BETWEEN 1 AND 200),
	CONSTRAINT "sign_in_throttle_counts_check" CHECK("failures" >= 0 AND "lockouts" >= 0),
	CONSTRAINT "sign_in_throttle_locked_until_check" CHECK("locked_until" IS NULL OR "locked_until" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'),
	CONSTRAINT "sign_in_throttle_updated_at_check" CHECK("updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z')
);
