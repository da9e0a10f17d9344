// Request bodies for each Dataverse record of a push, from the mapping and the stored facts. Only values that exist
// are sent: an empty column in Hunter never blanks a value a seller typed in Dynamics 365.
import type { PushFacts } from './facts';
import type { D365EntityKind, D365Mapping, FactName } from './mapping';

/** Values known only when the record is written. */
export interface SendTimeFacts {
  record_id: string;
  pushed_at: string;
}

export type RecordBody = Record<string, string | number | boolean>;

export function recordBody(
  mapping: D365Mapping,
  kind: D365EntityKind,
  facts: PushFacts,
  sendTime: SendTimeFacts,
): RecordBody {
  const all: Record<FactName, string | number | null> = { ...facts, ...sendTime };
  const body: RecordBody = {};
  for (const [column, field] of Object.entries(mapping[kind].fields)) {
    if (!field.enabled) continue;
    let value = all[field.source];
    if (value === null || value === undefined) continue;
    if (field.options) {
      const option = field.options[String(value)];
      if (option === undefined) continue;
      value = option;
    }
    if (typeof value === 'string' && field.max_length !== undefined && value.length > field.max_length) {
      value = value.slice(0, field.max_length - 1) + '…';
    }
    body[column] = value;
  }
  return body;
}

/** `"<navigation>@odata.bind": "/<set>(<id>)"`: Dataverse's way of setting a lookup. */
export function bind(navigation: string, entitySet: string, key: string): RecordBody {
  return { [`${navigation}@odata.bind`]: `/${entitySet}(${key})` };
}

/** The currency is bound by its ISO code (an alternate key), so no GUID look-up is needed first. */
export function currencyKey(iso: string): string {
  return `isocurrencycode='${iso}'`;
}
