// DMARC record parsing by tags (RFC 7489 §6.3). Substring tests are what the old version got wrong:
// `sp=none` matched "p=none" and `p=Reject` matched nothing.
import { DMARC_POLICIES, type DmarcError, type DmarcPolicy, type DmarcSignal } from '../../../shared/domain';
import type { DnsAnswer } from './client';

export interface ParsedDmarc {
  /** lower-cased tag name → value as written (trimmed) */
  tags: Map<string, string>;
  /** null: p (or sp) is missing/invalid and no rua is given, so receivers apply no DMARC (RFC 7489 §6.6.3) */
  policy: DmarcPolicy | null;
  subdomain_policy: DmarcPolicy | null;
  pct: number;
  rua: string[];
}

function withoutRecord(present: false | null): DmarcSignal {
  return { present, record: null, policy: null, subdomain_policy: null, pct: null, rua: [] };
}

/** RFC 7489 §6.4: v=DMARC1 must be the first tag. */
export function isDmarcRecord(txt: string): boolean {
  return /^v\s*=\s*DMARC1\s*(?:;|$)/i.test(txt);
}

function toPolicy(value: string | undefined): DmarcPolicy | null {
  const lower = value?.toLowerCase();
  return DMARC_POLICIES.find((p) => p === lower) ?? null;
}

/** null when the text is not a DMARC record. */
export function parseDmarc(record: string): ParsedDmarc | null {
  if (!isDmarcRecord(record)) return null;
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    // a repeated tag is invalid; keeping the first mirrors how receivers read it in practice
    if (name && !tags.has(name)) tags.set(name, part.slice(eq + 1).trim());
  }
  const pctValue = tags.get('pct');
  const pct = pctValue !== undefined && /^-?\d+$/.test(pctValue) ? Math.max(0, Math.min(100, Number(pctValue))) : 100;
  const rua = (tags.get('rua') ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  const p = toPolicy(tags.get('p'));
  const spValid = !tags.has('sp') || toPolicy(tags.get('sp')) !== null;
  if (p !== null && spValid) {
    // sp falls back to p (§6.3)
    return { tags, policy: p, subdomain_policy: toPolicy(tags.get('sp')) ?? p, pct, rua };
  }
  // §6.6.3: without a valid p/sp, a record with a syntactically valid rua URI acts as p=none; otherwise no DMARC
  const reportable = rua.some((uri) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(uri));
  return reportable
    ? { tags, policy: 'none', subdomain_policy: 'none', pct, rua }
    : { tags, policy: null, subdomain_policy: null, pct, rua };
}

function withoutPolicy(record: string, error: DmarcError, rua: string[]): DmarcSignal {
  return { ...withoutRecord(false), record, error, rua };
}

/**
 * Builds the DMARC signal from the `_dmarc.<domain>` TXT answer. More than one DMARC record means no policy at all
 * (RFC 7489 §6.6.3: the receiver stops DMARC processing), as does a record that yields no policy.
 */
export function checkDmarc(answer: DnsAnswer<string[]>): DmarcSignal {
  if (answer.status === 'unknown') return withoutRecord(null);
  const records = answer.status === 'ok' ? answer.records.filter(isDmarcRecord) : [];
  if (records.length === 0) return withoutRecord(false);
  const record = records[0];
  const parsed = parseDmarc(record)!;
  if (records.length > 1) return withoutPolicy(record, 'multiple_records', parsed.rua);
  if (parsed.policy === null) return withoutPolicy(record, 'invalid_policy', parsed.rua);
  return {
    present: true,
    record,
    policy: parsed.policy,
    subdomain_policy: parsed.subdomain_policy,
    pct: parsed.pct,
    rua: parsed.rua,
  };
}
