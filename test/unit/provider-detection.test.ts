import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config/load';
import { mxRoot } from '../../main/engine/mx-root';
import { detectProvider } from '../../main/engine/provider';
import { RESOURCES } from './config-temp-copy';

const config = loadConfig(RESOURCES);
const detect = (mx: string[], dkim_tenant: string | null = null) =>
  detectProvider({ mx_records: mx, dkim_tenant }, config);

describe('mxRoot', () => {
  it.each([
    ['xyz.mail.protection.outlook.com', 'outlook.com'],
    ['aspmx.l.google.com', 'google.com'],
    ['mail.turkhost.com.tr', 'turkhost.com.tr'],
    ['mx.okul.k12.tr', 'okul.k12.tr'],
    ['mail.ankara.bel.tr', 'ankara.bel.tr'],
    ['mx1.buro.av.tr', 'buro.av.tr'],
    ['mx.example.co.uk', 'example.co.uk'],
    ['MX.Example.COM.', 'example.com'],
    ['contoso-com.j-v1.mx.microsoft', 'mx.microsoft'],
    ['com.tr', 'com.tr'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, root) => {
    expect(mxRoot(host, config.mxRootSuffixes)).toBe(root);
  });

  it('is null for an empty host', () => {
    expect(mxRoot('.', config.mxRootSuffixes)).toBeNull();
  });
});

describe('detectProvider', () => {
  it.each([
    ['contoso-com.mail.protection.outlook.com', 'M365', 'outlook.com', 'large'],
    ['contoso-com.j-v1.mx.microsoft', 'M365', 'mx.microsoft', 'medium'],
    ['outlook-com.olc.protection.outlook.com', 'M365', 'outlook.com', 'small'],
    ['eur03.protection.outlook.com', 'M365', 'outlook.com', 'small'],
    ['outlook.office365.com', 'M365', 'office365.com', 'medium'],
    ['aspmx.l.google.com', 'Google', 'google.com', 'medium'],
    ['alt1.aspmx.l.google.com.', 'Google', 'google.com', 'medium'],
    ['smtp.google.com', 'Google', 'google.com', 'large'],
    ['aspmx2.googlemail.com', 'Google', 'googlemail.com', 'large'],
    ['mx.yandex.net', 'Yandex', 'yandex.net', null],
    ['mx.zoho.eu', 'Zoho', 'zoho.eu', null],
    ['inbound-smtp.eu-west-1.amazonaws.com', 'Amazon', 'amazonaws.com', null],
    ['mx.sendgrid.net', 'SendGrid', 'sendgrid.net', null],
    ['mxa.mailgun.org', 'Mailgun', 'mailgun.org', null],
    ['mx1.hostinger.com', 'Hosting', 'hostinger.com', null],
    // whole-label suffix only: these are not the providers their names resemble
    ['mail.outlook.com.tr', 'Local', 'outlook.com.tr', null],
    ['mailstore1.secureserver.net', 'Local', 'secureserver.net', null],
    ['mx.notgoogle.com', 'Local', 'notgoogle.com', null],
    ['in1-smtp.messagingengine.com', 'Local', 'messagingengine.com', null],
  ])('%s → %s (root %s, size %s)', (host, provider, root, size) => {
    expect(detect([host, 'backup.example.net'])).toEqual({
      provider,
      mx_root: root,
      local_provider: null,
      tenant_size: size,
      tenant_name: null,
    });
  });

  it('uses the primary (first) MX only', () => {
    expect(detect(['mail.example.com', 'aspmx.l.google.com']).provider).toBe('Local');
  });

  it('reports Unknown without MX and ignores null-MX placeholders', () => {
    const unknown = { provider: 'Unknown', mx_root: null, local_provider: null, tenant_size: null, tenant_name: null };
    expect(detect([])).toEqual(unknown);
    expect(detect(['.'])).toEqual(unknown);
  });

  it.each([
    ['mail.turkhost.com.tr', 'TürkHost'],
    ['mx.natrohost.com', 'Natro'],
    ['mx1.dns.com.tr', 'DNS'],
    ['mail.metu.edu.tr', 'ODTÜ'],
    ['mx.opendns.com', null],
    ['mail.mydns.com', null],
    ['mail.example.com', null],
  ])('local provider of %s is %s', (host, local) => {
    expect(detect([host])).toMatchObject({ provider: 'Local', local_provider: local });
  });

  it('passes the DKIM tenant through', () => {
    expect(detect(['contoso-com.mail.protection.outlook.com'], 'contoso.onmicrosoft.com').tenant_name).toBe(
      'contoso.onmicrosoft.com',
    );
  });
});
