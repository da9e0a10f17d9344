ALTER TABLE `leads` ADD `city` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `contact_phone` text;