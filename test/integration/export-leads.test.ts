import { loadConfig } from '../../main/config/load';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLeads, neutraliseCell } from '../../main/services/export-leads';
import { createSettingsService } from '../../main/services/settings';
import { scanResult } from '../support/fixtures-scan';
import { openTempStore, type TempStore } from '../support/temp-store';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');
const NOW = new Date('2026-11-29T20:00:00Z');

let t: TempStore;
let ctx: Parameters<typeof exportLeads>[0];

beforeEach(() => {
  t = openTempStore();
  ctx = {
    store: t.store,
    resources: RESOURCES,
    settings: createSettingsService(t.store, RESOURCES),
    config: loadConfig(RESOURCES),
  };
  t.store.leads.addLeads([
    {
      domain: 'acme.com.tr',
      domain_display: 'acme.com.tr',
      company_name: '=HYPERLINK("http://evil.test","tıkla")',
      city: 'İstanbul',
      contact_email: 'satis@acme.com.tr',
      contact_phone: '+90 212 555 01 02',
    },
    { domain: 'beta.com', domain_display: 'beta.com', company_name: 'Beta' },
  ]);
  t.store.leads.saveScanResults([
    scanResult({
      domain: 'acme.com.tr',
      scanned_at: '2026-11-29T19:53:00.000Z',
      provider: 'Google Workspace',
      segment: 'Migration',
      category: 'P1',
      score: 85,
      expires_at: '2027-01-15',
    }),
  ]);
});
afterEach(() => t.cleanup());

function csvOf(content: Buffer, delimiter: string) {
  const text = content.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, delimiter, skipEmptyLines: true }).data;
}

describe('lead export', () => {
  it('neutralises text cells a spreadsheet would run as formulas, and only those', () => {
    for (const lead of ['=1+1', '+90 212', '-5', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseCell(lead)).toBe(`'${lead}`);
    expect(neutraliseCell('Acme = best')).toBe('Acme = best');
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
  });

  it('writes Turkish CSV with ";", Turkish headers and labels, local times and the contact, next step and offer columns', async () => {
    const file = await exportLeads(ctx, {}, { format: 'csv', lang: 'tr', now: NOW, timeZone: 'Europe/Istanbul' });
    expect(file.file_name).toBe('adaylar_2026-11-29_20-00-00.csv');
    const header = file.content.toString('utf8').slice(1).split(/\r?\n/)[0];
    expect(header.split(';').slice(0, 6)).toEqual([
      'Alan adı',
      'Alan adı (ASCII)',
      'Firma',
      'Şehir',
      'E-posta',
      'Telefon',
    ]);
    const rows = csvOf(file.content, ';');
    const acme = rows.find((r) => r['Alan adı'] === 'acme.com.tr')!;
    expect(acme).toMatchObject({
      Firma: `'=HYPERLINK("http://evil.test","tıkla")`,
      Şehir: 'İstanbul',
      'E-posta': 'satis@acme.com.tr',
      Telefon: `'+90 212 555 01 02`,
      Sağlayıcı: 'Google Workspace',
      Puan: '85',
      Segment: 'Geçiş',
      'Son tarama': '29.11.2026 22:53',
      'Alan adı bitişi': '15.01.2027',
      'Tarama durumu': 'Tarandı',
    });
    expect(acme['Sonraki adım']).toMatch(/^(Ara|E-posta gönder|Bekle)$/);
    expect(acme['Ne zaman']).toMatch(/içinde$/);
    expect(acme['Sonraki adım notu'].length).toBeGreaterThan(10);
    expect(acme.Teklif).toMatch(/^(Business Basic|Business Standard|Enterprise)$/);
    const beta = rows.find((r) => r['Alan adı'] === 'beta.com')!;
    expect(beta).toMatchObject({ 'Tarama durumu': 'Taranmadı', 'Son tarama': '', Şehir: '' });
  });

  it('writes English CSV with ",", machine headers and ISO times', async () => {
    const file = await exportLeads(ctx, {}, { format: 'csv', lang: 'en', now: NOW });
    expect(file.file_name).toBe('leads_2026-11-29_20-00-00.csv');
    const acme = csvOf(file.content, ',').find((r) => r.domain === 'acme.com.tr')!;
    expect(acme).toMatchObject({
      company_name: `'=HYPERLINK("http://evil.test","tıkla")`,
      city: 'İstanbul',
      segment: 'Migration',
      scanned_at: '2026-11-29T19:53:00.000Z',
      expires_at: '2027-01-15',
      scan_status: 'completed',
    });
    expect(acme.next_step_action).toMatch(/^(call|email|wait)$/);
  });

  it('writes XLSX cells as plain text values, never formulas', async () => {
    const file = await exportLeads(ctx, {}, { format: 'xlsx', lang: 'tr', now: NOW, timeZone: 'Europe/Istanbul' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Adaylar')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Alan adı');
    const company = sheet.getRow(2).getCell(3);
    expect(company.type).toBe(ExcelJS.ValueType.String);
    expect(company.value).toBe('=HYPERLINK("http://evil.test","tıkla")');
  });
});
