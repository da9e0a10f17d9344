ALTER TABLE `leads` ADD `archived_at` text;--> statement-breakpoint
CREATE INDEX `leads_archived_idx` ON `leads` (`archived_at`) WHERE "leads"."archived_at" IS NOT NULL;