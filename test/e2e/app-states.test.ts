// Error messages in the user's language, resuming an unfinished scan, "no scan without a click", and an axe-core
// accessibility pass over every screen in light and dark — all on the real renderer and real services.
import { describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import {
  cell,
  e2eSuite,
  expectGrid,
  row,
  SCAN_DOMAINS,
  seedLeads,
  seriousAxeViolations,
  shot,
} from '../support/browser';
import type { AppPage, AxeFinding } from '../support/browser';

const suite = e2eSuite();

async function start(
  domains: string[],
  scan: boolean,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ app: AppHarness; ui: AppPage }> {
  const app = await suite.startApp();
  await seedLeads(
    app,
    domains.map((domain) => ({ domain })),
    scan,
  );
  return { app, ui: await suite.openApp(app, { colorScheme }) };
}

describe('app states (e2e)', () => {
  it("g. says what went wrong in the user's language: invalid domain (TR, then EN) and an unreadable import", async () => {
    const { app, ui } = await start([], false);
    const { page } = ui;
    const addError = page.locator('.add-lead .mantine-TextInput-error');

    await page.getByTestId('add-lead-input').fill('N/A');
    await page.getByTestId('add-lead-submit').click();
    await expect
      .poll(() => addError.innerText())
      .toBe('Geçerli bir alan adı değil. firma.com.tr gibi bir değer girin.');
    await shot(page, 'errors', 'invalid-tr');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect
      .poll(() => addError.innerText())
      .toBe('That is not a valid domain. Enter something like firma.com.tr.');
    await page.getByTestId('add-lead-submit').click();
    await expect
      .poll(() => addError.innerText())
      .toBe('That is not a valid domain. Enter something like firma.com.tr.');
    await shot(page, 'errors', 'invalid-en');
    // the language choice is saved in the settings, not just in the page
    expect(app.ctx.settings.get().language).toBe('en');

    await page.getByTestId('language-switch').getByText('TR').click();
    await page.getByTestId('import-open').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'teklif.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
    });
    const notice = page.getByTestId('import-dialog').getByTestId('error-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-code')).toBe('bad_file');
    expect(await notice.innerText()).toBe('Desteklenmeyen dosya türü. CSV veya XLSX dosyası kullanın.');
    await shot(page, 'errors', 'bad-file');
  });

  it('h. offers an unfinished job for Resume on load and finishes it when clicked', async () => {
    const domains = ['google-ws.test', 'selfhosted.test', 'm365-tenant.test', 'yandex-mail.test', 'no-mx.test'];
    const app = await suite.startApp();
    await seedLeads(
      app,
      domains.map((domain) => ({ domain })),
      false,
    );
    // a previous session stored two results, then the app was closed mid-run
    const job = app.ctx.store.scanJobs.create(domains, {});
    const scanner = app.ctx.scanners.get();
    const firstTwo = domains.slice(0, 2);
    const results = await Promise.all(firstTwo.map((domain) => scanner.scan(domain)));
    app.ctx.store.transaction(() => {
      app.ctx.store.leads.saveScanResults(results);
      app.ctx.store.scanJobs.markDone(job.id, firstTwo);
    });
    const { page } = await suite.openApp(app);

    const bar = page.getByTestId('scan-progress');
    await bar.and(page.locator('[data-state="paused"]')).waitFor();
    expect(await page.getByTestId('scan-counts').innerText()).toBe('2 / 5');
    await shot(page, 'resume', 'offered');

    await page.getByTestId('scan-resume').click();
    await bar.and(page.locator('[data-state="done"]')).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('scan-counts').innerText()).toBe('5 / 5');
    expect(app.ctx.store.scanJobs.get(job.id)).toMatchObject({ state: 'done', done: 5 });
    await expect
      .poll(() => cell(page, 'yandex-mail.test', 'provider').innerText(), { timeout: 10_000 })
      .toBe('Yandex Mail');
    // resumed, not restarted: the two finished leads were not scanned again
    for (const domain of firstTwo) expect(app.ctx.store.leads.getHistory(domain), domain).toHaveLength(1);
    await shot(page, 'resume', 'done');
  });

  it('h. never starts a scan just because a screen or a lead was opened', async () => {
    const { app, ui } = await start(['google-ws.test', 'selfhosted.test'], false);
    const { page } = ui;
    await expectGrid(page, ['google-ws.test', 'selfhosted.test']);
    await row(page, 'google-ws.test').click();
    await page.getByTestId('sales-summary').waitFor();
    for (const tab of ['score', 'dns', 'history']) await page.getByTestId(`tab-${tab}`).click();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('screen-overview').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings').waitFor();
    await page.getByTestId('nav-leads').click();
    await expectGrid(page, ['google-ws.test', 'selfhosted.test']);
    await shot(page, 'no-autoscan', 'leads');

    expect(app.ctx.store.scanJobs.get(1)).toBeNull();
    expect(app.ctx.store.scanJobs.latestUnfinished()).toBeNull();
    expect(app.ctx.store.leads.listLeads({ scanned: 'scanned' }).total).toBe(0);
    expect(await page.getByTestId('scan-progress').count()).toBe(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations on any screen (${scheme})`, async () => {
      const { ui } = await start(SCAN_DOMAINS, true, scheme);
      const { page } = ui;
      const findings: Record<string, AxeFinding[]> = {};
      const audit = async (screen: string) => {
        await shot(page, `axe-${scheme}`, screen);
        findings[screen] = await seriousAxeViolations(page);
      };

      await expectGrid(page, SCAN_DOMAINS);
      await audit('leads');
      await row(page, 'google-ws.test').click();
      await page.getByTestId('sales-summary').waitFor();
      await audit('detail-summary');
      await page.getByTestId('tab-score').click();
      await page.getByTestId('score-breakdown').waitFor();
      await audit('detail-score');
      await page.getByTestId('detail-close').click();

      await page.getByTestId('import-open').click();
      const csv = 'alan adı,firma\nyeni-firma.test,Yeni Firma A.Ş.\n10.0.0.1,IP\n';
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'adaylar.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('import-preview').waitFor();
      await audit('import-preview');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Vazgeç' }).click();
      await page.getByTestId('import-preview').waitFor({ state: 'detached' });

      await page.getByTestId('nav-overview').click();
      await page.getByTestId('overview').waitFor();
      await audit('overview');
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings').waitFor();
      await audit('settings');

      expect(findings).toEqual({
        leads: [],
        'detail-summary': [],
        'detail-score': [],
        'import-preview': [],
        overview: [],
        settings: [],
      });
    });
  }
});
