// The app on a 1280×720 laptop screen, in Turkish and English: no screen scrolls sideways or as a whole window, the
// toolbar's actions (Import included) are on screen without scrolling, the call script of a lead's detail can be
// scrolled into view inside the panel, and every dialog and form keeps its action buttons on screen. Once at
// 1440×900 too. Real renderer and services; Partner Center referrals stored as the sync stores them; Dynamics 365
// against the local fake identity server and fake Dataverse.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeReferral } from '../../main/integrations/partner-center/referral-sync';
import { e2eSuite, row, SCAN_DOMAINS, seedLeads, shot } from '../support/browser';
import type { AppHarness } from '../support/app-harness';
import { CLIENT_ID, CLIENT_SECRET } from '../support/d365-cli-env';
import { startFakeDataverse, testTls } from '../support/fake-dataverse';
import type { FakeDataverse } from '../support/fake-dataverse';
import { startFakeIdentity } from '../support/fake-identity';
import type { FakeIdentity } from '../support/fake-identity';
import { makeReferral, referralId } from '../support/referral-fixtures';

const suite = e2eSuite();
const LAPTOP = { width: 1280, height: 720 };
const DESKTOP = { width: 1440, height: 900 };
const LANGS = [
  { code: 'TR', label: 'tr' },
  { code: 'EN', label: 'en' },
] as const;
const D365_ENV = ['HUNTER_D365_URL', 'HUNTER_D365_AUTHORITY', 'HUNTER_D365_CLIENT_ID', 'HUNTER_D365_CLIENT_SECRET'];

let idp: FakeIdentity;
let dataverse: FakeDataverse;

beforeAll(async () => {
  idp = await startFakeIdentity({ clients: { [CLIENT_ID]: { secret: CLIENT_SECRET } } });
  dataverse = await startFakeDataverse({ tls: testTls(), acceptToken: (t) => idp.verifyAccessToken(t) !== null });
  Object.assign(process.env, {
    HUNTER_D365_URL: dataverse.url,
    HUNTER_D365_AUTHORITY: idp.authority(idp.tenantId),
    HUNTER_D365_CLIENT_ID: CLIENT_ID,
    HUNTER_D365_CLIENT_SECRET: CLIENT_SECRET,
  });
});
afterAll(async () => {
  for (const name of D365_ENV) delete process.env[name];
  await dataverse?.close();
  await idp?.stop();
});

/** Scanned leads with long Turkish company names, four Partner Center referrals, both integrations switched on. */
async function start(): Promise<{ app: AppHarness; page: Page }> {
  const app = await suite.startApp();
  await seedLeads(
    app,
    SCAN_DOMAINS.map((domain) => ({ domain, company: 'Anadolu Gıda Sanayi ve Ticaret A.Ş.' })),
    true,
  );
  for (let i = 0; i < 4; i++) storeReferral(app.ctx.store, makeReferral(i), new Set());
  app.ctx.flags.set('partner_center', true);
  app.ctx.flags.set('dynamics', true);
  const { page } = await suite.openApp(app);
  await page.setViewportSize(LAPTOP);
  return { app, page };
}

async function setLanguage(page: Page, code: 'TR' | 'EN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(code).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code.toLowerCase());
}

/** The window itself never scrolls: each screen scrolls inside its own containers. */
async function expectFitsWindow(page: Page, where: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    scrollHeight: document.scrollingElement!.scrollHeight,
    width: innerWidth,
    height: innerHeight,
  }));
  expect(size.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(size.width);
  expect(size.scrollHeight, `${where}: page height`).toBeLessThanOrEqual(size.height);
}

/** Inside the viewport as it is (no scrolling), and the topmost element at its centre, so a click reaches it. */
async function expectOnScreen(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor();
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  const inside =
    box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= viewport.width && box!.y + box!.height <= viewport.height;
  expect(inside, `${what} at ${JSON.stringify(box)} is outside ${viewport.width}×${viewport.height}`).toBe(true);
  const hit = await target.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return top !== null && (element === top || element.contains(top));
  });
  expect(hit, `${what} is covered by another element`).toBe(true);
}

