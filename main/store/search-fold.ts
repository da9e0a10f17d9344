/**
 * Folds text for the grid search so Turkish users find what they typed regardless of case or diacritics:
 * İ/I/ı/i all become "i", and ş/ğ/ü/ö/ç (and â/î/û) lose their marks. Stored search text and the query go
 * through this same function, so matching never depends on the OS locale or SQLite's ASCII-only lower().
 *
 * Dotted and dotless i are merged on purpose: domains are ASCII, names arrive in any case ("ISPARTA" is
 * "ısparta" in Turkish lower case but "isparta" in its domain), and reps type without Turkish keyboards.
 */
export function foldSearch(text: string): string {
  return text
    .replace(/[İIı]/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** foldSearch() as a SQL function on every store connection (see openStore). */
export const FOLD_SQL_FUNCTION = 'hunter_fold';

/** The search text stored for a lead: every field the grid search looks at, folded, in one string. */
export function leadSearchText(fields: {
  domain: string;
  domain_display: string;
  company_name: string | null;
  provider: string | null;
}): string {
  const parts = [fields.domain, fields.domain_display, fields.company_name, fields.provider];
  return foldSearch(parts.filter((p): p is string => !!p).join('\n'));
}
