import { z } from 'zod';
import { foldSearch } from '../../shared/text';
import { normalizeDomain } from '../engine/normalize';

export const ColumnKeywordsSchema = z.object({
  email: z.array(z.string().min(1)),
  domain: z.array(z.string().min(1)),
  website: z.array(z.string().min(1)),
  company: z.array(z.string().min(1)),
  phone: z.array(z.string().min(1)),
  city: z.array(z.string().min(1)),
});
export type ColumnKeywords = z.infer<typeof ColumnKeywordsSchema>;
export type ColumnRole = keyof ColumnKeywords;
// phone and city before company: "Firma Telefonu" is a phone column, not a second company name
const ROLES: ColumnRole[] = ['email', 'domain', 'website', 'phone', 'city', 'company'];

export interface ColumnMap {
  hasHeader: boolean;
  headers: string[];
  /** column index per role, or null */
  email: number | null;
  domain: number | null;
  website: number | null;
  company: number | null;
  phone: number | null;
  city: number | null;
}

function roleOfHeader(header: string, keywords: ColumnKeywords, taken: Set<ColumnRole>): ColumnRole | null {
  const folded = foldSearch(header).trim();
  if (!folded) return null;
  const words = folded.split(/[^a-z0-9-]+/);
  for (const role of ROLES) {
    if (taken.has(role)) continue;
    // short keywords ("ad", "web") must be whole words so "adres" is not a company name column
    const hit = keywords[role].some((k) => (k.length <= 3 ? words.includes(k) : folded.includes(k)));
    if (hit) return role;
  }
  return null;
}

/** Which column holds what: by header keywords (Turkish or English), falling back to the column whose cells look most like domains. */
export function detectColumns(firstRow: string[], rows: string[][], keywords: ColumnKeywords): ColumnMap {
  const taken = new Set<ColumnRole>();
  const map: ColumnMap = {
    hasHeader: false,
    headers: [],
    email: null,
    domain: null,
    website: null,
    company: null,
    phone: null,
    city: null,
  };
  firstRow.forEach((cell, i) => {
    const role = roleOfHeader(cell, keywords, taken);
    if (role) {
      taken.add(role);
      map[role] = i;
    }
  });
  const firstRowLooksLikeData = firstRow.some((c) => normalizeDomain(c).ok);
  map.hasHeader = taken.size > 0 && !firstRowLooksLikeData;
  if (!map.hasHeader) {
    for (const role of ROLES) map[role] = null;
  }
  const width = Math.max(firstRow.length, ...rows.slice(0, 50).map((r) => r.length));
  map.headers = map.hasHeader
    ? Array.from({ length: width }, (_, i) => firstRow[i] || `#${i + 1}`)
    : Array.from({ length: width }, (_, i) => `#${i + 1}`);

  if (map.domain === null && map.website === null && map.email === null) {
    const sample = (map.hasHeader ? rows : [firstRow, ...rows]).slice(0, 200);
    let best = -1;
    let bestHits = 0;
    for (let col = 0; col < width; col++) {
      const hits = sample.filter((r) => normalizeDomain(r[col] ?? '').ok).length;
      if (hits > bestHits) {
        best = col;
        bestHits = hits;
      }
    }
    if (best >= 0) {
      const emails = sample.filter((r) => (r[best] ?? '').includes('@')).length;
      if (emails > bestHits / 2) map.email = best;
      else map.website = best;
    }
  }
  return map;
}
