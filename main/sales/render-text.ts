// Plain-text rendering of a whole summary, for pasting into an e-mail or a Dynamics 365 note.
import { formatFor } from '../../shared/format';
import type { SalesSummary } from '../../shared/sales-summary';
import { fill, formatMoney } from './text';
import type { SalesTemplates } from './templates';

/** plain text has no markdown: **bold** becomes bold */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1');
}

function section(heading: string, lines: string[]): string {
  return [heading, '-'.repeat(heading.length), ...lines.map(plain)].join('\n');
}

function offerLines(summary: SalesSummary, t: SalesTemplates): string[] {
  const o = summary.offer_tier;
  const money = (amount: number) => (o.currency ? formatMoney(t, amount, o.currency) : String(amount));
  const prices: [keyof SalesTemplates['text']['offer_price'], number | null][] = [
    ['license', o.price_per_user_per_month],
    ['migration', o.migration_fee],
    ['defender', o.defender_price_per_user_per_month],
    ['consulting', o.consulting_fee],
  ];
  return [
    fill(t.text.offer_tier, { tier: o.tier, license: o.license }),
    ...prices.flatMap(([kind, amount]) =>
      amount === null ? [] : [fill(t.text.offer_price[kind], { price: money(amount) })],
    ),
    o.recommendation,
  ];
}

function securityLines(summary: SalesSummary, t: SalesTemplates): string[] {
  const s = summary.security_reasoning;
  if (!s) return [t.text.security_unchecked];
  return [
    fill(t.text.risk_level, { level: t.labels.risk[s.risk_level] }),
    s.summary,
    ...s.details.map((d) => `- ${d}`),
    fill(t.text.sales_angle, { text: s.sales_angle }),
    fill(t.text.recommended_action, { text: s.recommended_action }),
  ];
}

function potentialLines(summary: SalesSummary, t: SalesTemplates): string[] {
  const r = summary.opportunity_rationale;
  const names = t.labels.factor as Record<string, string>;
  return [
    fill(t.text.potential_total, { total: summary.opportunity_potential }),
    ...r.factors.map(
      (f) => `- ${fill(t.text.factor, { name: names[f.name] ?? f.name, score: f.score, comment: f.comment })}`,
    ),
    r.summary,
  ];
}

export function renderSalesSummaryText(summary: SalesSummary, t: SalesTemplates): string {
  const h = t.text.heading;
  const n = summary.next_step;
  return [
    fill(t.text.title, { domain: summary.domain }),
    section(h.overview, [summary.one_liner]),
    section(h.segment, [summary.segment_explanation]),
    section(h.provider, [summary.provider_reasoning]),
    section(h.security, securityLines(summary, t)),
    section(
      h.call_script,
      summary.call_script.map((line, i) => `${i + 1}. ${line}`),
    ),
    section(
      h.questions,
      summary.discovery_questions.map((q) => `- ${q}`),
    ),
    section(h.offer, offerLines(summary, t)),
    section(h.potential, potentialLines(summary, t)),
    section(h.urgency, [t.labels.urgency[summary.urgency]]),
    section(h.next_step, [
      fill(t.text.next_step, {
        action: t.labels.action[n.action],
        timeline: t.labels.timeline[n.timeline],
        priority: t.labels.priority[n.priority],
      }),
      fill(t.text.message, { text: n.message }),
      fill(t.text.internal_note, { text: n.internal_note }),
    ]),
    fill(t.text.generated_at, { at: formatFor(t.meta.locale).dateTime(summary.metadata.generated_at) }),
  ].join('\n\n');
}
