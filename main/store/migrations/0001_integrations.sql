CREATE TABLE `d365_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_domain` text NOT NULL,
	`operation` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`idempotency_key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `d365_outbox_idempotency_uq` ON `d365_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `d365_outbox_due_idx` ON `d365_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `d365_outbox_domain_idx` ON `d365_outbox` (`lead_domain`);--> statement-breakpoint
CREATE TABLE `feature_flags` (
	`key` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `metric_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`labels` text DEFAULT '{}' NOT NULL,
	`value` real NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `metric_events_name_idx` ON `metric_events` (`name`,`at`);--> statement-breakpoint
CREATE TABLE `metrics` (
	`name` text NOT NULL,
	`labels` text DEFAULT '{}' NOT NULL,
	`value` real NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`name`, `labels`)
);
--> statement-breakpoint
CREATE TABLE `partner_center_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` text NOT NULL,
	`engagement_id` text,
	`external_reference_id` text,
	`referral_type` text,
	`type` text,
	`qualification` text,
	`status` text,
	`substatus` text,
	`direction` text,
	`company_name` text,
	`customer_name` text,
	`customer_country` text,
	`domain` text,
	`raw_domain` text,
	`azure_tenant_id` text,
	`deal_value` real,
	`currency` text,
	`link_status` text,
	`linked_lead_id` integer,
	`raw_data` text NOT NULL,
	`synced_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`linked_lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pc_referrals_referral_id_uq` ON `partner_center_referrals` (`referral_id`);--> statement-breakpoint
CREATE INDEX `pc_referrals_domain_idx` ON `partner_center_referrals` (`domain`);--> statement-breakpoint
CREATE INDEX `pc_referrals_status_idx` ON `partner_center_referrals` (`status`);--> statement-breakpoint
CREATE INDEX `pc_referrals_type_idx` ON `partner_center_referrals` (`referral_type`);--> statement-breakpoint
CREATE INDEX `pc_referrals_link_status_idx` ON `partner_center_referrals` (`link_status`);--> statement-breakpoint
CREATE INDEX `pc_referrals_synced_at_idx` ON `partner_center_referrals` (`synced_at`);--> statement-breakpoint
CREATE INDEX `pc_referrals_tenant_idx` ON `partner_center_referrals` (`azure_tenant_id`);--> statement-breakpoint
CREATE TABLE `pc_sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`fetched` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_lead_id` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_account_id` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_contact_id` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_opportunity_id` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_sync_status` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_sync_last_at` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_sync_error` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_sync_attempt_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_d365_sync_status_idx` ON `leads` (`d365_sync_status`);