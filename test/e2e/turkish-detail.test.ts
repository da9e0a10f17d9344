// A scanned lead's detail in Turkish, every tab: the visible page text has no English UI word, no avoided term
// (resources/glossary.json) and no markdown asterisks, including the scan history's recorded codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../main/config/glossary';
import type { Page } from 'playwright-core';
import { e2eSuite, row, shot } from '../support/browser';
import { dnsTimeoutResult } from '../support/fixtures-scan';
import { englishInTurkish } from '../support/turkish-vocabulary';

const suite = e2eSuite();
const glossary = loadGlossary(join(import.meta.dirname, '..', '..', 'resources'));

const PANELS = { summary: 'sales-summary', score: 'score-breakdown', dns: 'dns-facts', history: 'scan-history' };

/** what the page shows that a Turkish rep would read as English, or as markdown */
async function foreignWords(page: Page): Promise<string[]> {
  let text = await page.locator('body').innerText();
  // data, not the app's words: what the user typed (DNS servers, DKIM selectors such as "mail") and the DNS
  // answers (host names, selectors, record texts)
  const data = page.locator('.mantine-Pill-label, [data-testid="dns-facts"] .mono, code.record');
  for (const value of await data.allInnerTexts()) text = text.split(value).join(' ');
  return [...englishInTurkish(text, glossary), ...(text.includes('**') ? ['**'] : [])];
}

describe('lead detail in Turkish (e2e)', () => {
  it('i. every tab of every kind of lead shows no English word and no markdown; history values are labels', async () => {
    const app = await suite.startApp();
    // Migration from shared hosting, a broken SPF, self-hosted Cold, a hard fail (no MX), an Existing customer
    const domains = ['hosting-shared.test', 'spf-too-many.test', 'selfhosted.test', 'no-mx.test', 'm365-tenant.test'];
    for (const domain of domains) await app.handlers['leads.add']({ input: domain });
    // an earlier scan whose DNS timed out: the real scan after it changes the status and every verdict field
    app.ctx.store.leads.saveScanResults([
      dnsTimeoutResult('hosting-shared.test', new Date(Date.now() - 3_600_000).toISOString()),
    ]);
    await app.handlers['scan.start']({ domains });
    await app.jobs.idle();
    const { page } = await suite.openApp(app);

    const problems: Record<string, string[]> = {};
    for (const domain of domains) {
      await row(page, domain).click();
      await page.getByTestId('sales-summary').waitFor();
      for (const [tab, panel] of Object.entries(PANELS)) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.getByTestId(panel).waitFor();
        if (domain === domains[0]) await shot(page, 'turkish', tab);
        problems[`${domain} ${tab}`] = await foreignWords(page);
      }
      await page.getByTestId('detail-close').click();
    }
    expect(Object.entries(problems).filter(([, words]) => words.length > 0)).toEqual([]);

    // the history names the status change and the values in Turkish, not as stored codes
    await row(page, 'hosting-shared.test').click();
    await page.getByTestId('tab-history').click();
    const history = await page.getByTestId('scan-history').innerText();
    expect(history).toContain('Tarama durumu: DNS zaman aşımı → Tarandı');
    expect(history).toContain('Segment: ∅ → Geçiş');
    expect(history).toContain('Sağlayıcı: ∅ → Paylaşımlı barındırma');
    expect(history).toContain('SPF: ∅ → var');

    // the hard fail is named in the UI's language, not in the rules file's
    await row(page, 'no-mx.test').click();
    await page.getByTestId('tab-score').click();
    await expect.poll(() => page.getByTestId('score-breakdown').innerText()).toContain('Kesin ret: MX kaydı yok');
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('score-breakdown').innerText()).toContain('Hard fail: No MX record');
    expect(await page.getByTestId('score-breakdown').innerText()).not.toContain('MX kaydı');
  });

  it('j. the other screens show no English word either', async () => {
    const app = await suite.startApp();
    await app.handlers['leads.add']({ input: 'google-ws.test' });
    await app.handlers['scan.start']({ domains: ['google-ws.test'] });
    await app.jobs.idle();
    const { page } = await suite.openApp(app);
    const problems: Record<string, string[]> = { leads: await foreignWords(page) };
    for (const screen of ['overview', 'operations', 'settings']) {
      await page.getByTestId(`nav-${screen}`).click();
      await page.getByTestId(`screen-${screen}`).waitFor();
      await shot(page, 'turkish', screen);
      problems[screen] = await foreignWords(page);
    }
    expect(problems).toEqual({ leads: [], overview: [], operations: [], settings: [] });
  });
});
