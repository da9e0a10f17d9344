// DKIM discovery by probing known selectors, plus the Microsoft 365 tenant trick: selector1/selector2 are CNAMEs to
// selector1-<domain-with-hyphens>._domainkey.<tenant>.onmicrosoft.com, which names the tenant's initial domain.
import type { DkimSelectorHit, DkimSignal } from '../../../shared/domain';
import type { DnsClient } from './client';

// The CNAME is asked for these up front, in parallel with the TXT: Microsoft publishes the CNAMEs as soon as the
// domain is added to the tenant, often long before DKIM signing is switched on, so the tenant shows even when the
// target has no key yet (TXT answers NXDOMAIN). For every other selector the CNAME is only asked after a TXT hit,
// which is rare, so probing a long selector list costs one query per selector.
const M365_SELECTORS = new Set(['selector1', 'selector2']);

/** A DKIM key record (RFC 6376 §3.6.1) has v=DKIM1 first, or at least a k= or p= tag. */
export function isDkimRecord(txt: string): boolean {
  return /(?:^|;)\s*(?:v\s*=\s*DKIM1\s*(?:;|$)|[kp]\s*=)/i.test(txt);
}

/** `selector1-contoso-com._domainkey.contoso.onmicrosoft.com` → `contoso.onmicrosoft.com` */
export function tenantFromDkimCname(target: string): string | null {
  const match = /\._domainkey\.([a-z0-9-]+\.onmicrosoft\.com)\.?$/i.exec(target);
  return match ? match[1].toLowerCase() : null;
}

interface SelectorProbe {
  selector: string;
  outcome: 'hit' | 'miss' | 'unknown';
  cname: string | null;
}

async function probeSelector(domain: string, selector: string, client: DnsClient): Promise<SelectorProbe> {
  const name = `${selector}._domainkey.${domain}`;
  const cnameFirst = M365_SELECTORS.has(selector);
  const [txt, early] = await Promise.all([
    client.query(name, 'TXT'),
    cnameFirst ? client.query(name, 'CNAME') : null,
  ]);
  const hit = txt.status === 'ok' && txt.records.some(isDkimRecord);
  const cnameAnswer = early ?? (hit ? await client.query(name, 'CNAME') : null);
  const cname = cnameAnswer?.status === 'ok' ? cnameAnswer.records[0].toLowerCase() : null;
  return { selector, outcome: txt.status === 'unknown' ? 'unknown' : hit ? 'hit' : 'miss', cname };
}

/**
 * present: true when any selector holds a key, false when every selector answered without one,
 * null when none held a key and at least one did not answer.
 */
export async function checkDkim(domain: string, selectors: readonly string[], client: DnsClient): Promise<DkimSignal> {
  const probes = await Promise.all(selectors.map((selector) => probeSelector(domain, selector, client)));
  const hits: DkimSelectorHit[] = probes
    .filter((p) => p.outcome === 'hit')
    .map((p) => ({ selector: p.selector, cname: p.cname }));
  const present = hits.length > 0 ? true : probes.some((p) => p.outcome === 'unknown') ? null : false;
  const tenants = probes.map((p) => (p.cname ? tenantFromDkimCname(p.cname) : null));
  return { present, selectors: hits, tenant_name: tenants.find((t) => t !== null) ?? null };
}
