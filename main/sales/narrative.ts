// The three prose fields a rep reads first: one-liner, segment explanation and provider reasoning.
import type { OfferTierName, SalesInput } from '../../shared/sales-summary';
import type { SecuritySignals } from './security';
import type { LeadState } from './state';
import { fill, joinList, scoreText } from './text';
import type { SalesTemplates } from './templates';

/** mailbox providers with their own paragraph; the sending services share one */
const DESCRIBED_PROVIDERS = ['M365', 'Google', 'Yandex', 'Zoho', 'Hosting', 'Unknown'] as const;
const SENDING_SERVICES = ['Amazon', 'SendGrid', 'Mailgun'];

type Described = (typeof DESCRIBED_PROVIDERS)[number];

/** the provider as people read it; a name provider_labels.json lacks is shown as it is */
export function providerLabel(provider: string | null, t: SalesTemplates): string {
  return t.provider_names[provider ?? 'Unknown'] ?? provider ?? 'Unknown';
}

/** the provider inside a sentence: a common noun is written as one ("paylaşımlı barındırma"), a name as it is */
export function providerInSentence(provider: string | null, t: SalesTemplates): string {
  return t.labels.provider_in_sentence[provider ?? 'Unknown'] ?? providerLabel(provider, t);
}

/** where a self-hosted lead keeps its mail: the detected local provider, else a generic phrase */
function localHost(input: Pick<SalesInput, 'local_provider'>, t: SalesTemplates): string {
  return input.local_provider ?? t.labels.self_hosted;
}

export function oneLiner(input: SalesInput, state: LeadState, tier: OfferTierName, t: SalesTemplates): string {
  const o = t.one_liner;
  const score = input.readiness_score ?? 0;
  const vars = { score: scoreText(t, input.readiness_score) };
  let body: string;
  if (state !== 'scored') body = o[state];
  else if (input.segment === 'Migration') {
    if (score >= 80)
      body = input.tenant_size
        ? fill(o.migration_high_sized, { ...vars, size: t.labels.size[input.tenant_size], tier })
        : fill(o.migration_high, vars);
    else if (score >= 50)
      body = input.local_provider
        ? fill(o.migration_medium_local, { ...vars, local_provider: input.local_provider })
        : fill(o.migration_medium, vars);
    else body = fill(o.migration_low, vars);
  } else if (input.segment === 'Existing') {
    body = fill(score >= 70 ? o.existing_high : score >= 50 ? o.existing_medium : o.existing_low, vars);
  } else if (input.segment === 'Cold') {
    body = fill(score >= 40 ? o.cold_medium : o.cold_low, vars);
  } else body = o.skip;
  // a partial scan is said first, so nobody pitches from half the facts without knowing it
  return `${input.domain} - ${state === 'scored' && input.partial ? fill(o.partial, { body }) : body}`;
}

/** Lists only the signals that are verified present; nothing is claimed for missing or unchecked ones. */
function verifiedSignals(s: SecuritySignals, t: SalesTemplates): string {
  const names: string[] = [];
  if (s.spf === 'present') names.push(t.segment.signal.spf_present);
  if (s.dkim === 'present') names.push(t.segment.signal.dkim_present);
  if (s.dmarc === 'enforced') names.push(fill(t.segment.signal.dmarc_enforced, { policy: s.policy ?? '' }));
  return names.length
    ? fill(t.segment.signals_verified, { signals: joinList(t, names) })
    : t.segment.signals_none_verified;
}

function migrationExplanation(input: SalesInput, s: SecuritySignals, t: SalesTemplates): string {
  const g = t.segment;
  const score = input.readiness_score ?? 0;
  const vars = { score: scoreText(t, input.readiness_score) };
  const from =
    input.provider === 'Local'
      ? fill(g.migration_from_local, { host: localHost(input, t) })
      : fill(g.migration_from, { provider: providerInSentence(input.provider, t) });
  const band =
    score >= 80
      ? g.migration_band_80
      : score >= 70
        ? g.migration_band_70
        : score >= 60
          ? g.migration_band_60
          : g.migration_band_inconsistent;
  return `${fill(g.migration, { from, band: fill(band, vars) })} ${verifiedSignals(s, t)}`;
}

export function segmentExplanation(input: SalesInput, state: LeadState, s: SecuritySignals, t: SalesTemplates): string {
  const g = t.segment;
  if (state !== 'scored') return g[state];
  const score = input.readiness_score ?? 0;
  const vars = {
    score: scoreText(t, input.readiness_score),
    provider: providerLabel(input.provider, t),
    host: localHost(input, t),
  };
  const isLocal = input.provider === 'Local';
  switch (input.segment) {
    case 'Migration':
      return migrationExplanation(input, s, t);
    case 'Existing':
      if (input.provider !== 'M365') return fill(g.existing_inconsistent, vars);
      return fill(score >= 70 ? g.existing_high : score >= 50 ? g.existing_medium : g.existing_low, vars);
    case 'Cold':
      if (isLocal && score >= 5) return fill(g.cold_local, vars);
      return fill(score >= 40 ? g.cold_medium : g.cold_low, vars);
    default:
      if (isLocal && score <= 4) return fill(g.skip_local, vars);
      return fill(score <= 39 ? g.skip_low : g.skip_other, vars);
  }
}

export function providerReasoning(input: SalesInput, state: LeadState, t: SalesTemplates): string {
  const p = t.provider;
  if (state === 'unscanned' || state === 'not_found') return p[state];
  if (input.provider === null) return p.none;
  let text: string;
  if ((DESCRIBED_PROVIDERS as readonly string[]).includes(input.provider)) text = p[input.provider as Described];
  else if (SENDING_SERVICES.includes(input.provider))
    text = fill(p.sending_service, { provider: providerLabel(input.provider, t) });
  else if (input.provider === 'Local') text = fill(p.local, { host: localHost(input, t) });
  else text = fill(p.other, { provider: input.provider });
  const mx = input.mx_root ? fill(p.mx, { mx_root: input.mx_root }) : p.mx_unknown;
  return `${text} ${mx}`;
}
