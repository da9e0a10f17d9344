/**
 * Folds text for search and header matching so Turkish users find what they typed regardless of case or
 * diacritics: İ/I/ı/i all become "i", and ş/ğ/ü/ö/ç (and â/î/û) lose their marks. Stored text and the query go
 * through this same function, so matching never depends on the OS locale or SQLite's ASCII-only lower().
 *
 * Dotted and dotless i are merged on purpose: domains are ASCII, names arrive in any case ("ISPARTA" is
 * "ısparta" in Turkish lower case but "isparta" in its domain), and reps type without Turkish keyboards.
 */
export function foldSearch(text: string): string {
  return text.replace(/[İIı]/g, 'i').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
