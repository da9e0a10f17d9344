import { canonicalHost } from '../dns/names';
import type { WhoisSignal } from '../../../shared/domain';

/** What either protocol can tell us about a domain; the lookup turns it into a WhoisSignal. */
export interface WhoisFields {
  registrar: string | null;
  /** YYYY-MM-DD */
  created_at: string | null;
  /** YYYY-MM-DD */
  expires_at: string | null;
  nameservers: string[];
}

/** An answer only counts when it told us at least one thing; an empty one is as good as none. */
export function hasAnyField(fields: WhoisFields): boolean {
  return (
    fields.registrar !== null ||
    fields.created_at !== null ||
    fields.expires_at !== null ||
    fields.nameservers.length > 0
  );
}

const HOSTNAME = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+$/;

/**
 * Lower-cases, strips the trailing root dot and drops anything that is not a host name (registries
 * print glue IPs, "not.defined" placeholders or prose in the same column), keeping first-seen order.
 */
export function cleanNameservers(raw: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const value of raw) {
    const host = canonicalHost(value);
    // a TLD is never all digits, so this also rejects bare glue addresses
    if (HOSTNAME.test(host) && /[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) seen.add(host);
  }
  return [...seen];
}

export function okSignal(source: 'rdap' | 'whois', fields: WhoisFields): WhoisSignal {
  return { status: 'ok', source, ...fields, reason: null };
}

export function unknownSignal(reason: string): WhoisSignal {
  return {
    status: 'unknown',
    source: null,
    registrar: null,
    created_at: null,
    expires_at: null,
    nameservers: [],
    reason,
  };
}
