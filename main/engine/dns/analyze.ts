// One domain's DNS signals. All checks start at once except the two that depend on the MX answer: the A lookup of
// the primary MX, and DKIM, whose first selectors come from the mail provider the MX names.
// A check that got no answer is reported unknown (null) and named in unknown_checks, never as "missing".
import type { DkimSignal, DnsSignals } from '../../../shared/domain';
import type { DnsAnswer, DnsClient, MxRecord } from './client';
import { checkDkim } from './dkim';
import { checkDmarc } from './dmarc';
import { canonicalHost } from './names';
import { checkSpf } from './spf';

export interface AnalyzeDnsOptions {
  dkimSelectors: readonly string[];
  /** selectors to probe before the rest, from the MX hosts (sorted by preference); none = probe all at once */
  dkimHints?: (mxHosts: string[]) => readonly string[];
}

// Without the MX answer there is no probe plan; waiting for it and then probing would make a silent domain cost
// twice timeout × tries. The scan has no verdict without MX anyway.
const DKIM_UNKNOWN: DkimSignal = { present: null, selectors: [], tenant_name: null };
// With MX authoritatively absent the domain receives no mail, so whether it signs is not a question worth a dozen
// selector queries (a fifth of a scan's queries for such domains): DKIM is left unknown, but not as a failed check.
const DKIM_NO_MAIL: DkimSignal = DKIM_UNKNOWN;

/** [] for an authoritative "no MX" (including a null MX, RFC 7505), null when unknown. */
function mxHosts(answer: DnsAnswer<MxRecord[]>): string[] | null {
  if (answer.status === 'unknown') return null;
  if (answer.status !== 'ok') return [];
  return answer.records
    .map((mx) => ({ host: canonicalHost(mx.exchange), priority: mx.priority }))
    .filter((mx) => mx.host !== '')
    .sort((a, b) => a.priority - b.priority || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
    .map((mx) => mx.host);
}

/** Sorted so the same zone always yields the same signals, whatever order the server rotated the records into. */
function sortedNames(answer: DnsAnswer<string[]>, normalise: (s: string) => string = (s) => s): string[] | null {
  if (answer.status === 'unknown') return null;
  return answer.status === 'ok' ? answer.records.map(normalise).sort() : [];
}

export async function analyzeDns(domain: string, client: DnsClient, opts: AnalyzeDnsOptions): Promise<DnsSignals> {
  const name = canonicalHost(domain);
  const mxAnswer = client.query(name, 'MX');
  const mxList = mxAnswer.then(mxHosts);
  const mxA = mxList.then(async (hosts) => (hosts?.length ? sortedNames(await client.query(hosts[0], 'A')) : null));
  const [mx, mx_records, mx_a, spf, dmarc, dkim, ns] = await Promise.all([
    mxAnswer,
    mxList,
    mxA,
    client.query(name, 'TXT').then((txt) => checkSpf(name, txt, client)),
    client.query(`_dmarc.${name}`, 'TXT').then(checkDmarc),
    mxList.then((hosts) =>
      hosts === null
        ? DKIM_UNKNOWN
        : hosts.length === 0
          ? DKIM_NO_MAIL
          : checkDkim(name, opts.dkimSelectors, client, opts.dkimHints?.(hosts)),
    ),
    client.query(name, 'NS').then((answer) => sortedNames(answer, canonicalHost)),
  ]);

  const unknown: [string, boolean][] = [
    ['mx', mx_records === null],
    ['spf', spf.present === null],
    ['dmarc', dmarc.present === null],
    // not probed because there is no mail domain: nothing failed to answer
    ['dkim', dkim.present === null && mx_records?.length !== 0],
    ['ns', ns === null],
    // no MX host means nothing to look up, which is not an unknown
    ['mx_a', mx_a === null && (mx_records?.length ?? 0) > 0],
  ];
  return {
    mx_records,
    spf,
    dkim,
    dmarc,
    ns,
    mx_a,
    nxdomain: mx.status === 'nxdomain',
    unknown_checks: unknown.filter(([, isUnknown]) => isUnknown).map(([check]) => check),
  };
}
