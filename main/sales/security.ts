// E-mail security reading of a lead. Every sentence is chosen from the signal's actual state, so a present
// record is never called missing and an unanswered lookup is "could not be checked", never "missing".
import type { DmarcPolicy } from '../../shared/domain';
import type { SalesInput, SecurityReasoning } from '../../shared/sales-summary';
import { fill, joinList } from './text';
import type { SalesTemplates } from './templates';

export type RecordState = 'present' | 'missing' | 'unknown';
/** broken = published, but receivers treat it as a permerror */
export type SpfState = RecordState | 'broken';
/** revoked = the only key found has an empty p= */
export type DkimState = RecordState | 'revoked';
/**
 * enforced = quarantine or reject; none = record with p=none; absent = authoritative "no record";
 * invalid = records published that give no policy (several, or no valid p and no rua)
 */
export type DmarcState = 'enforced' | 'none' | 'absent' | 'invalid' | 'unknown';
export type SecurityIssue =
  | 'spf_missing'
  | 'spf_broken'
  | 'dkim_missing'
  | 'dkim_revoked'
  | 'dmarc_absent'
  | 'dmarc_invalid'
  | 'dmarc_none'
  | 'dmarc_partial';
export type RiskLevel = SecurityReasoning['risk_level'];

export interface SecuritySignals {
  spf: SpfState;
  dkim: DkimState;
  dmarc: DmarcState;
  policy: DmarcPolicy | null;
  /** pct of an enforcing policy (100 when the record has no pct); null otherwise */
  coverage: number | null;
}

function recordState(value: boolean | null): RecordState {
  if (value === null) return 'unknown';
  return value ? 'present' : 'missing';
}

function dmarcState(input: Pick<SalesInput, 'dmarc_policy' | 'dmarc_present' | 'dmarc_invalid'>): DmarcState {
  if (input.dmarc_policy === 'none') return 'none';
  if (input.dmarc_policy !== null) return 'enforced';
  // without a policy only an explicit "no record" answer lets us say DMARC is absent
  if (input.dmarc_present !== false) return 'unknown';
  return input.dmarc_invalid ? 'invalid' : 'absent';
}

export function readSecuritySignals(
  input: Pick<
    SalesInput,
    | 'spf'
    | 'dkim'
    | 'dmarc_policy'
    | 'dmarc_coverage'
    | 'dmarc_present'
    | 'spf_broken'
    | 'dkim_revoked'
    | 'dmarc_invalid'
  >,
): SecuritySignals {
  const dmarc = dmarcState(input);
  const coverage = dmarc === 'enforced' ? Math.min(100, Math.max(0, input.dmarc_coverage ?? 100)) : null;
  const spf = recordState(input.spf);
  const dkim = recordState(input.dkim);
  return {
    spf: spf === 'present' && input.spf_broken ? 'broken' : spf,
    dkim: dkim === 'missing' && input.dkim_revoked ? 'revoked' : dkim,
    dmarc,
    policy: input.dmarc_policy,
    coverage,
  };
}

/** the problems, in the order the texts list them */
export function securityIssues(s: SecuritySignals): SecurityIssue[] {
  const issues: SecurityIssue[] = [];
  if (s.spf === 'missing') issues.push('spf_missing');
  if (s.spf === 'broken') issues.push('spf_broken');
  if (s.dkim === 'missing') issues.push('dkim_missing');
  if (s.dkim === 'revoked') issues.push('dkim_revoked');
  if (s.dmarc === 'absent') issues.push('dmarc_absent');
  if (s.dmarc === 'invalid') issues.push('dmarc_invalid');
  if (s.dmarc === 'none') issues.push('dmarc_none');
  if (s.coverage !== null && s.coverage < 100) issues.push('dmarc_partial');
  return issues;
}

/** Two problems, or no DMARC protection at all, is high; one problem is medium; none is low. */
export function riskLevel(s: SecuritySignals): RiskLevel {
  const issues = securityIssues(s);
  if (issues.length >= 2 || s.dmarc === 'absent' || s.dmarc === 'invalid' || s.dmarc === 'none') return 'high';
  return issues.length === 1 ? 'medium' : 'low';
}

/** the detail sentence that states each issue (reused by the call script) */
export function issueTexts(s: SecuritySignals, t: SalesTemplates): string[] {
  return securityIssues(s).map((issue) => fill(t.security.detail[issue], { pct: s.coverage ?? 100 }));
}

function details(s: SecuritySignals, t: SalesTemplates): string[] {
  const d = t.security.detail;
  const lines = [d[`spf_${s.spf}`], d[`dkim_${s.dkim}`]];
  if (s.dmarc === 'enforced') {
    lines.push(fill(d.dmarc_enforced, { policy: s.policy ?? '' }));
    lines.push(s.coverage !== null && s.coverage < 100 ? fill(d.dmarc_partial, { pct: s.coverage }) : d.dmarc_full);
  } else {
    lines.push(d[`dmarc_${s.dmarc}`]);
  }
  return lines;
}

function summary(s: SecuritySignals, level: RiskLevel, t: SalesTemplates): string {
  const text = t.security.summary;
  let lead: string;
  if (level !== 'low') lead = fill(text[level], { issues: joinList(t, issueTexts(s, t)) });
  else if (s.spf === 'present' && s.dkim === 'present' && s.dmarc === 'enforced')
    lead = fill(text.low_spf_present_dkim_present_dmarc_full, { policy: s.policy ?? '' });
  else lead = text.low_checked;

  const unchecked: string[] = [];
  if (s.spf === 'unknown') unchecked.push(t.security.unchecked_name.spf_unknown);
  if (s.dkim === 'unknown') unchecked.push(t.security.unchecked_name.dkim_unknown);
  if (s.dmarc === 'unknown') unchecked.push(t.security.unchecked_name.dmarc_unknown);
  return unchecked.length === 0 ? lead : `${lead} ${fill(text.unchecked, { names: joinList(t, unchecked) })}`;
}

/** null when none of SPF, DKIM and DMARC is known: there is nothing to reason about */
export function buildSecurityReasoning(s: SecuritySignals, t: SalesTemplates): SecurityReasoning | null {
  if (s.spf === 'unknown' && s.dkim === 'unknown' && s.dmarc === 'unknown') return null;
  const level = riskLevel(s);
  const steps = securityIssues(s).map((issue) => t.security.step[issue]);
  return {
    risk_level: level,
    summary: summary(s, level, t),
    details: details(s, t),
    sales_angle: t.security.sales_angle[level],
    recommended_action:
      level === 'low' ? t.security.action.low : fill(t.security.action[level], { steps: joinList(t, steps) }),
  };
}
