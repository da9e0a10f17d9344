PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_d365_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_domain` text NOT NULL,
	`operation` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`last_status` integer,
	`idempotency_key` text NOT NULL,
	`record_id` text,
	`account_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
INSERT INTO `__new_d365_outbox`("id", "lead_domain", "operation", "payload", "state", "attempts", "next_attempt_at", "last_error", "idempotency_key", "created_at", "updated_at") SELECT "id", "lead_domain", "operation", "payload", CASE "state" WHEN 'pending' THEN 'queued' WHEN 'in_flight' THEN 'sending' ELSE "state" END, "attempts", "next_attempt_at", "last_error", "idempotency_key", "created_at", "updated_at" FROM `d365_outbox`;--> statement-breakpoint
DROP TABLE `d365_outbox`;--> statement-breakpoint
ALTER TABLE `__new_d365_outbox` RENAME TO `d365_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `d365_outbox_idempotency_uq` ON `d365_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `d365_outbox_due_idx` ON `d365_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `d365_outbox_domain_idx` ON `d365_outbox` (`lead_domain`);--> statement-breakpoint
ALTER TABLE `leads` ADD `d365_note_id` text;