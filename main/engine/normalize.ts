import { isIP } from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';

export type NormalizeErrorCode =
  | 'empty'
  | 'placeholder'
  | 'scheme_only'
  | 'unsupported_scheme'
  | 'ip_address'
  | 'single_label'
  | 'invalid_label'
  | 'tld_invalid'
  | 'too_long';

export type NormalizeResult =
  { ok: true; domain: string; display: string } | { ok: false; code: NormalizeErrorCode; message: string };

/** Filler values seen in spreadsheet exports instead of a website (Turkish sheets say "yok", "none"). */
const PLACEHOLDERS = new Set([
  'yok',
  'yoktur',
  'bilinmiyor',
  'belirtilmemiş',
  '--',
  '\u2013',
  '\u2014',
  '?',
  'nan',
  'n/a',
  'na',
  'none',
  'null',
  '-',
  'web',
  'web sitesi',
  'website',
  'http',
  'https',
]);

const WRAPPERS = /^[\s"'`<>\u201c\u201d\u2018\u2019\u00ab\u00bb]+|[\s"'`<>\u201c\u201d\u2018\u2019\u00ab\u00bb]+$/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function fail(code: NormalizeErrorCode, message: string): NormalizeResult {
  return { ok: false, code, message };
}

/** Host part of "scheme://user@host:port/path?q#f" or of a bare "host/path". */
function hostOf(text: string): string {
  const authority = text.split(/[/?#\\]/, 1)[0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(1).split(']')[0];
  // A bare IPv6 address has several colons; only a single one can separate a port.
  return isIP(host) === 6 ? host : host.replace(/:\d*$/, '');
}

/**
 * Turns what users paste (domain, e-mail, URL, quoted cell) into the ASCII (punycode) domain used as the key
 * everywhere, plus its Unicode form for display. No registrable-domain reduction: sub.example.co.uk stays.
 */
export function normalizeDomain(raw: string): NormalizeResult {
  let text = raw.replace(WRAPPERS, '');
  if (text === '') return fail('empty', 'The value is empty.');
  // both foldings: "WEBSITE" is English (I → i), "BELİRTİLMEMİŞ" Turkish (İ → i)
  if (PLACEHOLDERS.has(text.toLowerCase()) || PLACEHOLDERS.has(text.toLocaleLowerCase('tr')))
    return fail('placeholder', `"${text}" is a placeholder, not a domain.`);

  const scheme = SCHEME.exec(text);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1]))
      return fail('unsupported_scheme', `Only http and https addresses are accepted, not ${scheme[1]}://.`);
    text = text.slice(scheme[0].length);
    if (text.replace(/[/?#]+$/, '') === '') return fail('scheme_only', 'The address has a scheme but no host name.');
  } else if (text.includes('@')) {
    text = text.slice(text.lastIndexOf('@') + 1);
  }

  let host = hostOf(text).replace(WRAPPERS, '').replace(/\.+$/, '');
  if (host === '') return fail('empty', 'No host name found in the value.');
  if (isIP(host)) return fail('ip_address', `${host} is an IP address, not a domain.`);

  // UTS #46 mapping folds case locale-independently (Turkish İ/I included); ASCII input only needs ASCII folding.
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host);
    if (ascii === '') return fail('invalid_label', `"${host}" is not a valid internationalised domain name.`);
    host = ascii.replace(/\.+$/, '');
  } else {
    host = host.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  }

  // One leading www. only, and never down to a bare TLD (www.com is itself a domain).
  if (host.startsWith('www.') && host.indexOf('.', 4) !== -1) host = host.slice(4);

  if (host.length > 253) return fail('too_long', `The domain is ${host.length} characters long; the limit is 253.`);
  const labels = host.split('.');
  if (labels.length < 2) return fail('single_label', `"${host}" has no dot; a domain needs at least a name and a TLD.`);
  for (const label of labels) {
    if (label === '') return fail('invalid_label', `"${host}" contains an empty label (two dots in a row).`);
    if (label.length > 63) return fail('invalid_label', `A label of "${host}" is longer than 63 characters.`);
    if (!LDH_LABEL.test(label)) {
      return fail('invalid_label', `"${label}" may only contain letters, digits and inner hyphens.`);
    }
  }
  const tld = labels[labels.length - 1];
  if (tld.length < 2 || /^\d+$/.test(tld)) return fail('tld_invalid', `"${tld}" is not a valid top-level domain.`);

  // only punycode labels read differently in Unicode; skipping the UTS #46 pass for the rest halves the cost of a scan's first step
  const display = host.includes('xn--') ? domainToUnicode(host) : host;
  if (display === '') return fail('invalid_label', `"${host}" contains invalid punycode.`);
  return { ok: true, domain: host, display };
}
