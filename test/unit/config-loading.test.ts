import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, resourcesDir } from '../../main/config/load';
import { RESOURCES, resourcesCopy } from './config-temp-copy';

describe('resourcesDir', () => {
  const saved = process.env.HUNTER_RESOURCES;
  afterEach(() => {
    if (saved === undefined) delete process.env.HUNTER_RESOURCES;
    else process.env.HUNTER_RESOURCES = saved;
  });

  it('finds the project resources/ folder by walking up from the module', () => {
    delete process.env.HUNTER_RESOURCES;
    expect(resourcesDir()).toBe(RESOURCES);
  });

  it('is overridden by HUNTER_RESOURCES', () => {
    process.env.HUNTER_RESOURCES = '/opt/hunter/res';
    expect(resourcesDir()).toBe('/opt/hunter/res');
  });
});

describe('loadConfig', () => {
  const dirs: string[] = [];
  const copy = (...args: Parameters<typeof resourcesCopy>) => {
    const dir = resourcesCopy(...args);
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('loads and types every shipped file', () => {
    const config = loadConfig(RESOURCES);
    expect(config.providers.providers.map((p) => p.name)).toEqual([
      'M365',
      'Google',
      'Yandex',
      'Zoho',
      'Amazon',
      'SendGrid',
      'Mailgun',
      'Hosting',
      'Local',
      'Unknown',
    ]);
    expect(config.providers.providers[0].mx_roots).toContain('mx.microsoft');
    expect(config.rules.provider_points.M365).toBe(50);
    expect(config.rules.risk_points.dkim_none).toBe(-5);
    // the reference's string form ("mx_missing") is read as a boolean fact
    expect(config.rules.hard_fail_rules.map((r) => r.condition)).toEqual([{ nxdomain: true }, { mx_missing: true }]);
    expect(config.whois.tld_servers['.tr']).toBe('whois.nic.tr');
    expect(config.whois.rdap_servers['.com']).toBe('https://rdap.verisign.com/com/v1/domain/');
    expect(config.dkimSelectors.slice(0, 4)).toEqual(['selector1', 'selector2', 'google', 'default']);
    expect(config.mxRootSuffixes).toEqual(expect.arrayContaining(['com.tr', 'bel.tr', 'k12.tr', 'av.tr', 'co.uk']));
  });

  it('defaults to resourcesDir()', () => {
    expect(loadConfig().rules.base_score).toBe(0);
  });

  it('names the missing file', () => {
    const dir = copy();
    rmSync(join(dir, 'dkim_selectors.json'));
    expect(() => loadConfig(dir)).toThrow(`Config ${join(dir, 'dkim_selectors.json')}: ENOENT`);
  });

  it('names the file holding broken JSON', () => {
    const dir = copy();
    writeFileSync(join(dir, 'providers.json'), '{"providers": [');
    expect(() => loadConfig(dir)).toThrow(/^Config .*providers\.json: /);
  });

  it.each([
    [
      'rules.json',
      (r: any) => (r.provider_points.M365 = 'fifty'),
      'rules.json $.provider_points.M365: Expected number, received string',
    ],
    ['rules.json', (r: any) => delete r.fallbacks.segment_rules, 'rules.json $.fallbacks.segment_rules: Required'],
    [
      'rules.json',
      (r: any) => (r.segment_rules[1].segmnt = 'Cold'),
      "rules.json $.segment_rules[1]: Unrecognized key(s) in object: 'segmnt'",
    ],
    [
      'rules.json',
      (r: any) => (r.segment_rules[0].segment = 'Hot'),
      'rules.json $.segment_rules[0].segment: Invalid enum value',
    ],
    [
      'rules.json',
      (r: any) => (r.risk_points.spf_too_long = -5),
      'rules.json $.point_conditions: missing entry for points key "spf_too_long"',
    ],
    [
      'providers.json',
      (p: any) => (p.providers[2].mx_roots[0] = 'Yandex.RU'),
      'providers.json $.providers[2].mx_roots[0]: must be a lower-case host name',
    ],
    [
      'providers.json',
      (p: any) => (p.unmatched_provider = 'Locl'),
      'providers.json $.unmatched_provider: "Locl" is not a provider name',
    ],
    [
      'providers.json',
      (p: any) => (p.providers[0].tenant_size_rules[1].host_regex = '(['),
      'providers.json $.providers[0].tenant_size_rules[1]',
    ],
    [
      'tld_whois_servers.json',
      (w: any) => (w.rdap_servers['.com'] = 'http://rdap.example/'),
      'tld_whois_servers.json $.rdap_servers[".com"]',
    ],
    [
      'mx_root_suffixes.json',
      (s: any) => s.suffixes.unshift('tr'),
      'mx_root_suffixes.json $.suffixes[0]: must have at least two labels',
    ],
  ])('rejects a bad %s with file and JSON path in the message', (file, edit, message) => {
    expect(() => loadConfig(copy(file, edit))).toThrow(message);
  });
});
