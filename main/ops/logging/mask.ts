import { createHash } from 'node:crypto';

// What must never reach a log line or a crash report: credentials by key name, and credentials or e-mail addresses
// inside any string (an error message may quote a URL with a token, or a contact's address).

/** keys whose values are credentials whatever they look like */
const SECRET_KEY = /(token|secret|password|passwd|authorization|cookie|api[-_]?key|dsn|credential|assertion|verifier)/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** JSON Web Tokens (access and id tokens) */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** credentials in URLs and form bodies */
const SECRET_PARAM =
  /([?&#]|\b)(access_token|refresh_token|id_token|client_secret|code|code_verifier|password|token|sig|signature|api_key|apikey)=([^&\s"']+)/gi;
/** long opaque strings (refresh tokens, keys); paths and domains are excluded by their separators */
const OPAQUE = /\b[A-Za-z0-9_+=-]{40,}\b/g;
const MAX_DEPTH = 6;
const MAX_STRING = 4000;

export const REDACTED = '[redacted]';

/** A stable stand-in for an address: lines about the same contact can be matched without showing who it is. */
function emailStandIn(address: string): string {
  return `[email:${createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 8)}]`;
}

export function maskString(value: string): string {
  const text = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  return text
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_PARAM, (_m, sep: string, key: string) => `${sep}${key}=${REDACTED}`)
    .replace(EMAIL, emailStandIn)
    .replace(OPAQUE, REDACTED);
}

/** A copy of `value` safe to log: secret-named keys redacted, strings masked, depth and size bounded. */
export function maskValue(value: unknown, key = '', depth = 0): unknown {
  if (key && SECRET_KEY.test(key) && value !== null && value !== undefined && typeof value !== 'boolean')
    return REDACTED;
  if (typeof value === 'string') return maskString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return maskValue({ error: value.message, stack: value.stack }, key, depth);
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => maskValue(item, '', depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskValue(v, k, depth + 1);
  return out;
}
