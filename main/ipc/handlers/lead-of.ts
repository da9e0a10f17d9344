import type { LeadDetail } from '../../../shared/leads';
import { AppError } from '../../core/app-error';
import { normalizeDomain } from '../../engine/normalize';
import type { Store } from '../../store/db';

/** Any spelling of a domain the user typed (URL, e-mail, Unicode) → the stored lead, or a specific error. */
export function leadOf(store: Store, raw: string): LeadDetail {
  const n = normalizeDomain(raw);
  if (!n.ok) throw new AppError('invalid_domain', n.message, { reason: n.code });
  const lead = store.leads.getLead(n.domain);
  if (!lead) throw new AppError('not_found', `No lead for ${n.display}`, { domain: n.domain });
  return lead;
}
