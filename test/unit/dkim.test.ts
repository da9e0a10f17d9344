import { describe, expect, it } from 'vitest';
import type { DnsAnswer, DnsClient } from '../../main/engine/dns/client';
import { checkDkim, dkimKeyState, isDkimRecord, tenantFromDkimCname } from '../../main/engine/dns/dkim';

describe('isDkimRecord', () => {
  it.each([
    ['v=DKIM1; k=rsa; p=MIGfMA0GCSq', true],
    ['v=dkim1; p=abc', true],
    ['k=rsa; p=MIGf', true],
    ['p=MIGfMA0', true],
    ['v=DKIM1', true],
    ['  k=ed25519; p=11qYAYKxCrfVS', true],
    ['v=spf1 include:x.test -all', false],
    ['google-site-verification=keep=p', false],
    ['', false],
  ])('%j → %s', (txt, expected) => {
    expect(isDkimRecord(txt)).toBe(expected);
  });
});

describe('dkimKeyState', () => {
  it.each([
    ['v=DKIM1; k=rsa; p=MIGfMA0GCSq', 'key'],
    ['p=MIGf MA0', 'key'],
    ['v=DKIM1; k=rsa; p=', 'revoked'],
    ['v=DKIM1; p= ; t=y', 'revoked'],
    ['v=DKIM1; k=rsa', null],
    ['v=spf1 -all', null],
  ])('%j → %s (an empty p= is a revoked key, RFC 6376 §3.6.1)', (txt, expected) => {
    expect(dkimKeyState(txt)).toBe(expected);
  });
});

describe('tenantFromDkimCname', () => {
  it('takes the onmicrosoft.com initial domain from a Microsoft 365 selector CNAME', () => {
    expect(tenantFromDkimCname('selector1-contoso-com._domainkey.contoso.onmicrosoft.com')).toBe(
      'contoso.onmicrosoft.com',
    );
    expect(tenantFromDkimCname('Selector2-Contoso-com._domainkey.ContosoLtd.onmicrosoft.com.')).toBe(
      'contosoltd.onmicrosoft.com',
    );
  });

  it('ignores CNAMEs into other providers', () => {
    expect(tenantFromDkimCname('s1.domainkey.u1234.wl.sendgrid.net')).toBeNull();
    expect(tenantFromDkimCname('selector1-x._domainkey.onmicrosoft.com.evil.test')).toBeNull();
  });
});

describe('checkDkim', () => {
  const KEY = 'v=DKIM1; k=rsa; p=MIGf';
  /** A client answering `<selector>._domainkey.x.test` TXT from a table; every name it was asked is recorded. */
  function fakeClient(answers: Record<string, DnsAnswer<string[]>>) {
    const asked: string[] = [];
    const client: DnsClient = {
      async query(name: string) {
        const selector = name.split('._domainkey.')[0];
        asked.push(selector);
        return (answers[selector] ?? { status: 'nxdomain' }) as never;
      },
      stats: () => {
        throw new Error('not used');
      },
    };
    return { client, asked };
  }
  const ALL = ['default', 'google', 'selector1', 'selector2', 'k1'];

  it('stops after the hinted selectors when one of them holds a key', async () => {
    const { client, asked } = fakeClient({
      google: { status: 'ok', records: [KEY] },
      default: { status: 'ok', records: [KEY] },
    });
    expect(await checkDkim('x.test', ALL, client, ['google'])).toEqual({
      present: true,
      selectors: [{ selector: 'google', cname: null }],
      tenant_name: null,
    });
    expect(asked).toEqual(['google']);
  });

  it('probes the rest of the list, each selector once, when no hinted selector holds a key', async () => {
    const { client, asked } = fakeClient({ default: { status: 'ok', records: [KEY] } });
    expect(await checkDkim('x.test', ALL, client, ['zoho', 'Google'])).toEqual({
      present: true,
      selectors: [{ selector: 'default', cname: null }],
      tenant_name: null,
    });
    expect(asked).toEqual(['zoho', 'google', 'default', 'selector1', 'selector2', 'k1']);
  });

  it('probes the whole list at once without hints', async () => {
    const { client, asked } = fakeClient({});
    expect(await checkDkim('x.test', ALL, client)).toEqual({ present: false, selectors: [], tenant_name: null });
    expect(asked).toEqual(ALL);
  });

  it('takes the Microsoft 365 tenant from the CNAME chain of a selector without a key', async () => {
    const { client } = fakeClient({
      selector1: { status: 'nodata', cnames: ['selector1-x-test._domainkey.contoso.onmicrosoft.com'] },
    });
    expect(await checkDkim('x.test', ALL, client, ['selector1', 'selector2'])).toEqual({
      present: false,
      selectors: [],
      tenant_name: 'contoso.onmicrosoft.com',
    });
  });

  it('a selector whose key is revoked (empty p=) is not DKIM; it is named in revoked_selectors', async () => {
    const { client } = fakeClient({ selector1: { status: 'ok', records: ['v=DKIM1; k=rsa; p='] } });
    expect(await checkDkim('x.test', ALL, client, ['selector1'])).toEqual({
      present: false,
      selectors: [],
      tenant_name: null,
      revoked_selectors: ['selector1'],
    });
  });

  it('a revoked old selector next to a live key is still DKIM', async () => {
    const { client } = fakeClient({
      selector1: { status: 'ok', records: ['v=DKIM1; p='] },
      selector2: { status: 'ok', records: [KEY] },
    });
    expect((await checkDkim('x.test', ALL, client)).present).toBe(true);
  });

  it('reports the CNAME of a hit and is unknown only when nothing hit and something did not answer', async () => {
    const hit = fakeClient({
      selector1: { status: 'ok', records: [KEY], cnames: ['selector1-x-test._domainkey.contoso.onmicrosoft.com'] },
      k1: { status: 'unknown', code: 'ETIMEOUT' },
    });
    expect(await checkDkim('x.test', ALL, hit.client)).toEqual({
      present: true,
      selectors: [{ selector: 'selector1', cname: 'selector1-x-test._domainkey.contoso.onmicrosoft.com' }],
      tenant_name: 'contoso.onmicrosoft.com',
    });
    const unknown = fakeClient({ k1: { status: 'unknown', code: 'ETIMEOUT' } });
    expect((await checkDkim('x.test', ALL, unknown.client, ['selector1'])).present).toBeNull();
  });
});