function importCsv(rows: number): Buffer {
  const lines = Array.from({ length: rows }, (_, i) => `firma${i}.com.tr,Firma ${i} Sanayi ve Ticaret A.Ş.`);
  return Buffer.from(['website,company', ...lines, 'yok,-'].join('\n'));
}

describe('layout at 1280×720 (e2e)', { timeout: 120_000 }, () => {
  it('the leads toolbar, the lead detail with its call script, the export menu and the import dialog fit (TR, EN)', async () => {
    const { page } = await start();
    for (const { code, label } of LANGS) {
      await setLanguage(page, code);
      await expectFitsWindow(page, `leads ${label}`);
      for (const id of [
        'import-open',
        'add-lead-submit',
        'scan-unscanned',
        'rescan-filtered',
        'export-menu',
        'column-menu',
      ])
        await expectOnScreen(page, page.getByTestId(id), `${id} (${label})`);
      // one toolbar line: the grid keeps the height
      const toolbarTops = await Promise.all(
        ['search-input', 'import-open', 'column-menu'].map(async (id) => (await page.getByTestId(id).boundingBox())!.y),
      );
      expect(Math.max(...toolbarTops) - Math.min(...toolbarTops), `toolbar on one line (${label})`).toBeLessThan(4);
      await shot(page, 'layout-1280', `leads-${label}`);

      await row(page, 'google-ws.test').click();
      const detail = page.getByTestId('lead-detail');
      await detail.getByTestId('sales-summary').waitFor();
      await expectFitsWindow(page, `detail ${label}`);
      await expectOnScreen(page, detail.getByTestId('d365-push'), `detail push (${label})`);
      await shot(page, 'layout-1280', `detail-${label}`);

      // the call script is below the fold of the panel: the panel scrolls it into view, the window does not move
      const script = detail.getByTestId('summary-call-script');
      await script.scrollIntoViewIfNeeded();
      await expectFitsWindow(page, `detail scrolled ${label}`);
      await expectOnScreen(page, script.locator('.section-title'), `call script title (${label})`);
      await expectOnScreen(page, script.locator('li').first(), `call script first line (${label})`);
      await expectOnScreen(page, detail.getByTestId('copy-call-script'), `copy call script (${label})`);
      // the tabs stay pinned at the panel's top while it scrolls
      await expectOnScreen(page, detail.getByTestId('tab-dns'), `detail tabs (${label})`);
      await shot(page, 'layout-1280', `detail-script-${label}`);
      await detail.getByTestId('tab-dns').click();
      await expectOnScreen(page, detail.getByTestId('tab-summary'), `tabs after switching (${label})`);
      await detail.getByTestId('tab-summary').click();

      await page.getByTestId('export-menu').click();
      await expectOnScreen(page, page.getByTestId('export-xlsx'), `export menu (${label})`);
      await shot(page, 'layout-1280', `export-${label}`);
      await page.keyboard.press('Escape');

      await page.getByTestId('import-open').click();
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: importCsv(80) });
      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      // all rows: the longest the preview gets
      await preview.locator('.mantine-SegmentedControl-label').first().click();
      await page.getByTestId('import-row-70').waitFor({ state: 'attached' });
      await expectFitsWindow(page, `import ${label}`);
      await expectOnScreen(page, page.getByTestId('import-commit'), `import commit (${label})`);
      await expectOnScreen(page, page.getByTestId('import-pick'), `import pick (${label})`);
      await shot(page, 'layout-1280', `import-${label}`);
      await page.keyboard.press('Escape');
      // Escape closes the dialog, not the lead open behind it
      await preview.waitFor({ state: 'detached' });
      expect(await page.getByTestId('lead-detail').isVisible()).toBe(true);
      await page.getByTestId('detail-close').click();
    }

    // and still good on a bigger screen
    await page.setViewportSize(DESKTOP);
    await expectFitsWindow(page, 'leads 1440');
    await expectOnScreen(page, page.getByTestId('import-open'), 'import at 1440');
    await row(page, 'google-ws.test').click();
    const script = page.getByTestId('summary-call-script');
    await script.scrollIntoViewIfNeeded();
    await expectFitsWindow(page, 'detail 1440');
    await expectOnScreen(page, script.locator('.section-title'), 'call script title at 1440');
    await shot(page, 'layout-1440', 'detail-en');
  });

  it('referrals, overview, operations, settings and the first-run screen fit, with their actions on screen (TR, EN)', async () => {
    const { page } = await start();
    for (const { code, label } of LANGS) {
      await setLanguage(page, code);
      await page.getByTestId('nav-referrals').click();
      await page.getByTestId(`referral-row-${referralId(2)}`).waitFor();
      await expectFitsWindow(page, `referrals ${label}`);
      await shot(page, 'layout-1280', `referrals-${label}`);

      await page
        .getByTestId(`referral-row-${referralId(2)}`)
        .getByTestId('referral-open')
        .click();
      const modal = page.getByRole('dialog');
      await modal.getByTestId('toggle-raw').click();
      // the raw JSON makes the dialog taller than the window: its body scrolls, the answer stays on screen
      await modal.locator('.raw-json').waitFor();
      await expectFitsWindow(page, `referral dialog ${label}`);
      await expectOnScreen(page, modal.getByTestId('referral-accept'), `referral accept (${label})`);
      await expectOnScreen(page, modal.getByTestId('referral-decline'), `referral decline (${label})`);
      await shot(page, 'layout-1280', `referral-dialog-${label}`);
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'detached' });

      for (const screen of ['overview', 'operations'] as const) {
        await page.getByTestId(`nav-${screen}`).click();
        await page.getByTestId(`screen-${screen}`).waitFor();
        await expectFitsWindow(page, `${screen} ${label}`);
        await shot(page, 'layout-1280', `${screen}-${label}`);
      }

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings').waitFor();
      await expectFitsWindow(page, `settings ${label}`);
      // a long form: its save button stays on screen while the form scrolls
      await expectOnScreen(page, page.getByTestId('settings-save'), `settings save (${label})`);
      await shot(page, 'layout-1280', `settings-${label}`);

      await page.getByTestId('settings-run-setup').click();
      await page.getByTestId('first-run').waitFor();
      await expectFitsWindow(page, `first run ${label}`);
      await expectOnScreen(page, page.getByTestId('setup-finish'), `setup finish (${label})`);
      await expectOnScreen(page, page.getByTestId('setup-skip'), `setup skip (${label})`);
      await shot(page, 'layout-1280', `first-run-${label}`);
      await page.getByTestId('setup-skip').click();
      await page.getByTestId('screen-leads').waitFor();
    }
  });

  it('the selection bar and the Dynamics 365 duplicate dialog keep their actions on screen', async () => {
    const { page } = await start();
    dataverse.seed('leads', { websiteurl: 'https://google-ws.test', subject: 'typed by a seller' });
    await row(page, 'google-ws.test').click({ modifiers: ['Control'] });
    await row(page, 'zoho-mail.test').click({ modifiers: ['Control'] });
    // the selection bar's actions are on screen too
    await expectFitsWindow(page, 'selection bar');
    await expectOnScreen(page, page.getByTestId('selection-bar').getByTestId('d365-push'), 'bulk push');
    await page.getByTestId('selection-bar').getByTestId('d365-push').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectFitsWindow(page, 'duplicates');
    await expectOnScreen(page, page.getByTestId('d365-dup-skip'), 'skip choice');
    await expectOnScreen(page, page.getByTestId('d365-dup-confirm'), 'confirm');
    await shot(page, 'layout-1280', 'duplicates-tr');
    await page.getByTestId('d365-dup-confirm').click();
    await dialog.waitFor({ state: 'detached' });
  });
});
