// A partial scan (MX answered, another check timed out) must not cost points: a check that did not answer is
// unknown, not missing. Such a result is re-scored with the last known value of each unanswered scored check; a
// check never answered before is left out. The breakdown names both, so the score explains itself.
import type { DnsSignals, ScanResult } from '../../../shared/domain';
import { daysUntil } from '../../../shared/dates';
import { scoringInputOf } from './input';
import type { ScoringRules } from './rules-schema';
import { scoreLead } from './score';

/** the checks whose value the score reads */
const SCORED_CHECKS = ['spf', 'dkim', 'dmarc'] as const;

/**
 * `previous`: the DNS signals stored with the lead's previous verdict (null when it has none). Results that are not
 * partial, or have no verdict, come back unchanged.
 */
export function withLastKnownSignals(result: ScanResult, previous: DnsSignals | null, rules: ScoringRules): ScanResult {
  const { dns, provider, verdict } = result;
  if (result.scan_status !== 'partial' || !dns || !provider || !verdict || dns.mx_records === null) return result;
  const unanswered = SCORED_CHECKS.filter((check) => dns.unknown_checks.includes(check) && dns[check].present === null);
  if (unanswered.length === 0) return result;

  const carried = unanswered.filter((check) => previous !== null && previous[check].present !== null);
  const leftOut = unanswered.filter((check) => !carried.includes(check));
  // unknown_checks keeps naming what this scan could not check; the values are the latest known truth
  const merged: DnsSignals = { ...dns, ...Object.fromEntries(carried.map((check) => [check, previous![check]])) };
  const mergedProvider = { ...provider, tenant_name: provider.tenant_name ?? merged.dkim.tenant_name };
  const rescored = scoreLead(
    scoringInputOf(
      { ...merged, mx_records: dns.mx_records },
      mergedProvider,
      daysUntil(result.whois.expires_at, new Date(result.scanned_at)),
    ),
    rules,
  );
  return {
    ...result,
    dns: merged,
    provider: mergedProvider,
    verdict: {
      ...rescored,
      breakdown: {
        ...rescored.breakdown,
        ...(carried.length ? { carried_over: carried } : {}),
        ...(leftOut.length ? { left_out: leftOut } : {}),
      },
    },
  };
}
