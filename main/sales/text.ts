// Small text helpers shared by every section: interpolation, locale-aware lists and money.
import { formatFor } from '../../shared/format';
import type { SalesTemplates } from './templates';

/**
 * Replaces each {name} in a template with vars[name]. A placeholder without a value throws: a template that
 * asks for data the engine does not pass is a bug to surface in tests, not a "{name}" to show a customer.
 */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`sales template placeholder {${name}} has no value: ${template}`);
    return String(value);
  });
}

// Intl formatters are costly to construct and summaries are built in bulk (exports): one per locale
const listFormats = new Map<string, Intl.ListFormat>();

function cached<F>(cache: Map<string, F>, locale: string, make: () => F): F {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = make()));
  return f;
}

/** "a, b and c" / "a, b ve c": the conjunction comes from the locale, not from code */
export function joinList(templates: SalesTemplates, items: readonly string[]): string {
  const locale = templates.meta.locale;
  return cached(listFormats, locale, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(
    items,
  );
}

/** "10,00 €" in Turkish, "€10.00" in English: the UI's own money format (shared/format) */
export function formatMoney(templates: SalesTemplates, amount: number, currency: string): string {
  return formatFor(templates.meta.locale).currency(amount, currency);
}

/** shown wherever a score is printed but none exists */
export function scoreText(templates: SalesTemplates, score: number | null): string | number {
  return score ?? templates.labels.no_score;
}
