import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRdap } from '../../main/engine/whois/rdap-parse';

const contoso: unknown = JSON.parse(
  readFileSync(new URL('../support/whois-fixtures/rdap-contoso.com.json', import.meta.url), 'utf8'),
);

describe('parseRdap', () => {
  it('takes registrar fn, registration/expiration events and de-duplicated ldhNames', () => {
    expect(parseRdap(contoso)).toEqual({
      registrar: 'Example Registrar, Inc.',
      created_at: '1998-03-27',
      expires_at: '2027-03-28',
      nameservers: ['ns1-01.azure-dns.com', 'ns2-01.azure-dns.net'],
    });
  });

  it('falls back to the vCard org and finds a registrar nested in another entity', () => {
    const body = {
      entities: [
        {
          roles: ['registrant'],
          entities: [
            {
              roles: ['registrar'],
              vcardArray: [
                'vcard',
                [
                  ['version', {}, 'text', '4.0'],
                  ['org', {}, 'text', 'Nested Registrar AG'],
                ],
              ],
            },
          ],
        },
      ],
    };
    expect(parseRdap(body)).toEqual({
      registrar: 'Nested Registrar AG',
      created_at: null,
      expires_at: null,
      nameservers: [],
    });
  });

  it('survives wrong types anywhere', () => {
    const body = {
      entities: 'x',
      events: [null, 3, { eventAction: 'expiration', eventDate: 42 }],
      nameservers: [{ ldhName: 7 }, 'ns.x'],
    };
    expect(parseRdap(body)).toEqual({ registrar: null, created_at: null, expires_at: null, nameservers: [] });
    expect(parseRdap([1, 2])).toBeNull();
    expect(parseRdap('domain')).toBeNull();
    expect(parseRdap(null)).toBeNull();
  });
});
