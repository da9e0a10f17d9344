DROP INDEX `lead_scores_priority_idx`;--> statement-breakpoint
DROP INDEX `lead_scores_readiness_idx`;--> statement-breakpoint
DROP INDEX `lead_scores_segment_idx`;--> statement-breakpoint
DROP INDEX `lead_signals_provider_idx`;--> statement-breakpoint
DROP INDEX `lead_signals_expires_at_idx`;--> statement-breakpoint
DROP INDEX `leads_company_name_idx`;--> statement-breakpoint
DROP INDEX `leads_scanned_at_idx`;--> statement-breakpoint
ALTER TABLE `leads` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `readiness_score` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `segment` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `priority_score` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `priority_category` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `priority_label` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `company_sort` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `risk_flags_text` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `tags_text` text;--> statement-breakpoint
-- fill the grid read model from the tables it copies (hunter_fold is registered on every connection before migrating)
UPDATE `leads` SET
  `company_sort` = hunter_fold(`company_name`),
  `provider` = (SELECT `provider` FROM `lead_signals` WHERE `lead_id` = `leads`.`id`),
  `expires_at` = (SELECT `expires_at` FROM `lead_signals` WHERE `lead_id` = `leads`.`id`),
  `readiness_score` = (SELECT `readiness_score` FROM `lead_scores` WHERE `lead_id` = `leads`.`id`),
  `segment` = (SELECT `segment` FROM `lead_scores` WHERE `lead_id` = `leads`.`id`),
  `priority_score` = (SELECT `priority_score` FROM `lead_scores` WHERE `lead_id` = `leads`.`id`),
  `priority_category` = (SELECT `priority_category` FROM `lead_scores` WHERE `lead_id` = `leads`.`id`),
  `priority_label` = (SELECT `priority_label` FROM `lead_scores` WHERE `lead_id` = `leads`.`id`),
  `risk_flags_text` = (SELECT ',' || group_concat(f.value, ',') || ',' FROM `lead_scores`, json_each(`lead_scores`.`risk_flags`) AS f WHERE `lead_scores`.`lead_id` = `leads`.`id`),
  `tags_text` = (SELECT ',' || group_concat(`tag`, ',') || ',' FROM `auto_tags` WHERE `lead_id` = `leads`.`id`);--> statement-breakpoint
CREATE INDEX `leads_grid_priority_idx` ON `leads` (`priority_category`,"readiness_score" DESC,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_company_idx` ON `leads` (`company_sort`,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_provider_idx` ON `leads` (`provider`,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_readiness_idx` ON `leads` (`readiness_score`,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_segment_idx` ON `leads` (`segment`,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_priority_score_idx` ON `leads` (`priority_score`,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_expires_idx` ON `leads` (`expires_at`,`domain`);--> statement-breakpoint
CREATE INDEX `leads_grid_scanned_idx` ON `leads` (`scanned_at`,`domain`);