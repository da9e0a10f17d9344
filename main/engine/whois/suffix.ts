/**
 * TLD maps are keyed by suffix (".com", ".com.tr"). The reference analyser used the last label only,
 * so a ".com.tr" entry could never win; here the longest matching suffix does.
 */

/** Accepts ".COM", "com", ".com.tr"; keys become lower-case with a leading dot. */
export function normaliseSuffixMap(map: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [suffix, value] of Object.entries(map)) {
    const key = suffix.trim().toLowerCase().replace(/^\.*/, '.');
    if (key !== '.' && value.trim() !== '') out.set(key, value.trim());
  }
  return out;
}

/** The value for the longest proper suffix of domain present in map, or null. */
export function longestSuffixMatch(domain: string, map: Map<string, string>): string | null {
  const labels = domain.split('.');
  for (let i = 1; i < labels.length; i++) {
    const value = map.get(`.${labels.slice(i).join('.')}`);
    if (value !== undefined) return value;
  }
  return null;
}
