ALTER TABLE `leads` ADD `source` text;--> statement-breakpoint
ALTER TABLE `partner_center_referrals` ADD `name` text;--> statement-breakpoint
ALTER TABLE `partner_center_referrals` ADD `customer_size` text;--> statement-breakpoint
ALTER TABLE `partner_center_referrals` ADD `closing_at` text;--> statement-breakpoint
ALTER TABLE `partner_center_referrals` ADD `etag` text;--> statement-breakpoint
ALTER TABLE `partner_center_referrals` ADD `pc_created_at` text;--> statement-breakpoint
ALTER TABLE `partner_center_referrals` ADD `pc_updated_at` text;--> statement-breakpoint
ALTER TABLE `pc_sync_runs` ADD `mode` text;--> statement-breakpoint
ALTER TABLE `pc_sync_runs` ADD `unchanged` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pc_sync_runs` ADD `leads_created` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pc_sync_runs` ADD `linked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pc_sync_runs` ADD `unlinked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pc_sync_runs` ADD `duration_ms` integer;--> statement-breakpoint
UPDATE `partner_center_referrals` SET `link_status` = CASE WHEN `link_status` = 'auto_linked' AND `linked_lead_id` IS NOT NULL THEN 'linked' ELSE 'unlinked' END;
