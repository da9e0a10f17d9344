// The rep's main path on the real renderer and real services: import, bulk scan, filter and sort, lead detail,
// export, and the keyboard-only route. Each test gets its own temp database; the browser is shared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cell,
  e2eSuite,
  expectGrid,
  pickOption,
  row,
  saveDownload,
  SCAN_DOMAINS,
  seedLeads,
  shot,
} from '../support/browser';
import type { AppPage } from '../support/browser';

const suite = e2eSuite();
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-e2e-dl-'));

afterAll(() => {
  fs.rmSync(downloads, { recursive: true, force: true });
});

async function start(leads: { domain: string; company?: string }[] = [], scan = false): Promise<AppPage> {
  const app = await suite.startApp();
  await seedLeads(app, leads, scan);
  return suite.openApp(app);
}

const scanned = SCAN_DOMAINS.map((domain) => ({ domain }));

describe('leads screen (e2e)', () => {
  it('a. imports a CSV with a Turkish header: preview shows columns and rejections, commit fills the grid', async () => {
    const { page } = await start();
    const csv = [
      'Firma Ünvanı;Alan Adı;E-posta;Telefon;Şehir',
      'Anadolu Gıda A.Ş.;anadolu-gida.com.tr;info@anadolu-gida.com.tr;0212 555 01 02;İstanbul',
      'Şirket A.Ş.;https://www.sirket-a.com.tr/iletisim;;;',
      'Boş Satır;;;;',
      'IP Firma;10.0.0.1;;;',
      'Anadolu Tekrar;anadolu-gida.com.tr;;;',
      'Örnek;N/A;;;',
      'Ayşe Yılmaz;yok;ayse@gmail.com;;',
      'Deneme;deneme.example.com;;;',
    ].join('\n');

    await page.getByTestId('import-open').click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'adaylar.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await shot(page, 'import', 'preview');

    expect(await preview.locator('.mantine-Badge-root').allInnerTexts()).toEqual([
      'Alan adı: Alan Adı',
      'Firma: Firma Ünvanı',
      'E-posta: E-posta',
      'Web sitesi: bulunamadı',
      'Telefon: Telefon',
      'Şehir: Şehir',
    ]);
    expect(await page.getByTestId('import-counts').innerText()).toMatch(
      /8 satır\s+2 geçerli\s+5 reddedildi\s+1 tekrar/,
    );
    // the dialog opens on the rejected rows, each with its reason in Turkish
    const reason = (rowNo: number) => page.getByTestId(`import-row-${rowNo}`).locator('td').nth(4).innerText();
    expect(await reason(3)).toBe('Boş');
    expect(await reason(4)).toBe('IP adresi, alan adı değil');
    expect(await reason(5)).toBe('Tekrar');
    expect(await reason(6)).toBe('Örnek (yer tutucu) alan adı');
    // a junk domain cell falls back to the e-mail, whose free mailbox is flagged; a reserved name too
    expect(await reason(7)).toBe('Ücretsiz e-posta servisi, firmanın alan adı değil');
    expect(await reason(8)).toBe('Örnek veya test adı, gerçek bir firma değil');

    await page.getByTestId('import-commit').click();
    expect(await page.getByTestId('import-result').innerText()).toMatch(/2 eklendi/);
    expect(await page.getByTestId('import-scan').innerText()).toBe('2 adayı tara');
    await shot(page, 'import', 'done');
    await page.getByTestId('import-result').getByRole('button', { name: 'Kapat' }).click();

    await expectGrid(page, ['anadolu-gida.com.tr', 'sirket-a.com.tr']);
    expect(await cell(page, 'sirket-a.com.tr', 'company').innerText()).toBe('Şirket A.Ş.');
    expect(await page.getByTestId('lead-total').innerText()).toBe('2 aday');
    await shot(page, 'import', 'grid');

    // the file's extra columns are kept on the lead
    await row(page, 'anadolu-gida.com.tr').click();
    const contacts = page.getByTestId('lead-contacts');
    await contacts.waitFor();
    expect(await contacts.innerText()).toMatch(
      /Şehir: İstanbul\s+E-posta: info@anadolu-gida.com.tr\s+Telefon: 0212 555 01 02/,
    );
    await shot(page, 'import', 'detail-contacts');

    await page.getByTestId('language-switch').getByText('EN').click();
    expect(await contacts.innerText()).toMatch(
      /City: İstanbul\s+E-mail: info@anadolu-gida.com.tr\s+Phone: 0212 555 01 02/,
    );
    await shot(page, 'import', 'detail-contacts-en');
  });

  it('b. bulk-scans the unscanned leads with live progress; the grid then shows the engine verdicts', async () => {
    // blackhole.test never answers, which keeps the job running long enough to watch the bar move
    const { page } = await start([...scanned, { domain: 'blackhole.test' }]);
    const total = SCAN_DOMAINS.length + 1;

    await page.getByTestId('scan-unscanned').click();
    const bar = page.getByTestId('scan-progress');
    await bar.and(page.locator('[data-state="running"]')).waitFor();
    expect(await page.getByTestId('scan-counts').innerText()).toMatch(new RegExp(`^\\d+ / ${total}`));
    await shot(page, 'scan', 'running');
    await bar.and(page.locator('[data-state="done"]')).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('scan-counts').innerText()).toMatch(new RegExp(`^${total} / ${total}`));
    expect(await page.getByTestId('scan-progress-bar').getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
      '100',
    );

    // the grid refreshes on leads.changed (throttled); wait for the last verdict to land
    const unscored = () =>
      Promise.all(SCAN_DOMAINS.map((domain) => cell(page, domain, 'score').innerText())).then(
        (scores) => scores.filter((score) => score === '—').length,
      );
    await expect.poll(unscored, { timeout: 10_000 }).toBe(0);
    const verdicts: Record<string, [string, string, string]> = {
      // providers by their Turkish labels: the app is in Turkish
      'google-ws.test': ['Google Workspace', '60', 'P2'],
      // a self-hosted Cold lead is nurtured (P5), not a "P1 High Potential Greenfield"
      'selfhosted.test': ['Kendi sunucusu', '30', 'P5'],
      'm365-tenant.test': ['Microsoft 365', '90', 'P4'],
      'hosting-shared.test': ['Paylaşımlı barındırma', '60', 'P1'],
      'yandex-mail.test': ['Yandex Mail', '50', 'P5'],
      'no-mx.test': ['Bilinmiyor', '0', 'P6'],
    };
    for (const [domain, [provider, score, category]] of Object.entries(verdicts)) {
      expect(await cell(page, domain, 'provider').innerText(), domain).toBe(provider);
      expect(await cell(page, domain, 'score').innerText(), domain).toBe(score);
      // the badge also carries the category label for screen readers
      expect(await cell(page, domain, 'category').innerText(), domain).toMatch(new RegExp(`^${category}\\s+– \\S`));
    }
    // engine keys are shown with their Turkish labels, never raw
    expect(await cell(page, 'no-mx.test', 'riskFlags').innerText()).toMatch(/^MX kaydı yok\s+SPF yok\s+\+\d$/);
    expect(await cell(page, 'google-ws.test', 'tags').innerText()).toMatch(/^Google Workspace\s+Geçişe hazır\s+\+\d$/);
    expect(await page.getByTestId('kpi-total-value').innerText()).toBe(String(total));
    await shot(page, 'scan', 'done');
  });

  it('c. filters by segment, P category, risk flag and a Turkish search, and sorts by a column', async () => {
    const { page } = await start(
      [
        ...scanned.filter((lead) => lead.domain !== 'selfhosted.test'),
        { domain: 'selfhosted.test', company: 'Şirket A.Ş.' },
      ],
      true,
    );
    await expectGrid(page, SCAN_DOMAINS);

    await pickOption(page, 'filter-segment', 'Geçiş');
    await expectGrid(page, ['google-ws.test', 'hosting-shared.test']);
    await shot(page, 'filter', 'segment');
    await page.getByTestId('filter-reset').click();

    await pickOption(page, 'filter-category', 'P5');
    await expectGrid(page, ['selfhosted.test', 'yandex-mail.test', 'zoho-mail.test']);
    await page.getByTestId('filter-reset').click();

    await pickOption(page, 'filter-risk', 'MX kaydı yok');
    await expectGrid(page, ['no-mx.test']);
    await page.getByTestId('filter-reset').click();

    await page.getByTestId('search-input').fill('ŞİRKET');
    await expectGrid(page, ['selfhosted.test']);
    expect(await page.getByTestId('lead-total').innerText()).toBe('1 aday');
    await shot(page, 'filter', 'search');
    await page.getByTestId('search-input').fill('');

    await expectGrid(page, SCAN_DOMAINS);
    await page.getByTestId('sort-domain').click();
    await expectGrid(page, [...SCAN_DOMAINS].sort(), true);
    await page.getByTestId('sort-domain').click();
    await expectGrid(page, [...SCAN_DOMAINS].sort().reverse(), true);
    // readiness high to low; ties by domain in the same direction (the sort walks one index backwards)
    await page.getByTestId('sort-score').click();
    const byScore = [
      'm365-tenant.test',
      'm365-classic.test',
      'hosting-shared.test',
      'google-ws.test',
      'zoho-mail.test',
      'yandex-mail.test',
      'selfhosted.test',
      'spf-too-many.test',
      'no-mx.test',
      'natro-customer.test',
    ];
    await expectGrid(page, byScore, true);
    await shot(page, 'filter', 'sorted');
  });

  it('d. opens a lead: sales summary, score breakdown and DNS facts; copy buttons work', async () => {
    const { page } = await start(scanned, true);
    await row(page, 'google-ws.test').click();
    const detail = page.getByTestId('lead-detail');
    await detail.getByTestId('sales-summary').waitFor();
    expect(await page.getByTestId('detail-domain').innerText()).toBe('google-ws.test');
    expect(await page.getByTestId('summary-one-liner').innerText()).toContain('google-ws.test');
    const script = await page.getByTestId('summary-call-script').locator('li').allInnerTexts();
    expect(script.length).toBeGreaterThan(1);
    expect(script.every((line) => line.trim().length > 10)).toBe(true);
    expect(await page.getByTestId('summary-next-step').innerText()).toMatch(/Ara\s+24 saat içinde\s+Yüksek\s+\S+/);
    await shot(page, 'detail', 'summary');

    await page.getByTestId('copy-call-script').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(script.join('\n'));
    await page.getByTestId('copy-summary').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('google-ws.test');
    await page.getByTestId('copy-domain').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('google-ws.test');

    await page.getByTestId('tab-score').click();
    await page.getByTestId('score-breakdown').waitFor();
    expect(await page.getByTestId('breakdown-total').innerText()).toBe('60');
    // Google +50, SPF +10, DKIM +10, DMARC p=none −10 (its 0-point twin is not drawn)
    expect(await page.locator('.breakdown-points').allInnerTexts()).toEqual(['+50', '+10', '+10', '-10']);
    expect(await page.locator('.breakdown-bar').count()).toBe(4);
    await shot(page, 'detail', 'score');

    await page.getByTestId('tab-dns').click();
    const facts = page.getByTestId('dns-facts');
    await facts.waitFor();
    const text = await facts.innerText();
    expect(text).toContain('google');
    expect(text).toMatch(/SPF\s+var/);
    expect(text).toMatch(/DMARC\s+var\s+p=none/);
    await shot(page, 'detail', 'dns');
  });

  it('e. exports the filtered view and a selection to CSV and XLSX', async () => {
    const { page } = await start(scanned, true);
    await pickOption(page, 'filter-category', 'P5');
    const p5 = ['selfhosted.test', 'yandex-mail.test', 'zoho-mail.test'];
    await expectGrid(page, p5);

    await page.getByTestId('export-menu').click();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = Papa.parse<Record<string, string>>(
      fs.readFileSync(await saveDownload(csvDownload, downloads), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    // the app is in Turkish: Turkish headers, ';'-separated (Papa detects the separator)
    expect(csv.data.map((line) => line['Alan adı']).sort()).toEqual(p5);
    expect(csv.data.find((line) => line['Alan adı'] === 'selfhosted.test')).toMatchObject({
      Sağlayıcı: 'Kendi sunucusu',
      Puan: '30',
      'P kategorisi': 'P5',
    });

    await page.getByTestId('export-menu').click();
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await saveDownload(xlsxDownload, downloads));
    const sheet = workbook.worksheets[0]!;
    const xlsxDomains: string[] = [];
    sheet.eachRow((sheetRow, index) => index > 1 && xlsxDomains.push(String(sheetRow.getCell(1).value)));
    expect(xlsxDomains.sort()).toEqual(p5);
    await shot(page, 'export', 'filtered');

    // a hand-picked selection goes to main as a domain list
    await row(page, 'selfhosted.test').click({ modifiers: ['Control'] });
    await row(page, 'zoho-mail.test').click({ modifiers: ['Control'] });
    expect(await page.getByTestId('selection-count').innerText()).toBe('2 seçili');
    await page.getByTestId('export-selected-menu').click();
    await shot(page, 'export', 'selection');
    const [selectedDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-selected-csv').click(),
    ]);
    const selected = Papa.parse<Record<string, string>>(
      fs.readFileSync(await saveDownload(selectedDownload, downloads), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(selected.data.map((line) => line['Alan adı']).sort()).toEqual(['selfhosted.test', 'zoho-mail.test']);
  });

  it('f. works keyboard-only: Ctrl+K, type, arrows/J/K, Enter opens, Esc closes', async () => {
    const { page } = await start(scanned, true);
    await expectGrid(page, SCAN_DOMAINS);

    await page.keyboard.press('Control+K');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('m365');
    await expectGrid(page, ['m365-classic.test', 'm365-tenant.test']);
    await page.keyboard.press('ArrowDown'); // hands focus to the grid
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('leads-grid');

    const cursorDomain = () => page.locator('[data-cursor]').getAttribute('data-testid');
    expect(await cursorDomain()).toBe('lead-row-m365-classic.test');
    await page.keyboard.press('j');
    expect(await cursorDomain()).toBe('lead-row-m365-tenant.test');
    await page.keyboard.press('k');
    expect(await cursorDomain()).toBe('lead-row-m365-classic.test');
    await page.keyboard.press('ArrowDown');
    expect(await cursorDomain()).toBe('lead-row-m365-tenant.test');
    await shot(page, 'keyboard', 'cursor');

    await page.keyboard.press('Enter');
    await page.getByTestId('sales-summary').waitFor();
    expect(await page.getByTestId('detail-domain').innerText()).toBe('m365-tenant.test');
    await shot(page, 'keyboard', 'detail');
    await page.keyboard.press('Escape');
    await page.getByTestId('lead-detail').waitFor({ state: 'detached' });
  });
});
