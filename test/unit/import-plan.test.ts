import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImportFile } from '../../main/services/import-file';
import { AppError } from '../../main/core/app-error';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('import planning', () => {
  it('detects Turkish headers and takes the domain from the website, then the e-mail column', async () => {
    const plan = await planImportFile(
      'leads.csv',
      csv('Firma Ünvanı;Web Sitesi;E-posta\nAcme A.Ş.;https://www.Acme.com.tr/iletisim;\nBeta Ltd;;ali@beta.com\n'),
      RESOURCES,
    );
    expect(plan.preview.columns).toEqual({
      domain: null,
      company: 'Firma Ünvanı',
      email: 'E-posta',
      website: 'Web Sitesi',
      phone: null,
      city: null,
    });
    expect(plan.leads.map((l) => [l.domain, l.company_name, l.contact_email])).toEqual([
      ['acme.com.tr', 'Acme A.Ş.', null],
      ['beta.com', 'Beta Ltd', 'ali@beta.com'],
    ]);
  });

  it('lists rejected rows with the reason and counts duplicates separately', async () => {
    const plan = await planImportFile(
      'leads.csv',
      csv('company,website\nA,a.com\nB,N/A\nC,192.168.1.10\nD,https://A.com/\nE,localhost\n'),
      RESOURCES,
    );
    expect(plan.preview.total).toBe(5);
    expect(plan.preview.valid).toBe(1);
    expect(plan.preview.duplicates).toBe(1);
    expect(plan.preview.rejected).toBe(3);
    const byRow = Object.fromEntries(plan.rows.map((r) => [r.row, r.error]));
    expect(byRow).toEqual({ 1: null, 2: 'placeholder', 3: 'ip_address', 4: 'duplicate', 5: 'single_label' });
    // problems first in the preview, so a user sees them without scrolling
    expect(plan.preview.rows[0].row).toBe(2);
  });

  it('reads a header-less list of domains, and IDN domains keep a Unicode display form', async () => {
    const plan = await planImportFile('list.txt', csv('şirket.com.tr\nfirma.org\n'), RESOURCES);
    expect(plan.leads.map((l) => [l.domain, l.domain_display])).toEqual([
      ['xn--irket-idb.com.tr', 'şirket.com.tr'],
      ['firma.org', 'firma.org'],
    ]);
  });

  it('reads CSV saved by Turkish Excel in windows-1254', async () => {
    // "Şirket,Web\nÇağ Ltd,cag.com.tr" in windows-1254: Ş=0xDE, Ç=0xC7, ğ=0xF0
    const bytes = Buffer.from([
      0xde, 0x69, 0x72, 0x6b, 0x65, 0x74, 0x2c, 0x57, 0x65, 0x62, 0x0a, 0xc7, 0x61, 0xf0, 0x20, 0x4c, 0x74, 0x64, 0x2c,
      0x63, 0x61, 0x67, 0x2e, 0x63, 0x6f, 0x6d, 0x2e, 0x74, 0x72, 0x0a,
    ]);
    const plan = await planImportFile('eski.csv', bytes, RESOURCES);
    expect(plan.leads.map((l) => [l.domain, l.company_name])).toEqual([['cag.com.tr', 'Çağ Ltd']]);
  });

  it('reads the first sheet of an xlsx workbook, including hyperlink cells', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Müşteriler');
    sheet.addRow(['Company', 'Website']);
    sheet.addRow(['Gamma', { text: 'gamma.io', hyperlink: 'https://gamma.io' }]);
    sheet.addRow(['Delta', 'nan']);
    const plan = await planImportFile('leads.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), RESOURCES);
    expect(plan.leads.map((l) => l.domain)).toEqual(['gamma.io']);
    expect(plan.rows[1]).toMatchObject({ row: 2, input: 'nan', error: 'placeholder' });
  });

  it('falls back to the e-mail column when the website cell is junk such as "yok" or "-"', async () => {
    const plan = await planImportFile(
      'leads.csv',
      csv('Firma;Web Sitesi;E-posta\nAcme;yok;ali@acme.com.tr\nBeta;-;info@beta.com\nGamma;YOK;\n'),
      RESOURCES,
    );
    expect(plan.leads.map((l) => l.domain)).toEqual(['acme.com.tr', 'beta.com']);
    expect(plan.rows[2]).toMatchObject({ input: 'YOK', error: 'placeholder' });
  });

  it('flags consumer mailboxes and reserved names instead of making them leads', async () => {
    const plan = await planImportFile(
      'leads.csv',
      csv(
        'Firma,E-posta\nAyşe,ayse@gmail.com\nMehmet,m@Hotmail.com\nDemo,a@example.com\nTest,x@firma.test\n' +
          'Local,y@mail.localhost\nBad,z@site.invalid\nGood,info@firma.com.tr\n',
      ),
      RESOURCES,
    );
    expect(plan.leads.map((l) => l.domain)).toEqual(['firma.com.tr']);
    expect(plan.rows.map((r) => r.error)).toEqual([
      'consumer_mailbox',
      'consumer_mailbox',
      'reserved_name',
      'reserved_name',
      'reserved_name',
      'reserved_name',
      null,
    ]);
    expect(plan.preview.rejected).toBe(6);
  });

  it('keeps city, e-mail and phone columns on the planned lead', async () => {
    const plan = await planImportFile(
      'leads.csv',
      csv('Firma Adı;Web;E-posta;Telefon;Şehir\nAcme;acme.com.tr;satis@acme.com.tr;0212 555 01 02;İstanbul\n'),
      RESOURCES,
    );
    expect(plan.preview.columns).toMatchObject({ phone: 'Telefon', city: 'Şehir', company: 'Firma Adı' });
    expect(plan.leads).toEqual([
      {
        domain: 'acme.com.tr',
        domain_display: 'acme.com.tr',
        company_name: 'Acme',
        city: 'İstanbul',
        contact_email: 'satis@acme.com.tr',
        contact_phone: '0212 555 01 02',
      },
    ]);
  });

  it('refuses unreadable files with a specific message', async () => {
    await expect(planImportFile('x.xlsx', csv('not a zip'), RESOURCES)).rejects.toThrow(AppError);
    await expect(planImportFile('x.pdf', csv('%PDF'), RESOURCES)).rejects.toThrow('Unsupported file type ".pdf"');
    await expect(planImportFile('x.csv', csv('\n\n'), RESOURCES)).rejects.toThrow('The file has no rows');
  });
});
