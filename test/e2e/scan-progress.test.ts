// Bulk scans that go wrong, on the real renderer and real services against the local fixture DNS server: the bar
// turns amber or red with the reason in words, "Rescan failed" rescans only the failed leads, the scan-status filter
// lists failed, partial and unscanned leads, and a lead whose stored data is malformed shows a notice, not a blank app.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite, expectGrid, pickOption, row, seedLeads, seriousAxeViolations, shot } from '../support/browser';
import type { AppHarness } from '../support/app-harness';

const suite = e2eSuite();

const ANSWERING = ['m365-classic.test', 'google-ws.test', 'selfhosted.test', 'zoho-mail.test'];
// every name under blackhole.test goes unanswered, as behind a DNS server that stopped answering
const silent = (n: number) => Array.from({ length: n }, (_, i) => `s${i}.blackhole.test`);

async function start(domains: string[]): Promise<{ app: AppHarness; page: Page }> {
  const app = await suite.startApp();
  // short timeouts keep the unanswered domains quick; what is asserted does not depend on them
  app.ctx.settings.update({ dns_timeout_ms: 300, dns_tries: 1, scan_concurrency: 4 });
  await seedLeads(
    app,
    domains.map((domain) => ({ domain })),
    false,
  );
  const { page } = await suite.openApp(app);
  return { app, page };
}

const bar = (page: Page) => page.getByTestId('scan-progress');
const finished = (page: Page) => bar(page).and(page.locator('[data-state="done"]')).waitFor({ timeout: 30_000 });

