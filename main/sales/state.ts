import type { SalesInput } from '../../shared/sales-summary';

/**
 * unscanned   never scanned: every text says so and the next step is a scan
 * no_verdict  scanned, but the scan produced no segment or P category (e.g. DNS timeout): the next step is a rescan
 * not_found   the domain does not exist (NXDOMAIN): no pitch, the rep checks the website and e-mail address
 * scored      has a segment, P category and readiness score
 */
export type LeadState = 'unscanned' | 'no_verdict' | 'not_found' | 'scored';

export function leadState(
  input: Pick<SalesInput, 'scanned' | 'segment' | 'priority_category' | 'nxdomain'>,
): LeadState {
  if (!input.scanned) return 'unscanned';
  if (input.nxdomain) return 'not_found';
  return input.segment === null || input.priority_category === null ? 'no_verdict' : 'scored';
}
