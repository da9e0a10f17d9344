import { describe, expect, it } from 'vitest';
import { longestSuffixMatch, normaliseSuffixMap } from '../../main/engine/whois/suffix';
import { decodeAnswer, parseServerAddress } from '../../main/engine/whois/port43-client';
import { cleanNameservers } from '../../main/engine/whois/fields';

describe('suffix maps', () => {
  const map = normaliseSuffixMap({ '.TR': 'tr-server', 'com.tr': 'comtr-server', '.com': 'com-server', '.empty': ' ' });

  it('normalises keys to lower-case with a leading dot and drops empty values', () => {
    expect([...map.entries()]).toEqual([
      ['.tr', 'tr-server'],
      ['.com.tr', 'comtr-server'],
      ['.com', 'com-server'],
    ]);
  });

  it('prefers the longest proper suffix', () => {
    expect(longestSuffixMatch('shop.ornek.com.tr', map)).toBe('comtr-server');
    expect(longestSuffixMatch('ornek.gov.tr', map)).toBe('tr-server');
    expect(longestSuffixMatch('contoso.com', map)).toBe('com-server');
    expect(longestSuffixMatch('contoso.org', map)).toBeNull();
    expect(longestSuffixMatch('com', map)).toBeNull();
  });
});

describe('port-43 helpers', () => {
  it('parses host and host:port', () => {
    expect(parseServerAddress('whois.nic.tr')).toEqual({ host: 'whois.nic.tr', port: 43 });
    expect(parseServerAddress(' 127.0.0.1:4343 ')).toEqual({ host: '127.0.0.1', port: 4343 });
  });

  it('decodes UTF-8, and falls back to windows-1254 for legacy Turkish answers', () => {
    expect(decodeAnswer(Buffer.from('Bilişim', 'utf8'))).toBe('Bilişim');
    expect(decodeAnswer(Buffer.from([0x42, 0x69, 0x6c, 0x69, 0xfe, 0x69, 0x6d, 0x20, 0xdd]))).toBe('Bilişim İ');
  });
});

describe('cleanNameservers', () => {
  it('lower-cases, strips the root dot, drops non-hosts, keeps first-seen order', () => {
    expect(
      cleanNameservers(['NS2.X.COM.', 'ns1.x.com', 'ns2.x.com', 'not defined', '192.0.2.1', 'localhost', '']),
    ).toEqual(['ns2.x.com', 'ns1.x.com']);
  });
});
