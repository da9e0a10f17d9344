import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Schema = z.object({
  description: z.string().optional(),
  domains: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a lower-case ASCII domain')
        .max(253),
    )
    .min(1)
    .max(5000),
});

/** Consumer mailbox domains (resources/consumer-mailbox-domains.json): never a customer's company domain. */
export function loadConsumerDomains(resources: string): ReadonlySet<string> {
  const file = path.join(resources, 'consumer-mailbox-domains.json');
  const parsed = Schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Config ${file} is invalid: ${parsed.error.issues[0].message}`);
  return new Set(parsed.data.domains);
}
