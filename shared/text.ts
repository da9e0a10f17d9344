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

// the C0 controls but tab, line feed and carriage return (which search reads as spaces), DEL and the C1 controls
const CONTROL_CHARS = /(?![\t\n\r])\p{Cc}/gu;

/**
 * Text typed or pasted into a one-line field without its control characters (NUL, BEL, C1...): they are invisible,
 * no stored name holds them, and NUL ends a string in the search index's query syntax.
 */
export function withoutControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}
