import type { SalesInput } from '../../shared/sales-summary';

/**
 * unscanned   never scanned: every text says so and the next step is a scan
 * no_verdict  scanned, but the scan produced no segment (e.g. DNS timeout): the next step is a rescan
 * scored      has a segment and readiness score
 */
export type LeadState = 'unscanned' | 'no_verdict' | 'scored';

export function leadState(input: Pick<SalesInput, 'scanned' | 'segment'>): LeadState {
  if (!input.scanned) return 'unscanned';
  return input.segment === null ? 'no_verdict' : 'scored';
}
