import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isNoMatchAnswer, parseWhoisText } from '../../main/engine/whois/text-parse';

const fixture = (name: string) => readFileSync(new URL(`../support/whois-fixtures/${name}`, import.meta.url), 'utf8');

describe('parseWhoisText', () => {
  it('reads the ICANN / Verisign key: value layout and ignores the boilerplate', () => {
    expect(parseWhoisText(fixture('whois-verisign-fabrikam.com.txt'))).toEqual({
      registrar: 'Fabrikam Names LLC',
      created_at: '2004-06-15',
      expires_at: '2026-06-15',
      nameservers: ['ns1.fabrikam.com', 'ns2.fabrikam.com'],
    });
  });

  it('reads the nic.tr layout: ** blocks, dotted keys, 2001-Feb-09. dates, glue after hosts', () => {
    expect(parseWhoisText(fixture('whois-nictr-ornek.com.tr.txt'))).toEqual({
      registrar: 'Kuzey Bilişim Hizmetleri A.Ş.',
      created_at: '2001-02-09',
      expires_at: '2027-02-08',
      nameservers: ['ns1.kuzeyhost.com.tr', 'ns2.kuzeyhost.com.tr'],
    });
  });

  it('reads the nominet layout: indented blocks, [Tag = ...] stripped, IPv6 glue', () => {
    expect(parseWhoisText(fixture('whois-nominet-contoso.co.uk.txt'))).toEqual({
      registrar: 'Example Registrar Ltd t/a Example Names',
      created_at: '2003-01-15',
      expires_at: '2026-01-15',
      nameservers: ['ns1.contoso.co.uk', 'ns2.contoso.co.uk'],
    });
  });

  it('reads the RIPE-style layout (tcinet .ru): nserver with trailing dot, paid-till, % comments', () => {
    const text = [
      '% TCI Whois Service. Terms of use:',
      '% https://tcinet.example/whois',
      '',
      'domain:        ORNEK.RU',
      'nserver:       ns1.ornek.ru. 192.0.2.1',
      'nserver:       ns2.ornek.ru.',
      'state:         REGISTERED, DELEGATED, VERIFIED',
      'org:           Ornek LLC',
      'registrar:     RU-CENTER-RU',
      'created:       2004-03-03T21:00:00Z',
      'paid-till:     2026-03-04T21:00:00Z',
      'free-date:     2026-04-05',
      'source:        TCI',
    ].join('\n');
    expect(parseWhoisText(text)).toEqual({
      registrar: 'RU-CENTER-RU',
      created_at: '2004-03-03',
      expires_at: '2026-03-04',
      nameservers: ['ns1.ornek.ru', 'ns2.ornek.ru'],
    });
  });

  it('reads the jprs bracket layout with 2026/01/15 dates', () => {
    const text = [
      '[ JPRS database provides information on network administration. ]',
      '',
      'Domain Information:',
      'a. [Domain Name]                ORNEK.JP',
      'p. [Name Server]                ns1.ornek.jp',
      'p. [Name Server]                ns2.ornek.jp',
      '[Created on]                    2001/05/08',
      '[Expires on]                    2026/05/31',
      '[Status]                        Active',
    ].join('\n');
    expect(parseWhoisText(text)).toEqual({
      registrar: null,
      created_at: '2001-05-08',
      expires_at: '2026-05-31',
      nameservers: ['ns1.ornek.jp', 'ns2.ornek.jp'],
    });
  });

  it('reads the nic.it layout: colon-less block headers, Organization inside the Registrar block', () => {
    const text = [
      'Domain:             esempio.it',
      'Status:             ok',
      'Created:            1999-12-10 00:00:00',
      'Last Update:        2025-05-07 00:52:01',
      'Expire Date:        2026-04-21',
      '',
      'Registrar',
      '  Organization:     Registrar Esempio S.r.l.',
      '  Name:             ESEMPIO-REG',
      '  Web:              https://registrar.example',
      '',
      'Nameservers',
      '  dns1.esempio.it',
      '  dns2.esempio.it',
    ].join('\n');
    expect(parseWhoisText(text)).toEqual({
      registrar: 'Registrar Esempio S.r.l.',
      created_at: '1999-12-10',
      expires_at: '2026-04-21',
      nameservers: ['dns1.esempio.it', 'dns2.esempio.it'],
    });
  });

  it('reads registro.br compact dates and 15.01.2026 dates; skips a date it cannot read', () => {
    const br = [
      'domain:      exemplo.com.br',
      'nserver:     a.dns.exemplo.com.br',
      'created:     19990101 #12345',
      'expires:     20270101',
    ].join('\n');
    expect(parseWhoisText(br)).toEqual({
      registrar: null,
      created_at: '1999-01-01',
      expires_at: '2027-01-01',
      nameservers: ['a.dns.exemplo.com.br'],
    });
    const dotted = [
      'Registered on: before Aug-1996',
      'Registration Date: 15.01.1996',
      'Expiration Date: 15.01.2026',
    ].join('\n');
    expect(parseWhoisText(dotted)).toEqual({
      registrar: null,
      created_at: '1996-01-15',
      expires_at: '2026-01-15',
      nameservers: [],
    });
  });

  it('does not swallow the following fields after an empty "Name Server:" line', () => {
    const text = ['Registrar: Thin Registrar', 'Name Server:', 'Registry Expiry Date: 2030-12-31T00:00:00Z'].join(
      '\r\n',
    );
    expect(parseWhoisText(text)).toEqual({
      registrar: 'Thin Registrar',
      created_at: null,
      expires_at: '2030-12-31',
      nameservers: [],
    });
  });

  it('finds nothing in garbage', () => {
    expect(parseWhoisText('\u0000\u0001 lorem ipsum: dolor\n%%%%\n<<<>>>')).toEqual({
      registrar: null,
      created_at: null,
      expires_at: null,
      nameservers: [],
    });
  });
});

describe('isNoMatchAnswer', () => {
  it('recognises registry "not registered" answers', () => {
    expect(isNoMatchAnswer('No match for "NOPE.COM".\r\n>>> Last update of whois database')).toBe(true);
    expect(isNoMatchAnswer('** No match found for nope.com.tr')).toBe(true);
    expect(isNoMatchAnswer('%ERROR:101: no entries found')).toBe(true);
    expect(isNoMatchAnswer('lorem ipsum')).toBe(false);
  });
});
