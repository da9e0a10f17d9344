import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { fixtureZones, FIXTURE_DKIM_SELECTORS } from '../fixtures/dns-zones';
import { startDnsServer } from '../support/dns-server';
import type { DnsServerHandle } from '../support/dns-server';
import { startRdapServer } from '../support/whois-server';
import type { RdapServer } from '../support/whois-server';
import { resourcesCopy } from '../unit/config-temp-copy';

let dns: DnsServerHandle;
let rdap: RdapServer;
let dir: string;
let db: string;

const in10Days = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

async function hunter(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), errIsTty: false });
  return { code, out, err, json: () => out.map((l) => JSON.parse(l)) };
}

const scanArgs = () => ['--db', db, '--dns-server', dns.address, '--timeout', '300', '--tries', '2'];

beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
  rdap = await startRdapServer({
    'google-ws.test': {
      objectClassName: 'domain',
      ldhName: 'google-ws.test',
      events: [
        { eventAction: 'registration', eventDate: '2015-03-02T10:00:00Z' },
        { eventAction: 'expiration', eventDate: `${in10Days}T10:00:00Z` },
      ],
      entities: [{ roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', 'Fixture Registrar A.Ş.']]] }],
      nameservers: [{ ldhName: 'NS1.FIXTURE.TEST.' }],
    },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-cli-'));
  db = path.join(dir, 'hunter.db');
  // WHOIS for the .test TLD goes to the local RDAP server; DKIM probes the fixture selector list
  process.env.HUNTER_RESOURCES = resourcesCopy('tld_whois_servers.json', (json) => {
    json.rdap_servers = { '.test': rdap.url };
    json.tld_servers = {};
  });
  // the fixtures' .test names stand in for real company domains here, so imports must not flag them as reserved
  const rulesFile = path.join(process.env.HUNTER_RESOURCES, 'import_domain_rules.json');
  const rules = JSON.parse(fs.readFileSync(rulesFile, 'utf8'));
  rules.reserved_tlds = rules.reserved_tlds.filter((tld: string) => tld !== 'test');
  fs.writeFileSync(rulesFile, JSON.stringify(rules));
  fs.writeFileSync(
    path.join(process.env.HUNTER_RESOURCES, 'default-settings.json'),
    JSON.stringify({
      ...JSON.parse(fs.readFileSync(path.join(process.env.HUNTER_RESOURCES, 'default-settings.json'), 'utf8')),
      dkim_selectors: FIXTURE_DKIM_SELECTORS,
    }),
  );
});

afterAll(async () => {
  await dns.stop();
  await rdap.stop();
  delete process.env.HUNTER_RESOURCES;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hunter CLI', () => {
  it('scans mixed input to JSON Lines in input order, with reasons for rejected lines', async () => {
    const r = await hunter(
      'scan',
      'https://www.M365-Classic.test/contact',
      'N/A',
      'ceo@google-ws.test',
      '10.0.0.1',
      'selfhosted.test',
      'no-mx.test',
      ...scanArgs(),
      '--whois',
      'off',
      '--json',
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(1);
    const rows = r.json();
    expect(rows.map((j) => [j.domain, j.scan_status])).toEqual([
      ['m365-classic.test', 'completed'],
      ['N/A', 'invalid_domain'],
      ['google-ws.test', 'completed'],
      ['10.0.0.1', 'invalid_domain'],
      ['selfhosted.test', 'completed'],
      ['no-mx.test', 'completed'],
    ]);
    expect(rows[0]).toMatchObject({
      provider: 'M365',
      mx_records: ['m365-classic-test.mail.protection.outlook.com'],
      mx_root: 'outlook.com',
      spf: true,
      spf_lookup_count: 1,
      dmarc_policy: 'quarantine',
      dmarc_coverage: 50,
      segment: 'Existing',
      error: null,
    });
    expect(rows[1].error).toMatch(/placeholder/i);
    expect(rows[3].error).toMatch(/IP address/i);
    expect(rows[2]).toMatchObject({ provider: 'Google', segment: 'Migration', priority_category: 'P2' });
    // a self-hosted Cold lead is long nurturing, never the top bucket
    expect(rows[4]).toMatchObject({
      provider: 'Local',
      priority_category: 'P5',
      priority_label: 'Low Intent / Long Nurturing',
    });
    expect(rows[5]).toMatchObject({
      provider: 'Unknown',
      readiness_score: 0,
      segment: 'Skip',
      priority_category: 'P6',
    });
    expect(rows[5].risk_flags).toContain('mx_missing');
    // every field of the reference JSON shape is present
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining([
        'domain',
        'provider',
        'mx_records',
        'mx_root',
        'spf',
        'spf_lookup_count',
        'dkim',
        'dmarc_policy',
        'dmarc_coverage',
        'readiness_score',
        'segment',
        'priority_score',
        'technical_heat',
        'commercial_segment',
        'commercial_heat',
        'priority_category',
        'priority_label',
        'tags',
        'risk_flags',
        'scan_status',
        'error',
      ]),
    );
  });

  it('keeps the previous verdict when DNS stops answering, and never scores a timeout as missing', async () => {
    const first = await hunter('scan', 'selfhosted.test', ...scanArgs(), '--whois', 'off', '--json');
    const before = first.json()[0];
    // same domain, now against a server that never answers
    const silent = await startDnsServer({ zones: { names: { 'selfhosted.test': { blackhole: true } } } });
    const started = Date.now();
    const again = await hunter(
      'scan',
      'selfhosted.test',
      '--db',
      db,
      '--dns-server',
      silent.address,
      '--timeout',
      '300',
      '--tries',
      '2',
      '--whois',
      'off',
      '--json',
    );
    const elapsed = Date.now() - started;
    await silent.stop();
    const after = again.json()[0];
    expect(after.scan_status).toBe('dns_timeout');
    expect(after.readiness_score).toBe(before.readiness_score);
    expect(after.segment).toBe(before.segment);
    expect(after.priority_category).toBe(before.priority_category);
    expect(elapsed).toBeLessThan(300 * 2 + 1500);
    expect(again.code).toBe(1);
  });

  it('uses WHOIS/RDAP when on: expiry soon adds the tag and the risk flag', async () => {
    const r = await hunter('scan', 'google-ws.test', ...scanArgs(), '--whois', 'on', '--json');
    const row = r.json()[0];
    expect(row.tags).toContain('expire-soon');
    expect(row.tags).toContain('google-workspace');
    expect(row.risk_flags).toContain('expire_soon');
    const lead = await hunter('leads', '--db', db, '--json', '--search', 'GOOGLE-WS');
    expect(lead.json()).toHaveLength(1);
    expect(lead.json()[0]).toMatchObject({ domain: 'google-ws.test', expires_at: in10Days });
  });

  it('lists leads with filters, sorted by P category then score', async () => {
    const r = await hunter('leads', '--db', db, '--json');
    const categories = r.json().map((l) => l.priority_category);
    expect(categories).toEqual([...categories].sort());
    const onlyP5 = await hunter('leads', '--db', db, '--json', '--category', 'p5');
    expect(onlyP5.json().map((l) => l.domain)).toContain('selfhosted.test');
    expect(onlyP5.json().every((l) => l.priority_category === 'P5')).toBe(true);
    const bad = await hunter('leads', '--db', db, '--min-score', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--min-score must be a whole number/);
  });

  it('explains the score: every point with its reason, adding up to the stored score', async () => {
    const r = await hunter('breakdown', 'M365-CLASSIC.test', '--db', db, '--json');
    expect(r.code).toBe(0);
    const b = r.out.map((l) => JSON.parse(l))[0];
    const sum = b.base + b.items.reduce((s: number, i: { points: number }) => s + i.points, 0);
    expect(sum).toBe(b.raw_total);
    expect(b.total).toBe(Math.max(0, Math.min(100, b.raw_total)));
    expect(b.items.map((i: { rule: string }) => i.rule)).toContain('dmarc_quarantine');
    const missing = await hunter('breakdown', 'nobody.test', '--db', db);
    expect(missing.code).toBe(3);
  });

  it('prints the sales summary in Turkish and English, JSON or plain text', async () => {
    const tr = await hunter('summary', 'google-ws.test', '--db', db);
    expect(tr.code).toBe(0);
    expect(tr.out.join('\n')).toContain('google-ws.test');
    const en = await hunter('summary', 'google-ws.test', '--db', db, '--json', '--lang', 'en');
    const summary = JSON.parse(en.out.join('\n'));
    expect(summary.domain).toBe('google-ws.test');
    expect(summary.metadata).toMatchObject({ provider: 'Google', segment: 'Migration' });
    expect(summary.urgency).toBe('high'); // the domain expires within 60 days
    const badLang = await hunter('summary', 'google-ws.test', '--db', db, '--lang', 'de');
    expect(badLang.code).toBe(2);
  });

  it('imports a spreadsheet and exports the filtered view to CSV and XLSX', async () => {
    const csv = path.join(dir, 'leads.csv');
    fs.writeFileSync(csv, 'Firma,Web Sitesi\nYandex Müşteri,yandex-mail.test\nBozuk,http://\nZoho,zoho-mail.test\n');
    const imp = await hunter('import', csv, '--db', db);
    expect(imp.code).toBe(1);
    expect(imp.out[0]).toBe('imported 2 new, 0 updated, 1 rejected, 0 duplicates');
    expect(imp.err[0]).toMatch(/row 2: "http:\/\/" rejected/);

    const scan = await hunter('scan', '--file', csv, ...scanArgs(), '--whois', 'off', '--json');
    expect(scan.json().map((j) => j.scan_status)).toEqual(['completed', 'invalid_domain', 'completed']);

    // SPF + DKIM without DMARC: 50 points, Cold, Low Intent (P5)
    const out = path.join(dir, 'p5.csv');
    const exp = await hunter('export', '--db', db, '--format', 'csv', '--out', out, '--category', 'P5', '--lang', 'en');
    expect(exp.code).toBe(0);
    const lines = fs
      .readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['domain', 'domain_ascii', 'company_name']);
    const provider = lines[0].split(',').indexOf('provider');
    const exported = lines.slice(1).map((l) => [...l.split(',').slice(0, 3), l.split(',')[provider]]);
    expect(exported).toEqual(
      expect.arrayContaining([
        ['yandex-mail.test', 'yandex-mail.test', 'Yandex Müşteri', 'Yandex Mail'],
        ['zoho-mail.test', 'zoho-mail.test', 'Zoho', 'Zoho Mail'],
        ['selfhosted.test', 'selfhosted.test', '', 'Self-hosted'],
      ]),
    );
    expect(exported).toHaveLength(3);

    const xlsx = path.join(dir, 'all.xlsx');
    // without --lang the export follows the language setting (Turkish by default)
    await hunter('export', '--db', db, '--format', 'xlsx', '--out', xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('Adaylar')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Alan adı');
    expect(sheet.rowCount).toBeGreaterThan(5);
  });

  it('answers usage errors and missing files with exit codes, never a stack trace', async () => {
    expect((await hunter('frobnicate')).code).toBe(2);
    expect((await hunter('scan', '--db', db)).code).toBe(2);
    const nofile = await hunter('import', path.join(dir, 'missing.csv'), '--db', db);
    expect(nofile.code).toBe(3);
    expect(nofile.err.join('\n')).toMatch(/file not found/);
    const badFile = path.join(dir, 'x.pdf');
    fs.writeFileSync(badFile, '%PDF');
    const bad = await hunter('import', badFile, '--db', db);
    expect(bad.code).toBe(4);
    expect(bad.err.join('\n')).toMatch(/Unsupported file type/);
    expect(bad.err.join('\n')).not.toMatch(/\n\s+at /);
  });
});
