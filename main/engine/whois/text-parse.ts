/**
 * Port-43 WHOIS answers have no standard layout. Registries use three shapes, often mixed:
 *   key: value lines            "Registry Expiry Date: 2026-01-15T04:00:00Z", "nserver: ns1.x.ru."
 *   headed blocks               "** Domain Servers:" (nic.tr), "Registrar:" + indented lines (nominet),
 *                               "Nameservers" without colon (nic.it); a block ends at a blank line
 *   bracketed keys (jprs)       "[Name Server]   ns1.google.jp"
 * The parser folds all three into one pass; fields come from known keys only, so boilerplate
 * ("TERMS OF USE: ...") is ignored.
 */
import { cleanNameservers, type WhoisFields } from './fields';
import { parseRegistryDate } from './dates';

const REGISTRAR_KEYS = new Set(['registrar', 'registrar name', 'sponsoring registrar', 'registrar organization']);
const CREATED_KEYS = new Set([
  'creation date',
  'created on',
  'created',
  'created date',
  'registered on',
  'registered',
  'registration date',
  'registration time',
  'domain registration date',
  'domain record activated',
  'record created',
]);
const EXPIRES_KEYS = new Set([
  'registry expiry date',
  'registrar registration expiration date',
  'expiry date',
  'expiration date',
  'expires on',
  'expires',
  'expire date',
  'paid-till',
  'expiration time',
  'renewal date',
  'domain expiration date',
  'record expires on',
]);
const NAMESERVER_KEYS = new Set(['name server', 'name servers', 'nameserver', 'nameservers', 'nserver']);
const NAMESERVER_BLOCKS = new Set([
  'name server',
  'name servers',
  'nameserver',
  'nameservers',
  'domain servers',
  'domain nameservers',
  'dns servers',
]);
const REGISTRAR_BLOCKS = new Set(['registrar', 'sponsoring registrar']);
/** inside a registrar block, the first of these keys that is present names the registrar */
const REGISTRAR_BLOCK_NAME_KEYS = ['organization name', 'organization', 'organisation', 'name'];

const NO_MATCH = /\b(no match|not found|no entries found|no data found|no such domain|does not exist)\b/i;

type Line = { kind: 'pair'; key: string; value: string } | { kind: 'text'; text: string; indented: boolean };

function normaliseKey(raw: string): string {
  return raw
    .replace(/^[\s*]+/, '')
    .replace(/[\s.]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function classify(line: string): Line {
  const bracketed = line.match(/^\s*(?:[a-z]\.\s*)?\[([^\]]+)\]\s*(.*)$/i);
  if (bracketed) return { kind: 'pair', key: normaliseKey(bracketed[1]), value: bracketed[2].trim() };
  // the key may not contain ':' so times and URLs in the value stay intact; nic.tr pads keys with dots
  const pair = line.match(/^\s*\**\s*([a-z][a-z0-9 \t._/()-]{0,60}?)[\s.]*:(?:\s+(.*)|$)/i);
  if (pair) return { kind: 'pair', key: normaliseKey(pair[1]), value: (pair[2] ?? '').trim() };
  return { kind: 'text', text: line.trim(), indented: /^\s/.test(line) };
}

/** "Markmonitor Inc. [Tag = MARKMONITOR]" (nominet) → "Markmonitor Inc." */
function cleanRegistrar(value: string): string | null {
  const name = value.replace(/\s*\[tag = [^\]]*\]\s*$/i, '').trim();
  return name === '' ? null : name;
}

export function parseWhoisText(text: string): WhoisFields {
  let registrar: string | null = null;
  let created: string | null = null;
  let expires: string | null = null;
  const nameservers: string[] = [];
  const registrarBlockPairs = new Map<string, string>();
  let registrarBlockText: string | null = null;
  let block: string | null = null;

  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (raw.trim() === '') {
      block = null;
      continue;
    }
    // comment lines (RIPE-style "%", "#") never carry data and must not end a block
    if (/^\s*[%#]/.test(raw)) continue;
    const line = classify(raw);

    if (line.kind === 'pair' && line.value === '') {
      block = line.key;
      continue;
    }
    // colon-less headers ("Nameservers" in nic.it) only count when they start at column 0
    if (line.kind === 'text' && !line.indented) {
      const header = normaliseKey(line.text);
      if (NAMESERVER_BLOCKS.has(header) || REGISTRAR_BLOCKS.has(header)) {
        block = header;
        continue;
      }
    }
    // Inside a name-server block a host line may carry glue ("ns1.x.tr 192.0.2.1"); IPv6 glue has colons
    // and so looks like a pair whose key contains a dot. Real pairs (no dot in the key) still count below,
    // because some registries print an empty "Name Server:" right before other fields.
    const hostLine = line.kind === 'text' || line.key.includes('.');
    if (block !== null && NAMESERVER_BLOCKS.has(block) && hostLine) {
      nameservers.push(raw.trim().split(/\s+/)[0]);
      continue;
    }
    if (line.kind === 'text') {
      if (block !== null && REGISTRAR_BLOCKS.has(block) && registrarBlockText === null) registrarBlockText = line.text;
      continue;
    }

    const { key, value } = line;
    if (block !== null && REGISTRAR_BLOCKS.has(block) && !registrarBlockPairs.has(key))
      registrarBlockPairs.set(key, value);
    if (registrar === null && REGISTRAR_KEYS.has(key)) registrar = cleanRegistrar(value);
    else if (created === null && CREATED_KEYS.has(key)) created = parseRegistryDate(value);
    else if (expires === null && EXPIRES_KEYS.has(key)) expires = parseRegistryDate(value);
    else if (NAMESERVER_KEYS.has(key)) nameservers.push(value.split(/\s+/)[0]);
  }

  if (registrar === null) {
    const fromPairs = REGISTRAR_BLOCK_NAME_KEYS.map((k) => registrarBlockPairs.get(k)).find((v) => v);
    registrar = cleanRegistrar(fromPairs ?? registrarBlockText ?? '');
  }
  return { registrar, created_at: created, expires_at: expires, nameservers: cleanNameservers(nameservers) };
}

/** Registries answer an unregistered name with prose; used only once parsing found nothing. */
export function isNoMatchAnswer(text: string): boolean {
  return NO_MATCH.test(text);
}
