import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseSpf } from '../../main/engine/dns/spf';

describe('isSpfRecord', () => {
  it.each([
    ['v=spf1 -all', true],
    ['V=SPF1 include:x.test -all', true],
    ['v=spf1', true],
    ['v=spf10 -all', false],
    [' v=spf1 -all', false],
    ['google-site-verification=v=spf1', false],
  ])('%j → %s', (txt, expected) => {
    expect(isSpfRecord(txt)).toBe(expected);
  });
});

describe('parseSpf', () => {
  it('splits mechanisms with qualifiers and values, and modifiers', () => {
    expect(parseSpf('v=spf1 ip4:192.0.2.0/24 ~include:Spf.Example.TEST. -ALL exp=why.test').terms).toEqual([
      { kind: 'mechanism', qualifier: '+', name: 'ip4', value: '192.0.2.0' },
      { kind: 'mechanism', qualifier: '~', name: 'include', value: 'Spf.Example.TEST.' },
      { kind: 'mechanism', qualifier: '-', name: 'all', value: null },
      { kind: 'modifier', name: 'exp', value: 'why.test' },
    ]);
  });

  it('keeps ip6 values whole', () => {
    expect(parseSpf('v=spf1 ip6:2001:db8::/32 -all').terms[0]).toEqual({
      kind: 'mechanism',
      qualifier: '+',
      name: 'ip6',
      value: '2001:db8::',
    });
  });

  it('counts include, a, mx, ptr, exists and redirect, each once', () => {
    const parsed = parseSpf('v=spf1 include:a.test a a:b.test/24 mx mx:c.test ptr exists:d.test redirect=e.test');
    expect(parsed.lookupCount).toBe(8);
    expect(parsed.includes).toEqual(['a.test']);
    expect(parsed.redirect).toBe('e.test');
  });

  it('does not count exp= or the non-lookup mechanisms', () => {
    expect(parseSpf('v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 all exp=explain.test').lookupCount).toBe(0);
  });

  it('counts a macro term as one lookup', () => {
    const parsed = parseSpf('v=spf1 exists:%{i}._spf.example.test include:%{d}.spf.test -all');
    expect(parsed.lookupCount).toBe(2);
    expect(parsed.includes).toEqual(['%{d}.spf.test']);
  });

  it('ignores redirect when the record has an all mechanism (RFC 7208 §6.1)', () => {
    const parsed = parseSpf('v=spf1 mx ~all redirect=other.test');
    expect(parsed.redirect).toBeNull();
    expect(parsed.lookupCount).toBe(1);
  });

  it('normalises include targets: lower case, no trailing dot', () => {
    expect(parseSpf('v=spf1 include:SPF.Protection.Outlook.com. -all').includes).toEqual([
      'spf.protection.outlook.com',
    ]);
  });

  it('skips terms that fit no grammar and does not count them', () => {
    const parsed = parseSpf('v=spf1 :bogus include:ok.test -all');
    expect(parsed.terms.map((t) => t.name)).toEqual(['include', 'all']);
    expect(parsed.lookupCount).toBe(1);
  });
});
