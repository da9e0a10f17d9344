// A scanned lead's detail in Turkish, every tab: the visible page text has no English UI word, no avoided term
// (resources/glossary.json) and no markdown asterisks, including the scan history's recorded codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../main/config/glossary';
import type { ScanResult } from '../../shared/domain';
import { e2eSuite, row, shot } from '../support/browser';
import { englishInTurkish } from '../support/turkish-vocabulary';

const suite = e2eSuite();
const glossary = loadGlossary(join(import.meta.dirname, '..', '..', 'resources'));

/** an earlier scan whose DNS timed out: the real scan after it changes the status and every verdict field */
function timedOut(domain: string): ScanResult {
  return {
    domain,
    domain_display: domain,
    scanned_at: new Date(Date.now() - 3_600_000).toISOString(),
    scan_status: 'dns_timeout',
    dns: null,
    whois: {
      status: 'unknown',
      source: null,
      registrar: null,
      created_at: null,
      expires_at: null,
      nameservers: [],
      reason: 'timeout',
    },
    provider: null,
    verdict: null,
    error: 'dns_timeout',
    duration_ms: 1000,
  };
}

describe('lead detail in Turkish (e2e)', () => {
  it('i. summary, score, DNS and history tabs show no English word and no markdown', async () => {
    const app = await suite.startApp();
    const domain = 'hosting-shared.test';
    await app.handlers['leads.add']({ input: domain });
    app.ctx.store.leads.saveScanResults([timedOut(domain)]);
    await app.handlers['scan.start']({ domains: [domain] });
    await app.jobs.idle();
    const { page } = await suite.openApp(app);

    await row(page, domain).click();
    await page.getByTestId('sales-summary').waitFor();
    const problems: Record<string, string[]> = {};
    for (const tab of ['summary', 'score', 'dns', 'history']) {
      await page.getByTestId(`tab-${tab}`).click();
      const panel = { summary: 'sales-summary', score: 'score-breakdown', dns: 'dns-facts', history: 'scan-history' }[
        tab
      ]!;
      await page.getByTestId(panel).waitFor();
      await shot(page, 'turkish', tab);
      const text = await page.locator('body').innerText();
      problems[tab] = [...englishInTurkish(text, glossary), ...(text.includes('**') ? ['**'] : [])];
    }
    expect(problems).toEqual({ summary: [], score: [], dns: [], history: [] });

    // the history names the status change and the values in Turkish, not as stored codes
    const history = await page.getByTestId('scan-history').innerText();
    expect(history).toContain('Tarama durumu: DNS zaman aşımı → Tarandı');
    expect(history).toContain('Segment: ∅ → Geçiş');
    expect(history).toContain('Sağlayıcı: ∅ → Paylaşımlı barındırma');
  });
});
