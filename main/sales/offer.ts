// Offer tier from organisation size (or, when unknown, from readiness); prices always come from settings.
import type { Settings } from '../../shared/settings';
import type { OfferTier, OfferTierName, SalesInput } from '../../shared/sales-summary';
import { fill, formatMoney, joinList } from './text';
import type { SalesTemplates } from './templates';

export type OfferSettings = Pick<Settings, 'currency' | 'offer_prices'>;

export function recommendOfferTier(
  input: Pick<SalesInput, 'tenant_size' | 'segment' | 'readiness_score'>,
): OfferTierName {
  if (input.tenant_size === 'large') return 'Enterprise';
  if (input.tenant_size === 'medium') return 'Business Standard';
  if (input.tenant_size === 'small') return 'Business Basic';
  return input.segment === 'Migration' && (input.readiness_score ?? 0) >= 70 ? 'Business Standard' : 'Business Basic';
}

/** a lead already on Microsoft 365 has nothing to migrate: it is never quoted a migration fee */
function isMicrosoftCustomer(input: Pick<SalesInput, 'provider' | 'segment'>): boolean {
  return input.provider === 'M365' || input.segment === 'Existing';
}

export function buildOfferTier(
  input: Pick<SalesInput, 'tenant_size' | 'segment' | 'readiness_score' | 'provider'>,
  settings: OfferSettings,
  t: SalesTemplates,
): OfferTier {
  const tier = recommendOfferTier(input);
  const listed = settings.offer_prices[tier];
  const p = isMicrosoftCustomer(input) ? { ...listed, migration_fee: null } : listed;
  const money = (amount: number) => formatMoney(t, amount, settings.currency);
  const parts: string[] = [];
  if (p.price_per_user_per_month !== null)
    parts.push(fill(t.offer.price.license, { price: money(p.price_per_user_per_month) }));
  if (p.migration_fee !== null) parts.push(fill(t.offer.price.migration, { price: money(p.migration_fee) }));
  if (p.defender_price_per_user_per_month !== null)
    parts.push(fill(t.offer.price.defender, { price: money(p.defender_price_per_user_per_month) }));
  if (p.consulting_fee !== null) parts.push(fill(t.offer.price.consulting, { price: money(p.consulting_fee) }));
  const reason = t.offer.reason[tier];
  return {
    tier,
    license: tier,
    price_per_user_per_month: p.price_per_user_per_month,
    migration_fee: p.migration_fee,
    defender_price_per_user_per_month: p.defender_price_per_user_per_month,
    consulting_fee: p.consulting_fee,
    recommendation: parts.length
      ? fill(t.offer.with_prices, { reason, prices: joinList(t, parts) })
      : fill(t.offer.without_prices, { reason }),
    currency: settings.currency,
  };
}
