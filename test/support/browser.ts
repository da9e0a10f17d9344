// Shared e2e plumbing: one headless Chromium per test file, a fresh page per test against the real renderer
// (dist/renderer) served by the real web bridge, plus the locators, screenshots and axe scans the flows use.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { FIXTURE_DKIM_SELECTORS, fixtureZones } from '../fixtures/dns-zones';
import { startApp } from './app-harness';
import type { AppHarness } from './app-harness';
import { startDnsServer } from './dns-server';
import type { DnsServerHandle } from './dns-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist/renderer');
export const SHOTS_DIR = path.join(ROOT, 'test-results/e2e');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Fixture domains whose verdicts the flows assert (see test/fixtures/dns-zones.ts). */
export const SCAN_DOMAINS = [
  'm365-classic.test',
  'm365-tenant.test',
  'google-ws.test',
  'yandex-mail.test',
  'zoho-mail.test',
  'hosting-shared.test',
  'selfhosted.test',
  'natro-customer.test',
  'no-mx.test',
  'spf-too-many.test',
];

/** The real services on a temp DB, scanning against the local fixture DNS server with WHOIS off. */
async function startE2eApp(dns: DnsServerHandle): Promise<AppHarness> {
  return startApp({
    staticDir: RENDERER_DIR,
    settings: {
      dns_servers: [dns.address],
      dns_timeout_ms: 1000, // generous: the e2e files run beside other suites on 2 cores
      dns_tries: 2,
      whois_enabled: false,
      dkim_selectors: FIXTURE_DKIM_SELECTORS,
      scan_concurrency: 2,
    },
  });
}

/** Arrange through the services (not the UI): add leads with optional company names, optionally scanned. */
export async function seedLeads(
  app: AppHarness,
  leads: { domain: string; company?: string }[],
  scan: boolean,
): Promise<void> {
  for (const lead of leads) await app.handlers['leads.add']({ input: lead.domain, company_name: lead.company });
  if (!scan) return;
  await app.handlers['scan.start']({ query: { scanned: 'unscanned' } });
  await app.jobs.idle();
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** uncaught exceptions and failed (>= 400) responses seen by the page */
  problems: string[];
  close(): Promise<void>;
}

/** Opens the app in a fresh context (own localStorage, downloads and clipboard allowed) and waits for the grid shell. */
async function openApp(
  browser: Browser,
  app: AppHarness,
  opts: { colorScheme?: 'light' | 'dark' } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: opts.colorScheme ?? 'light',
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`http://127.0.0.1:${app.bridge.port}/?token=${app.bridge.token}`);
  await page.getByTestId('screen-leads').waitFor();
  await page.getByTestId('lead-total').filter({ hasNotText: /…/ }).waitFor();
  return { page, context, problems, close: () => context.close() };
}

// ---- locators and reads -------------------------------------------------------------------------------

export const rowSelector = '[data-testid^="lead-row-"]';

export function row(page: Page, domain: string) {
  return page.getByTestId(`lead-row-${domain}`);
}

export function cell(page: Page, domain: string, column: string) {
  return row(page, domain).locator(`[data-col="${column}"]`);
}

/** Domains of the rendered grid rows, top to bottom. */
export function gridDomains(page: Page): Promise<string[]> {
  return page.$$eval(rowSelector, (rows) =>
    rows
      .map((element) => ({
        index: Number(element.getAttribute('aria-rowindex')),
        id: element.getAttribute('data-testid')!,
      }))
      .sort((a, b) => a.index - b.index)
      .map((entry) => entry.id.slice('lead-row-'.length)),
  );
}

/** Waits until the grid settled on exactly these domains (order-insensitive unless `ordered`). */
export async function expectGrid(page: Page, domains: string[], ordered = false): Promise<void> {
  const want = ordered ? domains : [...domains].sort();
  await page
    .waitForFunction(
      ({ want, ordered, selector }) => {
        const grid = document.querySelector('[data-testid="leads-grid"]');
        if (grid?.getAttribute('aria-busy') === 'true') return false;
        const rows = [...document.querySelectorAll(selector)]
          .map((element) => ({
            index: Number(element.getAttribute('aria-rowindex')),
            id: element.getAttribute('data-testid')!.slice(9),
          }))
          .sort((a, b) => a.index - b.index)
          .map((entry) => entry.id);
        const got = ordered ? rows : rows.sort();
        return JSON.stringify(got) === JSON.stringify(want);
      },
      { want, ordered, selector: rowSelector },
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(`grid shows ${JSON.stringify(await gridDomains(page))}, expected ${JSON.stringify(want)}`);
    });
}

/** Picks an option in a Mantine Select/MultiSelect by its visible label. */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.keyboard.press('Escape'); // close a MultiSelect dropdown
}

export async function saveDownload(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

// ---- evidence -----------------------------------------------------------------------------------------

/** test-results/e2e/<flow>-<step>.png */
export async function shot(page: Page, flow: string, step: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${flow}-${step}.png`) });
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // evaluated over the DevTools protocol, not added as a <script>: the app's CSP (script-src 'self') rightly
  // blocks inline scripts, and the test must not switch the CSP off
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export interface E2eSuite {
  /** the real services on a temp DB, closed after the test */
  startApp(): Promise<AppHarness>;
  /** the app in a fresh browser context, closed after the test */
  openApp(app: AppHarness, opts?: { colorScheme?: 'light' | 'dark' }): Promise<AppPage>;
}

/**
 * A test file's lifecycle: one browser and one fixture DNS server for the file; after each test, every page and app
 * it opened is closed, and the test fails if a page threw or got a failed (>= 400) response.
 */
export function e2eSuite(): E2eSuite {
  let browser: Browser;
  let dns: DnsServerHandle;
  let apps: AppHarness[] = [];
  let pages: AppPage[] = [];
  beforeAll(async () => {
    [browser, dns] = await Promise.all([launchBrowser(), startDnsServer({ zones: fixtureZones })]);
  });
  afterEach(async () => {
    const problems = pages.flatMap((p) => p.problems);
    for (const p of pages) await p.close();
    for (const app of apps) await app.close();
    pages = [];
    apps = [];
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await dns?.stop();
  });
  return {
    async startApp() {
      const app = await startE2eApp(dns);
      apps.push(app);
      return app;
    },
    async openApp(app, opts) {
      const page = await openApp(browser, app, opts);
      pages.push(page);
      return page;
    },
  };
}
