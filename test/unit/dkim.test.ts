import { describe, expect, it } from 'vitest';
import { isDkimRecord, tenantFromDkimCname } from '../../main/engine/dns/dkim';

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

describe('tenantFromDkimCname', () => {
  it('takes the onmicrosoft.com initial domain from a Microsoft 365 selector CNAME', () => {
    expect(tenantFromDkimCname('selector1-contoso-com._domainkey.contoso.onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(tenantFromDkimCname('Selector2-Contoso-com._domainkey.ContosoLtd.onmicrosoft.com.')).toBe(
      'contosoltd.onmicrosoft.com',
    );
  });

  it('ignores CNAMEs into other providers', () => {
    expect(tenantFromDkimCname('s1.domainkey.u1234.wl.sendgrid.net')).toBeNull();
    expect(tenantFromDkimCname('selector1-x._domainkey.onmicrosoft.com.evil.test')).toBeNull();
  });
});
