/**
 * Registry date strings → YYYY-MM-DD. Registries print dates in a handful of layouts; the date is
 * taken as written (no time-zone shift), which is what the registry itself considers the day.
 * Ambiguous layouts such as 01/02/2026 (day or month first?) are deliberately not accepted.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

type Layout = { pattern: RegExp; pick: (m: RegExpMatchArray) => [string, string, string] };

// Each pattern is anchored at the start and only requires a non-digit after the date, so trailing
// times, zones, "." (nic.tr) or "#comment" (registro.br) are ignored.
const LAYOUTS: Layout[] = [
  // 2026-01-15, 2026-01-15T04:00:00Z, 2026-01-15 10:00:00 CLST
  { pattern: /^(\d{4})-(\d{2})-(\d{2})(?!\d)/, pick: (m) => [m[1], m[2], m[3]] },
  // 2026/01/15 (jprs)
  { pattern: /^(\d{4})\/(\d{2})\/(\d{2})(?!\d)/, pick: (m) => [m[1], m[2], m[3]] },
  // 2026-Jan-15 (nic.tr)
  { pattern: /^(\d{4})-([a-z]{3})-(\d{1,2})(?!\d)/i, pick: (m) => [m[1], m[2], m[3]] },
  // 15-Jan-2026 (nominet)
  { pattern: /^(\d{1,2})-([a-z]{3})-(\d{4})(?!\d)/i, pick: (m) => [m[3], m[2], m[1]] },
  // 15.01.2026
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/, pick: (m) => [m[3], m[2], m[1]] },
  // 20260115 (registro.br)
  { pattern: /^(\d{4})(\d{2})(\d{2})(?!\d)/, pick: (m) => [m[1], m[2], m[3]] },
];

function monthNumber(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : (MONTHS[token.toLowerCase()] ?? 0);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseRegistryDate(value: string): string | null {
  const text = value.trim();
  for (const { pattern, pick } of LAYOUTS) {
    const match = text.match(pattern);
    if (!match) continue;
    const [y, m, d] = pick(match);
    const year = Number(y);
    const month = monthNumber(m);
    const day = Number(d);
    if (!isRealDate(year, month, day)) return null;
    return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}
