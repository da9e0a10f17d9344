import type { DmarcPolicy, ScoreItem, Tri, Verdict } from '../../../shared/domain';
import { isSpfPermerror } from '../dns/spf';
import { firstMatch, matches, type Facts } from './condition';
import { POINT_SECTIONS, type ScoringRules } from './rules-schema';

export interface ScoringInput {
  provider: string;
  /** the domain does not exist (NXDOMAIN); default false */
  nxdomain?: boolean;
  mx_records: string[];
  /** an SPF record is published (whether or not it evaluates: see spf_error / spf_multiple_records) */
  spf: Tri;
  /** SpfSignal.error */
  spf_error?: string | null;
  dkim: Tri;
  /** some probed selector publishes a revoked key (empty p=) */
  dkim_revoked?: boolean;
  /** DMARC record present; when omitted it is inferred from dmarc_policy (no policy = no record) */
  dmarc?: Tri;
  /** DmarcSignal.error: records exist but give no policy */
  dmarc_error?: string | null;
  dmarc_policy: DmarcPolicy | null;
  dmarc_pct: number | null;
  spf_lookup_count: number | null;
  spf_include_count: number | null;
  spf_multiple_records: boolean;
  expires_in_days: number | null;
}

const clamp = (n: number) => Math.min(100, Math.max(0, n));

interface PointRule {
  rule: string;
  points: number;
  reason: string;
}

// the point tables flattened once per rules object, in section order, instead of per lead
const pointRulesOf = new WeakMap<ScoringRules, PointRule[]>();

function pointItems(rules: ScoringRules, facts: Facts): ScoreItem[] {
  let pointRules = pointRulesOf.get(rules);
  if (!pointRules) {
    pointRules = POINT_SECTIONS.flatMap((section) =>
      Object.entries(rules[section]).map(([rule, points]) => ({ rule, points, reason: rules.point_labels[rule] })),
    );
    pointRulesOf.set(rules, pointRules);
  }
  return pointRules.filter((item) => matches(rules.point_conditions[item.rule], facts)).map((item) => ({ ...item }));
}

/**
 * Interprets rules.json: points → score (or a hard fail), then the first-match lists in pipeline order,
 * each adding its output as a fact for the next; risk flags and tags are every rule that holds.
 */
export function scoreLead(input: ScoringInput, rules: ScoringRules): Verdict {
  const spfError = input.spf === true ? (input.spf_error ?? null) : null;
  const facts: Facts = {
    provider: input.provider,
    nxdomain: input.nxdomain ?? false,
    mx_missing: input.mx_records.length === 0,
    spf: input.spf,
    // only a published record can be broken; unknown or absent SPF has no permerror fact at all
    spf_permerror:
      input.spf === true
        ? isSpfPermerror({
            multiple_records: input.spf_multiple_records,
            error: spfError,
            lookup_count: input.spf_lookup_count,
          })
        : null,
    spf_error: spfError,
    dkim: input.dkim,
    // a revoked key next to a live one is a rotation, not a finding
    dkim_revoked: input.dkim === true ? false : (input.dkim_revoked ?? false),
    dmarc: input.dmarc === undefined ? input.dmarc_policy !== null : input.dmarc,
    dmarc_error: input.dmarc_error ?? null,
    dmarc_policy: input.dmarc_policy,
    dmarc_pct: input.dmarc_pct,
    spf_lookup_count: input.spf_lookup_count,
    spf_include_count: input.spf_include_count,
    spf_multiple_records: input.spf_multiple_records,
    expires_in_days: input.expires_in_days,
  };

  const hardFail = firstMatch(rules.hard_fail_rules, facts);
  // A hard fail replaces the points, so the breakdown still adds up to the score it shows.
  const base = hardFail ? hardFail.score : rules.base_score;
  const items = hardFail ? [] : pointItems(rules, facts);
  const rawTotal = items.reduce((sum, item) => sum + item.points, base);
  const score = clamp(rawTotal);
  facts.score = score;

  const segmentRule = hardFail ?? firstMatch(rules.segment_rules, facts) ?? rules.fallbacks.segment_rules;
  const describe = hardFail ? `Hard-fail: ${hardFail.description}` : segmentRule.description;
  facts.technical_segment = segmentRule.segment;
  facts.technical_heat = (firstMatch(rules.technical_heat_rules, facts) ?? rules.fallbacks.technical_heat_rules).heat;
  facts.commercial_segment = (
    firstMatch(rules.commercial_segment_rules, facts) ?? rules.fallbacks.commercial_segment_rules
  ).segment;
  facts.commercial_heat = (
    firstMatch(rules.commercial_heat_rules, facts) ?? rules.fallbacks.commercial_heat_rules
  ).heat;
  const category = firstMatch(rules.priority_category_rules, facts) ?? rules.fallbacks.priority_category_rules;
  facts.priority_category = category.category;
  facts.priority_score = (
    firstMatch(rules.priority_score_rules, facts) ?? rules.fallbacks.priority_score_rules
  ).priority;

  return {
    readiness_score: score,
    segment: segmentRule.segment,
    reason: `${describe}. Score: ${score}, Provider: ${input.provider}`,
    priority_score: facts.priority_score,
    technical_heat: facts.technical_heat,
    commercial_segment: facts.commercial_segment,
    commercial_heat: facts.commercial_heat,
    priority_category: category.category,
    priority_label: category.label,
    risk_flags: rules.risk_flag_rules.filter((r) => matches(r.condition, facts)).map((r) => r.flag),
    tags: rules.tag_rules.filter((r) => matches(r.condition, facts)).map((r) => r.tag),
    breakdown: {
      base,
      items,
      raw_total: rawTotal,
      total: score,
      hard_fail: hardFail?.description ?? null,
      // the description is in the rules file's language; the fact it tested names it in the rep's
      ...(hardFail && { hard_fail_rule: Object.keys(hardFail.condition)[0] ?? null }),
    },
  };
}
