/**
 * RDAP domain object (RFC 9083 §5.3) → WhoisFields. The body comes from the network, so every
 * property is checked rather than trusted.
 */
import { cleanNameservers, type WhoisFields } from './fields';
import { parseRegistryDate } from './dates';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** jCard (RFC 7095): ["vcard", [[name, params, type, value], ...]] */
function vcardText(entity: Json, property: string): string | null {
  const card = asArray(entity.vcardArray);
  for (const prop of asArray(card[1])) {
    const [name, , , value] = asArray(prop);
    if (name === property && typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** Registries nest entities (a registrar's abuse contact sits inside the registrar), so search depth-first. */
function findRegistrar(entities: unknown[]): string | null {
  for (const entity of entities) {
    if (!isObject(entity)) continue;
    if (asArray(entity.roles).includes('registrar')) {
      const name = vcardText(entity, 'fn') ?? vcardText(entity, 'org');
      if (name) return name;
    }
    const nested = findRegistrar(asArray(entity.entities));
    if (nested) return nested;
  }
  return null;
}

function eventDate(events: unknown[], action: string): string | null {
  for (const event of events) {
    if (isObject(event) && event.eventAction === action && typeof event.eventDate === 'string') {
      const date = parseRegistryDate(event.eventDate);
      if (date) return date;
    }
  }
  return null;
}

/** null when the body is not an RDAP object at all (an HTML error page that parsed as JSON, an array, ...) */
export function parseRdap(body: unknown): WhoisFields | null {
  if (!isObject(body)) return null;
  const events = asArray(body.events);
  return {
    registrar: findRegistrar(asArray(body.entities)),
    created_at: eventDate(events, 'registration'),
    expires_at: eventDate(events, 'expiration'),
    nameservers: cleanNameservers(
      asArray(body.nameservers).flatMap((ns) => (isObject(ns) && typeof ns.ldhName === 'string' ? [ns.ldhName] : [])),
    ),
  };
}
