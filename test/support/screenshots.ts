// DEV/TEST ONLY: drives the built renderer (fake API) through every screen, saves screenshots and runs an
// axe-core scan on each. Usage: npx vite build --mode fake && npx tsx test/support/screenshots.ts [outDir]
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { serveStatic } from './static-server';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const outDir = process.argv[2] ?? '/tmp/hunter-shots';
mkdirSync(outDir, { recursive: true });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axe(page: Page, name: string): Promise<number> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe.run(document);
    return result.violations;
  })) as AxeViolation[];
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  for (const violation of violations) {
    console.log(`  axe ${name}: [${violation.impact}] ${violation.id} – ${violation.help} (${violation.nodes.length}) e.g. ${violation.nodes[0]?.target.join(' ')}`);
  }
  return serious.length;
}

async function shot(page: Page, name: string, scan = true): Promise<number> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  return scan ? axe(page, name) : 0;
}

async function main() {
  const { server, url } = await serveStatic(join(process.cwd(), 'dist/renderer'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let serious = 0;
  const timings: Record<string, number> = {};
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.log(`  pageerror: ${error.message}`));
      await page.goto(`${url}?fake=1`);
      await page.waitForSelector('[data-testid^="lead-row-"]');
      serious += await shot(page, `${scheme}-leads`);
      await page.locator('[data-testid^="lead-row-"]').first().click();
      await page.waitForSelector('[data-testid="sales-summary"]');
      serious += await shot(page, `${scheme}-detail-summary`);
      if (scheme === 'dark') {
        await context.close();
        continue;
      }
      await page.getByTestId('tab-score').click();
      serious += await shot(page, `${scheme}-detail-score`);
      await page.getByTestId('tab-dns').click();
      serious += await shot(page, `${scheme}-detail-dns`);
      await page.getByTestId('tab-history').click();
      await page.waitForSelector('[data-testid="scan-history"]');
      serious += await shot(page, `${scheme}-detail-history`);
      await page.keyboard.press('Escape');

      await page.getByTestId('import-open').click();
      const csv = 'domain,company\nanadolu.com.tr,Anadolu A.Ş.\nhttps://www.marmara.net/x,Marmara\n192.168.1.1,IP\n,Empty\nanadolu.com.tr,Dup\nbilgi@çiçek.com.tr,Çiçek\n';
      await page.locator('input[type="file"]').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.waitForSelector('[data-testid="import-preview"]');
      serious += await shot(page, `${scheme}-import-preview`);
      await page.keyboard.press('Escape');

      await page.getByTestId('add-lead-input').fill('not a domain!!');
      await page.getByTestId('add-lead-submit').click();
      await page.waitForTimeout(200);
      serious += await shot(page, `${scheme}-add-invalid`);
      await page.getByTestId('add-lead-input').fill('');

      await page.getByTestId('scan-unscanned').click();
      await page.waitForSelector('[data-testid="scan-progress"]');
      await page.waitForTimeout(600);
      serious += await shot(page, `${scheme}-scan-progress`);
      await page.getByTestId('scan-cancel').click();

      await page.getByTestId('nav-overview').click();
      await page.waitForSelector('[data-testid="overview"]');
      serious += await shot(page, `${scheme}-overview`);
      await page.getByTestId('nav-settings').click();
      await page.waitForSelector('[data-testid="settings"]');
      await page.getByTestId('settings-currency').fill('T1');
      await page.getByTestId('settings-save').click();
      await page.waitForSelector('[data-testid="settings-error"]');
      serious += await shot(page, `${scheme}-settings-error`);
      await page.getByTestId('language-switch').getByText('EN').click();
      await page.getByTestId('nav-leads').click();
      await page.waitForSelector('[data-testid^="lead-row-"]');
      serious += await shot(page, `${scheme}-leads-en`);
      await context.close();
    }

    const resume = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await resume.goto(`${url}?fake=1&paused=1`);
    await resume.waitForSelector('[data-testid="scan-resume"]');
    serious += await shot(resume, 'resume-offer');
    await resume.close();

    // performance with 100,000 leads: first grid paint and sort/filter round trips
    const big = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const started = Date.now();
    await big.goto(`${url}?fake=100000`);
    await big.waitForSelector('[data-testid^="lead-row-"]', { timeout: 60_000 });
    timings.firstPaintMs = Date.now() - started;
    const rounds: number[] = [];
    // each sort key twice: the fake sorts 100,000 rows once per key, the repeat shows the renderer's own cost
    for (const column of ['score', 'domain', 'score', 'domain', 'category', 'score']) {
      const before = await big.locator('[data-testid^="lead-row-"]').first().getAttribute('data-testid');
      const clickAt = Date.now();
      await big.getByTestId(`sort-${column}`).click();
      await big.waitForFunction((previous) => {
        const grid = document.querySelector('[data-testid="leads-grid"]');
        const first = document.querySelector('[data-testid^="lead-row-"]');
        return grid && !grid.hasAttribute('data-stale') && first?.getAttribute('data-testid') !== previous;
      }, before, { timeout: 10_000 }).catch(() => undefined);
      rounds.push(Date.now() - clickAt);
    }
    timings.sortRoundTripsMs = rounds as unknown as number;
    await big.mouse.wheel(0, 200_000);
    await big.waitForTimeout(800);
    await shot(big, 'big-scrolled', false);
    writeFileSync(join(outDir, 'timings.json'), JSON.stringify(timings, null, 2));
    console.log('timings', timings);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`serious/critical axe violations: ${serious}`);
  process.exitCode = serious ? 1 : 0;
}

void main();
