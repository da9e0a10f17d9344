// The grid at a laptop's 1280×720 (and 1440×900) in Turkish and English: typical domains are shown whole, the Referral, D365 and
// Expiry columns stay out while no lead of the result has data for them, the domain column stays in place when the
// grid scrolls sideways, and chips are shown whole or counted in "+N", never cut.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, e2eSuite, expectGrid, row, SCAN_DOMAINS, seedLeads, shot } from '../support/browser';
import type { AppHarness } from '../support/app-harness';

const suite = e2eSuite();

/** Domains as reps import them: Turkish company names, hyphens, .com.tr */
const TYPICAL = [
  'anadolu-lojistik.com.tr',
  'karadeniz-tekstil.com.tr',
  'ozyurt-insaat.com.tr',
  'istanbul-eczanesi.com',
  'ege-zeytincilik.com.tr',
];

async function start(lang: 'tr' | 'en'): Promise<{ app: AppHarness; page: Page }> {
  const app = await suite.startApp();
  await seedLeads(
    app,
    SCAN_DOMAINS.map((domain) => ({ domain })),
    true,
  );
  await seedLeads(
    app,
    TYPICAL.map((domain) => ({ domain })),
    false,
  );
  // two leads with many chips, so the chip columns have more than fits
  app.ctx.store.sqlite
    .prepare(
      `UPDATE leads SET tags_text = ',migration-ready,local-mx,weak-spf,no-dkim,google-workspace,',
         risk_flags_text = ',no_dmarc,spf_too_many_lookups,dkim_missing,',
         company_name = 'Anadolu Lojistik ve Taşımacılık Sanayi Ticaret A.Ş.'
       WHERE domain IN ('anadolu-lojistik.com.tr', 'm365-classic.test')`,
    )
    .run();
  const { page } = await suite.openApp(app);
  await page.setViewportSize({ width: 1280, height: 720 });
  if (lang === 'en') await page.getByTestId('language-switch').getByText('EN').click();
  await expectGrid(page, [...SCAN_DOMAINS, ...TYPICAL]);
  return { app, page };
}

const headers = (page: Page) =>
  page.locator('[role="columnheader"][data-col]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-col')));

/** Domain cells whose text is cut (an ellipsis): the text element is wider than the room it has. */
const truncatedDomains = (page: Page) =>
  page
    .locator('[data-col="domain"] .truncate')
    .evaluateAll((texts) =>
      texts.filter((text) => text.scrollWidth > text.clientWidth).map((text) => text.textContent),
    );

/** Chips that are cut: wider than their own box, or reaching past their cell's padding (read in one page task). */
const cutChips = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll('[role="gridcell"][data-col="riskFlags"], [role="gridcell"][data-col="tags"]'),
    ].flatMap((cell) => {
      const cellBox = cell.getBoundingClientRect();
      return [...cell.querySelectorAll('.tone-chip')]
        .filter((chip) => {
          const box = chip.getBoundingClientRect();
          return chip.scrollWidth > chip.clientWidth || box.right > cellBox.right - 7 || box.left < cellBox.left;
        })
        .map((chip) => chip.textContent);
    }),
  );

function markChanged(app: AppHarness, domains: string[]): void {
  app.ctx.bus.emit('leads.changed', { domains });
}

