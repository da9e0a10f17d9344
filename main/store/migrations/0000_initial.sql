CREATE TABLE `auto_tags` (
	`lead_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`lead_id`, `tag`),
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auto_tags_tag_idx` ON `auto_tags` (`tag`,`lead_id`);--> statement-breakpoint
CREATE TABLE `lead_scores` (
	`lead_id` integer PRIMARY KEY NOT NULL,
	`readiness_score` integer NOT NULL,
	`segment` text NOT NULL,
	`reason` text NOT NULL,
	`priority_score` integer NOT NULL,
	`technical_heat` text NOT NULL,
	`commercial_segment` text NOT NULL,
	`commercial_heat` text NOT NULL,
	`priority_category` text NOT NULL,
	`priority_label` text NOT NULL,
	`risk_flags` text NOT NULL,
	`breakdown` text NOT NULL,
	`scored_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_scores_priority_idx` ON `lead_scores` (`priority_category`,"readiness_score" DESC);--> statement-breakpoint
CREATE INDEX `lead_scores_readiness_idx` ON `lead_scores` (`readiness_score`);--> statement-breakpoint
CREATE INDEX `lead_scores_segment_idx` ON `lead_scores` (`segment`);--> statement-breakpoint
CREATE TABLE `lead_signals` (
	`lead_id` integer PRIMARY KEY NOT NULL,
	`provider` text,
	`mx_records` text,
	`mx_root` text,
	`local_provider` text,
	`tenant_size` text,
	`tenant_name` text,
	`spf` integer,
	`spf_record` text,
	`spf_lookup_count` integer,
	`dkim` integer,
	`dkim_selectors` text,
	`dmarc_policy` text,
	`dmarc_coverage` integer,
	`dmarc_record` text,
	`ns` text,
	`mx_a` text,
	`registrar` text,
	`created_on` text,
	`expires_at` text,
	`nameservers` text,
	`whois_status` text,
	`scan_status` text NOT NULL,
	`scanned_at` text NOT NULL,
	`dns` text,
	`whois` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_signals_provider_idx` ON `lead_signals` (`provider`);--> statement-breakpoint
CREATE INDEX `lead_signals_expires_at_idx` ON `lead_signals` (`expires_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY NOT NULL,
	`domain` text NOT NULL,
	`domain_display` text NOT NULL,
	`company_name` text,
	`search_text` text NOT NULL,
	`country` text,
	`contact_quality_score` integer,
	`scan_status` text DEFAULT 'pending' NOT NULL,
	`scanned_at` text,
	`scan_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "leads_domain_ascii" CHECK("leads"."domain" NOT GLOB '*[^ -~]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_domain_uq` ON `leads` (`domain`);--> statement-breakpoint
CREATE INDEX `leads_company_name_idx` ON `leads` (`company_name`);--> statement-breakpoint
CREATE INDEX `leads_scanned_at_idx` ON `leads` (`scanned_at`);--> statement-breakpoint
CREATE TABLE `legacy_favorites` (
	`domain` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`domain`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `legacy_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`domain` text NOT NULL,
	`note` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `legacy_notes_domain_idx` ON `legacy_notes` (`domain`);--> statement-breakpoint
CREATE TABLE `legacy_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`domain` text NOT NULL,
	`tag` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `legacy_tags_domain_idx` ON `legacy_tags` (`domain`);--> statement-breakpoint
CREATE TABLE `raw_import_rows` (
	`import_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`raw` text NOT NULL,
	`domain` text,
	`error` text,
	PRIMARY KEY(`import_id`, `row_number`),
	FOREIGN KEY (`import_id`) REFERENCES `raw_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `raw_import_rows_domain_idx` ON `raw_import_rows` (`domain`);--> statement-breakpoint
CREATE TABLE `raw_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`imported_at` text NOT NULL,
	`row_count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scan_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `scan_cache_expires_at_idx` ON `scan_cache` (`expires_at`);--> statement-breakpoint
CREATE TABLE `scan_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer NOT NULL,
	`scanned_at` text NOT NULL,
	`scan_status` text NOT NULL,
	`readiness_score` integer,
	`segment` text,
	`priority_category` text,
	`provider` text,
	`error` text,
	`changes` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scan_history_lead_idx` ON `scan_history` (`lead_id`,`scanned_at`);--> statement-breakpoint
CREATE INDEX `scan_history_scanned_at_idx` ON `scan_history` (`scanned_at`);--> statement-breakpoint
CREATE TABLE `scan_job_items` (
	`job_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`domain` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`error` text,
	PRIMARY KEY(`job_id`, `seq`),
	FOREIGN KEY (`job_id`) REFERENCES `scan_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scan_job_items_domain_uq` ON `scan_job_items` (`job_id`,`domain`);--> statement-breakpoint
CREATE INDEX `scan_job_items_state_idx` ON `scan_job_items` (`job_id`,`state`,`seq`);--> statement-breakpoint
CREATE TABLE `scan_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`succeeded` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text,
	`options` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