describe('scan progress when domains fail (e2e)', () => {
  it('TR: most domains unanswered turns the bar red with the reason; Rescan failed rescans only those', async () => {
    const failing = silent(6);
    const { app, page } = await start([...ANSWERING, 'partial.test', ...failing]);

    await page.getByTestId('scan-unscanned').click();
    await bar(page).and(page.locator('[data-state="running"]')).waitFor();
    // no ETA from the first results: the bar says it is still estimating
    expect(await page.getByTestId('scan-eta').innerText()).toBe('kalan süre hesaplanıyor…');

    await finished(page);
    expect(await bar(page).getAttribute('data-health')).toBe('bad');
    expect(await page.getByTestId('scan-counts').innerText()).toBe('11 / 11 · 6 başarısız');
    expect(await page.getByTestId('scan-health-reason').innerText()).toMatch(
      /^11 alan adından 6 tanesi DNS yanıtı alamadı: DNS sunucusu yanıt vermiyor\. Ayarlar'daki DNS sunucularını kontrol edin\./,
    );
    await expect
      .poll(() => page.getByTestId('scan-progress-bar').locator('.mantine-Progress-section').getAttribute('style'))
      .toMatch(/--mantine-color-red-filled/);
    await shot(page, 'scan-progress', 'tr-red');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'scan-progress', 'tr-red-1280x720');

    const firstJob = (await app.handlers['scan.status']({})) ?? null;
    expect(firstJob).toBeNull(); // finished jobs are not "unfinished"
    await page.getByTestId('scan-rescan-failed').click();
    await expect.poll(() => page.getByTestId('scan-counts').innerText()).toMatch(/ \/ 6\b/);
    await finished(page);
    expect(await page.getByTestId('scan-counts').innerText()).toBe('6 / 6 · 6 başarısız');
    const jobs = app.ctx.store.sqlite.prepare('SELECT total FROM scan_jobs ORDER BY id').all() as { total: number }[];
    expect(jobs.map((job) => job.total)).toEqual([11, 6]);
    await shot(page, 'scan-progress', 'tr-rescanned');

    // a lead added afterwards was never scanned
    await app.handlers['leads.add']({ input: 'new-lead.test' });
    await pickOption(page, 'filter-scan-state', 'Tarama başarısız');
    await expectGrid(page, failing);
    await shot(page, 'scan-progress', 'tr-filter-failed');
    await pickOption(page, 'filter-scan-state', 'Kısmen tarandı');
    await expectGrid(page, ['partial.test']);
    await pickOption(page, 'filter-scan-state', 'Taranmadı');
    await expectGrid(page, ['new-lead.test']);
    await shot(page, 'scan-progress', 'tr-filter-unscanned');

    // the grid's bulk rescan over the failed filter is the other way to rescan every failed lead
    await pickOption(page, 'filter-scan-state', 'Tarama başarısız');
    await expectGrid(page, failing);
    await page.getByTestId('rescan-filtered').click();
    await expect.poll(() => page.getByTestId('scan-counts').innerText()).toMatch(/ \/ 6\b/);
    await finished(page);
  });

  it('EN: a few unanswered domains turn the bar amber with the reason; the filter lists them', async () => {
    const failing = silent(1);
    const { page } = await start([...ANSWERING, 'yandex-mail.test', 'partial.test', ...failing]);
    await page.getByTestId('language-switch').getByText('EN').click();

    await page.getByTestId('scan-unscanned').click();
    await finished(page);
    expect(await bar(page).getAttribute('data-health')).toBe('warn');
    expect(await page.getByTestId('scan-counts').innerText()).toBe('7 / 7 · 1 failed');
    expect(await page.getByTestId('scan-health-reason').innerText()).toMatch(
      /^1 of 7 got no DNS answer: the DNS server is not answering\. Check the DNS servers in Settings\./,
    );
    expect(await page.getByTestId('scan-rescan-failed').innerText()).toBe('Rescan failed (1)');
    await shot(page, 'scan-progress', 'en-amber');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await pickOption(page, 'filter-scan-state', 'Scan failed');
    await expectGrid(page, failing);
    await pickOption(page, 'filter-scan-state', 'Partly scanned');
    await expectGrid(page, ['partial.test']);
    await shot(page, 'scan-progress', 'en-filter-partial');

    // the reason's button leads to the DNS settings
    await page.getByTestId('scan-open-settings').click();
    await page.getByTestId('screen-settings').waitFor();
  });

  for (const lang of ['TR', 'EN'] as const) {
    it(`${lang}: a lead whose stored signals are malformed shows a notice in the detail panel, the grid keeps working`, async () => {
      const { app, page } = await start(ANSWERING);
      if (lang === 'EN') await page.getByTestId('language-switch').getByText('EN').click();
      await page.getByTestId('scan-unscanned').click();
      await finished(page);
      // what an older build or a damaged file could leave behind: DKIM signals without their selector list
      const signals = app.ctx.store.leads.getLead('google-ws.test')!.dns!;
      const { selectors: _selectors, ...dkimWithoutSelectors } = signals.dkim;
      app.ctx.store.sqlite
        .prepare(`UPDATE lead_signals SET dns = ? WHERE lead_id = (SELECT id FROM leads WHERE domain = ?)`)
        .run(JSON.stringify({ ...signals, dkim: dkimWithoutSelectors }), 'google-ws.test');

      const notice = page.getByTestId('crash-notice');
      const openDnsTab = async () => {
        await row(page, 'google-ws.test').click();
        await page.getByTestId('tab-dns').click();
        await notice.waitFor();
      };
      await openDnsTab();
      expect(await notice.innerText()).toMatch(
        lang === 'TR'
          ? /^Hunter'ın bu bölümünde bir sorun oluştu\s+Adaylarınız ve ayarlarınız güvende\..*\s+Yeniden dene\s+Günlük klasörünü aç\s+Ayrıntıları kopyala$/s
          : /^This part of Hunter ran into a problem\s+Your leads and settings are safe\..*\s+Try again\s+Open logs folder\s+Copy details$/s,
      );
      await shot(page, 'crash', `${lang.toLowerCase()}-detail`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // the rest of the window still works: another lead opens normally
      await row(page, 'm365-classic.test').click();
      expect(await page.getByTestId('detail-domain').innerText()).toBe('m365-classic.test');
      await expect.poll(() => notice.count()).toBe(0);

      // the details for support name the failing part and the error
      await openDnsTab();
      await page.getByTestId('crash-copy').click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^area: detail\nTypeError: /);

      // once the data is sound again, "Try again" shows the panel
      app.ctx.store.leads.saveScanResults([await app.ctx.scanners.get().scan('google-ws.test')]);
      await page.getByTestId('crash-retry').click();
      await page.getByTestId('tab-dns').click();
      expect(await page.getByTestId('detail-domain').innerText()).toBe('google-ws.test');
      await expect.poll(() => notice.count()).toBe(0);
    });
  }
});
