// The one mapping from collected signals to the scoring facts, used by a fresh scan and by a partial scan that
// re-scores with the last known value of a signal that did not answer.
import type { DnsSignals, ProviderInfo } from '../../../shared/domain';
import type { ScoringInput } from './score';

export function scoringInputOf(
  dns: DnsSignals & { mx_records: string[] },
  provider: ProviderInfo,
  expiresInDays: number | null,
): ScoringInput {
  return {
    provider: provider.provider,
    nxdomain: dns.nxdomain,
    mx_records: dns.mx_records,
    spf: dns.spf.present,
    spf_error: dns.spf.error,
    dkim: dns.dkim.present,
    dkim_revoked: (dns.dkim.revoked_selectors?.length ?? 0) > 0,
    dmarc: dns.dmarc.present,
    dmarc_error: dns.dmarc.error ?? null,
    dmarc_policy: dns.dmarc.policy,
    dmarc_pct: dns.dmarc.pct,
    spf_lookup_count: dns.spf.lookup_count,
    spf_include_count: dns.spf.present ? dns.spf.includes.length : null,
    spf_multiple_records: dns.spf.multiple_records,
    expires_in_days: expiresInDays,
  };
}
