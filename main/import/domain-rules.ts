import { z } from 'zod';

export const ImportDomainRulesSchema = z.object({
  /** free mailbox providers: an address there names a person's inbox, not the company's domain */
  consumer_mailbox_domains: z.array(z.string().min(3)).max(10_000),
  /** names reserved for documentation and tests (RFC 2606, RFC 6761), with every name under them */
  reserved_domains: z.array(z.string().min(3)).max(1_000),
  reserved_tlds: z.array(z.string().min(2)).max(1_000),
});
export type ImportDomainRules = z.infer<typeof ImportDomainRulesSchema>;

export type DomainFlag = 'consumer_mailbox' | 'reserved_name';

const under = (domain: string, parent: string) => domain === parent || domain.endsWith(`.${parent}`);

/** Why a well-formed domain still is no company lead, or null when it may be one. */
export function flagDomain(domain: string, rules: ImportDomainRules): DomainFlag | null {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (rules.reserved_tlds.includes(tld) || rules.reserved_domains.some((d) => under(domain, d))) return 'reserved_name';
  if (rules.consumer_mailbox_domains.includes(domain)) return 'consumer_mailbox';
  return null;
}