for (const lang of ['tr', 'en'] as const) {
  describe(`grid layout at 1280×720 (${lang})`, () => {
    it('shows typical domains whole and leaves the empty Referral, D365 and Expiry columns out until a lead has data', async () => {
      const { app, page } = await start(lang);
      const all = await headers(page);
      expect(all).not.toContain('expiry');
      expect(all).not.toContain('referral');
      expect(all).not.toContain('d365');
      expect(all).toContain('tags');
      expect(await truncatedDomains(page)).toEqual([]);
      expect(await cutChips(page)).toEqual([]);
      await shot(page, 'grid-layout', `sparse-hidden-${lang}`);
      // the column menu says why those columns are missing
      await page.getByTestId('column-menu').click();
      const whenData =
        lang === 'tr'
          ? 'Listede bu bilgiye sahip bir aday olunca görünür'
          : 'Shown once a lead in the list has data for it';
      await expect.poll(() => page.getByText(whenData).count()).toBe(3);
      await shot(page, 'grid-layout', `column-menu-${lang}`);
      await page.getByTestId('column-menu').click();
      await expect.poll(() => page.getByText(whenData).count()).toBe(0);
      await page.setViewportSize({ width: 1440, height: 900 });
      await expect.poll(() => truncatedDomains(page)).toEqual([]);
      expect(await cutChips(page)).toEqual([]);
      await shot(page, 'grid-layout', `sparse-hidden-1440-${lang}`);
      await page.setViewportSize({ width: 1280, height: 720 });

      app.ctx.store.sqlite.prepare(`UPDATE leads SET expires_at = '2027-02-01' WHERE domain = 'google-ws.test'`).run();
      app.ctx.store.sqlite
        .prepare(`UPDATE leads SET d365_sync_status = 'pushed' WHERE domain = 'zoho-mail.test'`)
        .run();
      app.ctx.store.sqlite
        .prepare(
          `INSERT INTO partner_center_referrals (referral_id, referral_type, domain, raw_data, synced_at, created_at, updated_at)
           VALUES ('ref-1', 'co-sell', 'yandex-mail.test', '{}', '2026-11-01', '2026-11-01', '2026-11-01')`,
        )
        .run();
      markChanged(app, ['google-ws.test', 'zoho-mail.test', 'yandex-mail.test']);
      await expect.poll(() => headers(page), { timeout: 10_000 }).toContain('d365');
      expect(await headers(page)).toEqual(expect.arrayContaining(['expiry', 'referral', 'd365']));
      expect(await cell(page, 'zoho-mail.test', 'd365').getByTestId('d365-status').getAttribute('data-status')).toBe(
        'pushed',
      );
      expect(await page.getByTestId('referral-cell-yandex-mail.test').count()).toBe(1);
      await shot(page, 'grid-layout', `sparse-shown-${lang}`);
    });

    it('keeps the domain column in place when the grid scrolls sideways, and cuts no chip', async () => {
      const { app, page } = await start(lang);
      // every column on: the row is wider than the window
      app.ctx.store.sqlite.prepare(`UPDATE leads SET expires_at = '2027-02-01', d365_sync_status = 'queued'`).run();
      markChanged(app, ['google-ws.test']);
      await expect.poll(() => headers(page), { timeout: 10_000 }).toContain('d365');
      expect(await cutChips(page)).toEqual([]);
      const more = cell(page, 'anadolu-lojistik.com.tr', 'tags').locator('.tone-chip.more');
      expect(await more.getAttribute('title')).toMatch(/\S/);

      const grid = page.getByTestId('leads-grid');
      const overflow = await grid.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow).toBeGreaterThan(0);
      const domainCell = cell(page, 'anadolu-lojistik.com.tr', 'domain');
      const domainHeader = page.locator('[role="columnheader"][data-col="domain"]');
      const before = { cell: (await domainCell.boundingBox())!, header: (await domainHeader.boundingBox())! };
      const company = (await cell(page, 'anadolu-lojistik.com.tr', 'company').boundingBox())!;
      await grid.evaluate((element) => element.scrollBy({ left: 400 }));
      await expect.poll(() => grid.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      const after = { cell: (await domainCell.boundingBox())!, header: (await domainHeader.boundingBox())! };
      expect(after.cell.x).toBe(before.cell.x);
      expect(after.header.x).toBe(before.header.x);
      // the other columns did move, under the frozen one
      expect((await cell(page, 'anadolu-lojistik.com.tr', 'company').boundingBox())!.x).toBeLessThan(company.x);
      // and the frozen cell is painted over them: the point in its middle belongs to it
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-col]')?.getAttribute('data-col'),
        { x: after.cell.x + after.cell.width / 2, y: after.cell.y + after.cell.height / 2 },
      );
      expect(hit).toBe('domain');
      await row(page, 'anadolu-lojistik.com.tr').hover();
      await shot(page, 'grid-layout', `scrolled-${lang}`);
      expect(await cutChips(page)).toEqual([]);
    });
  });
}
