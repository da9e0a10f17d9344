// The first start of a fresh install: the setup asks for the language, the rep's company and the DNS servers (the
// system resolver unless the rep names others), can be skipped, and comes back from Settings. A file the OS opens
// Hunter with goes straight to the import preview once the setup is out of the way.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../support/app-harness';
import type { AppHarness } from '../support/app-harness';
import { launchBrowser, RENDERER_DIR, seriousAxeViolations, shot } from '../support/browser';

let browser: Browser;
let app: AppHarness | null = null;
let problems: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await app?.close();
  app = null;
  expect(problems).toEqual([]);
  problems = [];
});

async function open(harness: AppHarness): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`http://127.0.0.1:${harness.bridge.port}/?token=${harness.bridge.token}`);
  return page;
}

// a browser flow each, on 2 shared cores: room above the default 30 s
describe('first run (e2e)', { timeout: 60_000 }, () => {
  it('asks once for the company and DNS servers, saves them, and opens the leads', async () => {
    app = await startApp({ staticDir: RENDERER_DIR });
    const page = await open(app);

    await page.getByTestId('first-run').waitFor();
    await expect
      .poll(() => page.getByTestId('first-run').getByRole('heading', { level: 2 }).innerText())
      .toBe('Hunter kurulumu');
    await shot(page, 'first-run', 'tr');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('setup-company').fill('Örnek Bilişim');
    await page.getByTestId('setup-dns-custom').click();
    await page.getByTestId('setup-dns-servers').fill('9.9.9.9:53');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-finish').click();
    await page.getByTestId('screen-leads').waitFor();

    expect(app.ctx.settings.get()).toMatchObject({ company_name: 'Örnek Bilişim', dns_servers: ['9.9.9.9:53'] });
    expect((await app.rpc('setup.state', {})).body.data).toEqual({ done: true });

    // a reload does not ask again
    await page.reload();
    await page.getByTestId('screen-leads').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
  });

  it('can be skipped, keeps the system resolver, and comes back from Settings in the chosen language', async () => {
    app = await startApp({ staticDir: RENDERER_DIR });
    const page = await open(app);

    await page.getByTestId('first-run').waitFor();
    await page.getByTestId('setup-language').getByText('English').click();
    await expect.poll(() => page.getByTestId('setup-finish').innerText()).toBe('Save and start');
    await shot(page, 'first-run', 'en');
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('screen-leads').waitFor();
    expect(app.ctx.settings.get().dns_servers).toEqual([]);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-run-setup').click();
    await page.getByTestId('first-run').waitFor();
    expect(await page.getByTestId('setup-dns-system').isChecked()).toBe(true);
  });

  it('previews the import of a file the OS opened Hunter with', async () => {
    app = await startApp({ staticDir: RENDERER_DIR, settings: { language: 'en' } });
    const page = await open(app);
    await page.getByTestId('screen-leads').waitFor();

    const csv = path.join(app.dir, 'Bayi listesi.csv');
    fs.writeFileSync(csv, 'website,company\nornek.com.tr,Örnek\nfirma.com,Firma\nyok,-\n');
    app.ctx.openedFiles.offer([csv]);

    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toContain('Bayi listesi.csv');
    await shot(page, 'first-run', 'opened-file-preview');
    expect(app.ctx.openedFiles.take()).toEqual([]);
  });
});
