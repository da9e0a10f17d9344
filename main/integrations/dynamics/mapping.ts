// The Hunter → Dataverse field mapping is data (resources/d365-mapping.json): which column each fact goes to, option
// set values, lookup navigation names, and a per-field switch so an organisation that lacks a custom column can leave
// it out without a code change.
import { z } from 'zod';
import { loadResource } from '../../config/resource-loader';

/** Every fact a push can send; the mapping names these as `source`. */
export const FACT_NAMES = [
  'domain',
  'subject',
  'company_name',
  'website_url',
  'contact_email',
  'contact_first_name',
  'contact_last_name',
  'contact_phone',
  'sales_summary',
  'readiness_score',
  'priority_score',
  'provider',
  'tenant_size',
  'infra_summary',
  'referral_id',
  'azure_tenant_id',
  'lead_source',
  'm365_fit_score',
  'processing_status',
  'pushed_at',
  'record_id',
  'opportunity_name',
  'deal_value',
  'close_date',
  'note_subject',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** Dataverse logical names are lower case; a capitalised schema name is rejected by the Web API. */
const logicalName = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'must be a lower-case Dataverse logical name');

const fieldSchema = z
  .object({
    source: z.enum(FACT_NAMES),
    /** fact value → option set value; a value missing here is left out of the record */
    options: z.record(z.string(), z.number().int()).optional(),
    /** text longer than the column allows is cut (a lead's description holds 2,000 characters; a note far more) */
    max_length: z.number().int().min(1).max(1_048_576).optional(),
    /** false leaves the column out of every write (for organisations without it) */
    enabled: z.boolean().default(true),
  })
  .strict();

const entitySchema = <B extends z.ZodTypeAny>(binds: B) =>
  z
    .object({
      entity_set: logicalName,
      logical_name: logicalName,
      fields: z.record(logicalName, fieldSchema),
      binds,
    })
    .strict();

const noBinds = z.undefined();

export const d365MappingSchema = z
  .object({
    lead: entitySchema(noBinds),
    account: entitySchema(noBinds),
    contact: entitySchema(z.object({ account: logicalName }).strict()),
    opportunity: entitySchema(z.object({ account: logicalName, contact: logicalName, currency: logicalName }).strict()),
    note: entitySchema(z.object({ lead: logicalName, opportunity: logicalName }).strict()),
  })
  .strict();

export type D365Mapping = z.output<typeof d365MappingSchema>;
export type D365EntityKind = keyof D365Mapping;
export type D365FieldMapping = z.output<typeof fieldSchema>;

export const MAPPING_FILE = 'd365-mapping.json';

/**
 * The mapping from the resources folder, with the switches the user turned off in Settings applied on top
 * (`lead.hnt_provider` style names).
 */
export function loadD365Mapping(resources: string, fieldsOff: readonly string[] = []): D365Mapping {
  const mapping = loadResource(resources, MAPPING_FILE, d365MappingSchema);
  for (const name of fieldsOff) {
    const [kind, field] = name.split('.') as [D365EntityKind, string];
    const entry = mapping[kind]?.fields[field];
    if (entry) entry.enabled = false;
  }
  return mapping;
}

/** The name a user turns a column off by, as shown in errors and Settings. */
export function fieldSwitchName(kind: D365EntityKind, field: string): string {
  return `${kind}.${field}`;
}
