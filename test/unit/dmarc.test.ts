import { describe, expect, it } from 'vitest';
import { checkDmarc, isDmarcRecord, parseDmarc } from '../../main/engine/dns/dmarc';

describe('isDmarcRecord', () => {
  it.each([
    ['v=DMARC1; p=none', true],
    ['v=dmarc1;p=reject', true],
    ['v = DMARC1 ; p=none', true],
    ['v=DMARC1', true],
    ['p=reject; v=DMARC1', false],
    ['v=DMARC10; p=none', false],
    ['v=spf1 -all', false],
  ])('%j → %s', (txt, expected) => {
    expect(isDmarcRecord(txt)).toBe(expected);
  });
});

describe('parseDmarc', () => {
  const policyOf = (record: string) => {
    const parsed = parseDmarc(record)!;
    return [parsed.policy, parsed.subdomain_policy];
  };

  it('reads p by tag, not by substring: sp=none does not lower p=reject', () => {
    expect(policyOf('v=DMARC1; p=reject; sp=none')).toEqual(['reject', 'none']);
  });

  it('reads values and tag names case-insensitively', () => {
    expect(policyOf('v=DMARC1; p=Reject')).toEqual(['reject', 'reject']);
    expect(policyOf('v=DMARC1; P=QUARANTINE; SP=None')).toEqual(['quarantine', 'none']);
  });

  it('sp inherits p', () => {
    expect(policyOf('v=DMARC1; p=quarantine')).toEqual(['quarantine', 'quarantine']);
  });

  it('a missing or invalid p or sp with a rua address acts as p=none (RFC 7489 §6.6.3)', () => {
    expect(policyOf('v=DMARC1; rua=mailto:d@x.test')).toEqual(['none', 'none']);
    expect(policyOf('v=DMARC1; p=block; rua=mailto:d@x.test')).toEqual(['none', 'none']);
    expect(policyOf('v=DMARC1; p=quarantine; sp=bogus; rua=mailto:d@x.test')).toEqual(['none', 'none']);
  });

  it('a missing or invalid p or sp without a usable rua gives no policy (RFC 7489 §6.6.3)', () => {
    expect(policyOf('v=DMARC1')).toEqual([null, null]);
    expect(policyOf('v=DMARC1; p=block')).toEqual([null, null]);
    expect(policyOf('v=DMARC1; p=quarantine; sp=bogus')).toEqual([null, null]);
    expect(policyOf('v=DMARC1; p=; rua=not a uri')).toEqual([null, null]);
  });

  it.each([
    ['v=DMARC1; p=none', 100],
    ['v=DMARC1; p=none; pct=50', 50],
    ['v=DMARC1; p=none; pct=0', 0],
    ['v=DMARC1; p=none; pct=150', 100],
    ['v=DMARC1; p=none; pct=-5', 0],
    ['v=DMARC1; p=none; pct=abc', 100],
  ])('%j → pct %i', (record, pct) => {
    expect(parseDmarc(record)!.pct).toBe(pct);
  });

  it('splits rua into trimmed URIs', () => {
    expect(parseDmarc('v=DMARC1; p=none; rua=mailto:a@x.test, mailto:b@y.test ,')!.rua).toEqual([
      'mailto:a@x.test',
      'mailto:b@y.test',
    ]);
  });

  it('keeps the first of a repeated tag', () => {
    expect(parseDmarc('v=DMARC1; p=reject; p=none')!.policy).toBe('reject');
  });

  it('returns null for text that is not DMARC', () => {
    expect(parseDmarc('v=spf1 -all')).toBeNull();
  });
});

describe('checkDmarc', () => {
  it('takes the first DMARC record among the TXT answers', () => {
    expect(checkDmarc({ status: 'ok', records: ['some-verification=1', 'v=DMARC1; p=quarantine; pct=25'] })).toEqual({
      present: true,
      record: 'v=DMARC1; p=quarantine; pct=25',
      policy: 'quarantine',
      subdomain_policy: 'quarantine',
      pct: 25,
      rua: [],
    });
  });

  it('is absent (pct null, not 100) when no record answers', () => {
    const absent = { present: false, record: null, policy: null, subdomain_policy: null, pct: null, rua: [] };
    expect(checkDmarc({ status: 'nxdomain' })).toEqual(absent);
    expect(checkDmarc({ status: 'nodata' })).toEqual(absent);
    expect(checkDmarc({ status: 'ok', records: ['v=spf1 -all'] })).toEqual(absent);
  });

  it('several DMARC records give no policy: present false, the first record and the reason kept', () => {
    expect(
      checkDmarc({ status: 'ok', records: ['v=DMARC1; p=reject; rua=mailto:a@x.test', 'v=DMARC1; p=none'] }),
    ).toEqual({
      present: false,
      record: 'v=DMARC1; p=reject; rua=mailto:a@x.test',
      error: 'multiple_records',
      policy: null,
      subdomain_policy: null,
      pct: null,
      rua: ['mailto:a@x.test'],
    });
  });

  it('a record without a valid p and without rua gives no policy; with rua it is p=none', () => {
    expect(checkDmarc({ status: 'ok', records: ['v=DMARC1; p=strict'] })).toMatchObject({
      present: false,
      record: 'v=DMARC1; p=strict',
      error: 'invalid_policy',
      policy: null,
    });
    expect(checkDmarc({ status: 'ok', records: ['v=DMARC1; rua=mailto:r@x.test'] })).toMatchObject({
      present: true,
      policy: 'none',
      pct: 100,
    });
  });

  it('is unknown, not absent, when the lookup failed', () => {
    expect(checkDmarc({ status: 'unknown', code: 'ETIMEOUT' })).toEqual({
      present: null,
      record: null,
      policy: null,
      subdomain_policy: null,
      pct: null,
      rua: [],
    });
  });
});
