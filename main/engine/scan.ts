import { daysUntil } from '../../shared/dates';
import type { ScanResult, WhoisSignal } from '../../shared/domain';
import type { HunterConfig } from '../config/load';
import { analyzeDns } from './dns/analyze';
import type { DnsClient } from './dns/client';
import { normalizeDomain } from './normalize';
import { detectProvider } from './provider';
import { scoringInputOf } from './scoring/input';
import { scoreLead } from './scoring/score';

export interface RunScansOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** called as each scan finishes (completion order, not input order) */
  onResult: (result: ScanResult, index: number) => void;
}

export interface WhoisLookup {
  lookup(domain: string): Promise<WhoisSignal>;
}

export interface ScannerDeps {
  dns: DnsClient;
  /** null when WHOIS is switched off */
  whois: WhoisLookup | null;
  config: HunterConfig;
  dkimSelectors: string[];
  now?: () => Date;
}

export interface Scanner {
  scan(input: string): Promise<ScanResult>;
  /** a bulk runner of its own (the worker pool); runScans hands it the whole list */
  runAll?(inputs: readonly string[], opts: RunScansOptions): Promise<void>;
}

/** the error of a scan whose MX question got no usable answer (timeout, SERVFAIL, refused) */
export const MX_UNANSWERED_ERROR = 'DNS did not answer for MX';

const WHOIS_OFF: WhoisSignal = {
  status: 'off',
  source: null,
  registrar: null,
  created_at: null,
  expires_at: null,
  nameservers: [],
  reason: null,
};

/** The one scan path (the old version had three with different side effects): input → signals → verdict. */
export function createScanner(deps: ScannerDeps): Scanner {
  const now = deps.now ?? (() => new Date());
  // DKIM probes the selectors of the provider the MX names first (dkim_selectors.json provider_hints)
  const dkimHints = (mxHosts: string[]) =>
    deps.config.dkimHints[detectProvider({ mx_records: mxHosts, dkim_tenant: null }, deps.config).provider] ?? [];
  return {
    async scan(input: string): Promise<ScanResult> {
      const started = performance.now();
      const normalized = normalizeDomain(input);
      const finish = (partial: Omit<ScanResult, 'scanned_at' | 'duration_ms'>): ScanResult => ({
        ...partial,
        scanned_at: now().toISOString(),
        duration_ms: Math.round(performance.now() - started),
      });
      if (!normalized.ok) {
        return finish({
          domain: input,
          domain_display: input,
          scan_status: 'invalid_domain',
          dns: null,
          whois: WHOIS_OFF,
          provider: null,
          verdict: null,
          error: normalized.message,
        });
      }
      const { domain, display } = normalized;
      const [dns, whois] = await Promise.all([
        analyzeDns(domain, deps.dns, { dkimSelectors: deps.dkimSelectors, dkimHints }),
        deps.whois ? deps.whois.lookup(domain) : Promise.resolve(WHOIS_OFF),
      ]);
      if (dns.mx_records === null) {
        // MX unknown is not MX missing: no verdict, so the stored one survives (the old version scored it Skip 0)
        return finish({
          domain,
          domain_display: display,
          scan_status: 'dns_timeout',
          dns,
          whois,
          provider: null,
          verdict: null,
          error: MX_UNANSWERED_ERROR,
        });
      }
      const provider = detectProvider({ mx_records: dns.mx_records, dkim_tenant: dns.dkim.tenant_name }, deps.config);
      const verdict = scoreLead(
        scoringInputOf({ ...dns, mx_records: dns.mx_records }, provider, daysUntil(whois.expires_at, now())),
        deps.config.rules,
      );
      return finish({
        domain,
        domain_display: display,
        scan_status: dns.unknown_checks.length > 0 ? 'partial' : 'completed',
        dns,
        whois,
        provider,
        verdict,
        error: null,
      });
    },
  };
}
