// DKIM discovery by probing known selectors, plus the Microsoft 365 tenant trick: selector1/selector2 are CNAMEs to
// selector1-<domain-with-hyphens>._domainkey.<tenant>.onmicrosoft.com, which names the tenant's initial domain.
// Microsoft publishes those CNAMEs as soon as the domain joins the tenant, often long before signing is switched on,
// so the tenant shows even when the target has no key yet; the TXT answer carries the chain, no CNAME query needed.
import type { DkimSelectorHit, DkimSignal } from '../../../shared/domain';
import type { DnsClient } from './client';

/** A DKIM key record (RFC 6376 §3.6.1) has v=DKIM1 first, or at least a k= or p= tag. */
export function isDkimRecord(txt: string): boolean {
  return /(?:^|;)\s*(?:v\s*=\s*DKIM1\s*(?:;|$)|[kp]\s*=)/i.test(txt);
}

/**
 * key      a record with a public key in p=
 * revoked  p= present but empty: the key was withdrawn (RFC 6376 §3.6.1), so nothing signed with it verifies
 * null     not a DKIM key record, or one without the required p= tag
 */
export function dkimKeyState(txt: string): 'key' | 'revoked' | null {
  if (!isDkimRecord(txt)) return null;
  const p = /(?:^|;)\s*p\s*=([^;]*)/i.exec(txt);
  if (!p) return null;
  // base64 may be split by folding whitespace, which does not count as content
  return p[1].replace(/\s+/g, '') === '' ? 'revoked' : 'key';
}

/** `selector1-contoso-com._domainkey.contoso.onmicrosoft.com` → `contoso.onmicrosoft.com` */
export function tenantFromDkimCname(target: string): string | null {
  const match = /\._domainkey\.([a-z0-9-]+\.onmicrosoft\.com)\.?$/i.exec(target);
  return match ? match[1].toLowerCase() : null;
}

interface SelectorProbe {
  selector: string;
  outcome: 'hit' | 'revoked' | 'miss' | 'unknown';
  /** first hop of the CNAME chain the server followed, lower case */
  cname: string | null;
}

async function probeSelector(domain: string, selector: string, client: DnsClient): Promise<SelectorProbe> {
  const txt = await client.query(`${selector}._domainkey.${domain}`, 'TXT');
  if (txt.status === 'unknown') return { selector, outcome: 'unknown', cname: null };
  const cname = txt.status === 'nxdomain' ? null : (txt.cnames?.[0] ?? null);
  const states = txt.status === 'ok' ? txt.records.map(dkimKeyState) : [];
  const outcome = states.includes('key') ? 'hit' : states.includes('revoked') ? 'revoked' : 'miss';
  return { selector, outcome, cname };
}

const probeAll = (domain: string, selectors: readonly string[], client: DnsClient) =>
  Promise.all(selectors.map((selector) => probeSelector(domain, selector, client)));

/**
 * Probes the provider's hinted selectors first and the rest of `selectors` (all at once) only when no hint holds a
 * key: most domains sign with their provider's selector, so one or two queries replace a dozen.
 * present: true when any probed selector holds a key, false when every probed selector answered without one (a
 * revoked key, empty p=, is not one),
 * null when none held a key and at least one did not answer.
 */
export async function checkDkim(
  domain: string,
  selectors: readonly string[],
  client: DnsClient,
  hinted: readonly string[] = [],
): Promise<DkimSignal> {
  const first = [...new Set(hinted.map((s) => s.toLowerCase()))];
  const firstProbes = await probeAll(domain, first, client);
  const hintHit = firstProbes.some((p) => p.outcome === 'hit');
  const rest = hintHit ? [] : [...new Set(selectors.map((s) => s.toLowerCase()))].filter((s) => !first.includes(s));
  const probes = [...firstProbes, ...(await probeAll(domain, rest, client))];
  const hits: DkimSelectorHit[] = probes
    .filter((p) => p.outcome === 'hit')
    .map((p) => ({ selector: p.selector, cname: p.cname }));
  const present = hits.length > 0 ? true : probes.some((p) => p.outcome === 'unknown') ? null : false;
  const tenants = probes.map((p) => (p.cname ? tenantFromDkimCname(p.cname) : null));
  const revoked = probes.filter((p) => p.outcome === 'revoked').map((p) => p.selector);
  return {
    present,
    selectors: hits,
    tenant_name: tenants.find((t) => t !== null) ?? null,
    ...(revoked.length ? { revoked_selectors: revoked } : {}),
  };
}
