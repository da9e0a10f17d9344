import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../main/engine/normalize';

describe('normalizeDomain accepts', () => {
  it.each([
    // reference §1.1 observed rows (bugs fixed: IDN works, IPs rejected)
    ['WWW.Example.COM', 'example.com', 'example.com'],
    ['https://www.example.com/path?x=1', 'example.com', 'example.com'],
    ['http://EXAMPLE.com:8080/', 'example.com', 'example.com'],
    ['example.com.', 'example.com', 'example.com'],
    ['  www.test.com.tr  ', 'test.com.tr', 'test.com.tr'],
    ['sub.domain.co.uk', 'sub.domain.co.uk', 'sub.domain.co.uk'],
    ['www.www.example.com', 'www.example.com', 'www.example.com'],
    ['münchen.de', 'xn--mnchen-3ya.de', 'münchen.de'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de', 'münchen.de'],
    ['şirket.com.tr', 'xn--irket-idb.com.tr', 'şirket.com.tr'],
    // e-mails: part after the LAST @
    ['info@example.com', 'example.com', 'example.com'],
    ['a@b@c.com', 'c.com', 'c.com'],
    ['John Doe <John.Doe@Example.COM>', 'example.com', 'example.com'],
    ['mailto:sales@acme.com.tr', 'acme.com.tr', 'acme.com.tr'],
    // URLs: scheme, userinfo, port, path, query, fragment dropped
    ['https://user:pw@shop.example.org:8443/a/b?q=1#top', 'shop.example.org', 'shop.example.org'],
    ['HTTP://Example.com#frag', 'example.com', 'example.com'],
    ['example.com/contact', 'example.com', 'example.com'],
    ['www.example.com?ref=x', 'example.com', 'example.com'],
    // wrappers and trailing dots
    ['"example.com"', 'example.com', 'example.com'],
    ["'example.com'", 'example.com', 'example.com'],
    ['<example.com>', 'example.com', 'example.com'],
    ['example.com..', 'example.com', 'example.com'],
    ['\t EXAMPLE.COM \n', 'example.com', 'example.com'],
    // www. is only removed when a registrable name remains
    ['www.com', 'www.com', 'www.com'],
    // Turkish capitals: the result must not depend on the OS locale
    ['ISTANBUL.COM.TR', 'istanbul.com.tr', 'istanbul.com.tr'],
    ['İZMİR.com.tr', 'xn--izmir-7fdd.com.tr', 'i̇zmi̇r.com.tr'],
    ['ŞİRKET.COM.TR', 'xn--irket-idb380a.com.tr', 'şi̇rket.com.tr'],
    ['EXAMPLE。COM', 'example.com', 'example.com'],
    ['a-b--c.example', 'a-b--c.example', 'a-b--c.example'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah', '例え.テスト'],
  ])('%j → %s', (raw, domain, display) => {
    expect(normalizeDomain(raw)).toEqual({ ok: true, domain, display });
  });

  it('accepts 63-character labels and 253-character names', () => {
    const label = 'a'.repeat(63);
    const name = `${label}.${label}.${label}.${'b'.repeat(57)}.com`;
    expect(name).toHaveLength(253);
    expect(normalizeDomain(name)).toEqual({ ok: true, domain: name, display: name });
  });
});

describe('normalizeDomain rejects', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['""', 'empty'],
    ['nan', 'placeholder'],
    ['NaN', 'placeholder'],
    ['N/A', 'placeholder'],
    ['na', 'placeholder'],
    ['None', 'placeholder'],
    ['null', 'placeholder'],
    ['-', 'placeholder'],
    ['Web Sitesi', 'placeholder'],
    ['website', 'placeholder'],
    ['http', 'placeholder'],
    ['HTTPS', 'placeholder'],
    ['WEBSITE', 'placeholder'],
    ['Yok', 'placeholder'],
    ['BELİRTİLMEMİŞ', 'placeholder'],
    ['\u2014', 'placeholder'],
    ['http://', 'scheme_only'],
    ['https:///', 'scheme_only'],
    ['ftp://example.com', 'unsupported_scheme'],
    ['123.45.67.89', 'ip_address'],
    ['http://10.0.0.1:8080/x', 'ip_address'],
    ['2001:db8::1', 'ip_address'],
    ['http://[2001:db8::1]:443/', 'ip_address'],
    ['localhost', 'single_label'],
    ['www.', 'single_label'],
    ['ex_ample.com', 'invalid_label'],
    ['_dmarc.example.com', 'invalid_label'],
    ['-bad.com', 'invalid_label'],
    ['bad-.com', 'invalid_label'],
    ['example..com', 'invalid_label'],
    ['a..b', 'invalid_label'],
    [`${'a'.repeat(64)}.com`, 'invalid_label'],
    ['exa mple.com', 'invalid_label'],
    ['a.com, b.com', 'invalid_label'],
    ['xn--zz.com', 'invalid_label'],
    ['a.b', 'tld_invalid'],
    ['example.123', 'tld_invalid'],
    ['999.1.1.1', 'tld_invalid'],
    [`${'a'.repeat(60)}.`.repeat(5) + 'com', 'too_long'],
  ])('%j → %s', (raw, code) => {
    const result = normalizeDomain(raw);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ code });
  });

  it('explains the rejection in English', () => {
    expect(normalizeDomain('localhost')).toEqual({
      ok: false,
      code: 'single_label',
      message: '"localhost" has no dot; a domain needs at least a name and a TLD.',
    });
    expect(normalizeDomain('N/A')).toEqual({
      ok: false,
      code: 'placeholder',
      message: '"N/A" is a placeholder, not a domain.',
    });
    expect(normalizeDomain('123.45.67.89')).toEqual({
      ok: false,
      code: 'ip_address',
      message: '123.45.67.89 is an IP address, not a domain.',
    });
  });
});
