// DMARC record parsing by tags (RFC 7489 §6.3). Substring tests are what the old version got wrong:
// `sp=none` matched "p=none" and `p=Reject` matched nothing.
import { DMARC_POLICIES, type DmarcPolicy, type DmarcSignal } from '../../../shared/domain';
import type { DnsAnswer } from './client';

export interface ParsedDmarc {
  /** lower-cased tag name → value as written (trimmed) */
  tags: Map<string, string>;
  policy: DmarcPolicy;
  subdomain_policy: DmarcPolicy;
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
  // a missing or unusable p is read as none (RFC 7489 §6.6.3); sp falls back to p (§6.3)
  const policy = toPolicy(tags.get('p')) ?? 'none';
  const subdomainPolicy = toPolicy(tags.get('sp')) ?? policy;
  const pctValue = tags.get('pct');
  const pct = pctValue !== undefined && /^-?\d+$/.test(pctValue) ? Math.max(0, Math.min(100, Number(pctValue))) : 100;
  const rua = (tags.get('rua') ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  return { tags, policy, subdomain_policy: subdomainPolicy, pct, rua };
}

/** Builds the DMARC signal from the `_dmarc.<domain>` TXT answer; the first DMARC record wins. */
export function checkDmarc(answer: DnsAnswer<string[]>): DmarcSignal {
  if (answer.status === 'unknown') return withoutRecord(null);
  const record = answer.status === 'ok' ? answer.records.find(isDmarcRecord) : undefined;
  const parsed = record === undefined ? null : parseDmarc(record);
  if (record === undefined || !parsed) return withoutRecord(false);
  return {
    present: true,
    record,
    policy: parsed.policy,
    subdomain_policy: parsed.subdomain_policy,
    pct: parsed.pct,
    rua: parsed.rua,
  };
}
