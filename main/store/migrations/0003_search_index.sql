-- Trigram index for the grid search: a word of three or more characters is looked up in the index instead of
-- being searched for in every lead's text.
--
-- It indexes a lead's identity (domain, display name, company: search_text without its last, provider line), not
-- the provider. The provider is set by the first scan and can change with any rescan, and re-indexing a lead costs
-- ~0.1 ms, which scans would pay per lead; search matches the provider through its own column instead. The provider
-- line is cut only when it reads as lower(provider), so a row where the two disagree keeps its whole text indexed.
ALTER TABLE `leads` ADD `search_identity` text GENERATED ALWAYS AS (CASE
  WHEN `provider` IS NOT NULL
    AND substr(`search_text`, length(rtrim(`search_text`, replace(`search_text`, char(10), ''))) + 1) = lower(`provider`)
  -- rtrim() with every character but the newline strips back to the last newline
  THEN substr(`search_text`, 1, length(rtrim(`search_text`, replace(`search_text`, char(10), ''))) - 1)
  ELSE `search_text`
END) VIRTUAL;--> statement-breakpoint
-- contentless (the text stays in leads, the index holds only trigrams); case_sensitive because search_text and the
-- query are both folded by foldSearch already, so a match is exactly instr()'s; no per-row sizes, nothing ranks
CREATE VIRTUAL TABLE `leads_search` USING fts5(`search_identity`, content='', tokenize='trigram case_sensitive 1', columnsize=0);--> statement-breakpoint
INSERT INTO `leads_search`(rowid, `search_identity`) SELECT `id`, `search_identity` FROM `leads`;--> statement-breakpoint
-- kept in step by triggers, so every writer (scans, imports, the CLI) updates it in the same transaction; a write
-- that leaves the identity as it was (every scan but a lead's first) costs only the WHEN comparison
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO `leads_search`(rowid, `search_identity`) VALUES (new.`id`, new.`search_identity`);
END;--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, `search_identity`) VALUES ('delete', old.`id`, old.`search_identity`);
END;--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF `search_text`, `provider` ON `leads`
WHEN old.`search_identity` IS NOT new.`search_identity` BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, `search_identity`) VALUES ('delete', old.`id`, old.`search_identity`);
  INSERT INTO `leads_search`(rowid, `search_identity`) VALUES (new.`id`, new.`search_identity`);
END;
