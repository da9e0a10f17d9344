// One priority story on screen: the default list opens with the P1/P2 leads, the "high priority" KPI counts those
// badges and opens exactly them, every P category explains itself (badge tooltip, overview legend), and overview
// bars open the grid they count. Checked in Turkish and English, with screenshots of both.
import { describe, expect, it } from 'vitest';
import { e2eSuite, expectGrid, gridDomains, row, SCAN_DOMAINS, seedLeads, shot } from '../support/browser';
import type { AppPage } from '../support/browser';

const suite = e2eSuite();

async function start(): Promise<AppPage> {
  const app = await suite.startApp();
  await seedLeads(
    app,
    SCAN_DOMAINS.map((domain) => ({ domain })),
    true,
  );
  return suite.openApp(app);
}

// verdicts of the fixture zones: hosting-shared is the only P1, google-ws the only P2
const TOP = ['hosting-shared.test', 'google-ws.test'];
const P5 = ['selfhosted.test', 'yandex-mail.test', 'zoho-mail.test'];

describe('one priority story (e2e)', () => {
  it('h. default sort, KPI, badges and overview agree, in Turkish and English', async () => {
    const { page } = await start();
    await expectGrid(page, SCAN_DOMAINS);

    // the default list opens with the top buckets, best first; the self-hosted Cold lead is no longer among them
    expect((await gridDomains(page)).slice(0, 2)).toEqual(TOP);
    expect(await row(page, 'selfhosted.test').getByText('P5').count()).toBe(1);

    // the badge explains its category in the user's language
    const badge = row(page, 'hosting-shared.test').locator('.category-badge');
    expect(await badge.getAttribute('title')).toBe(
      "P1 – Yüksek potansiyelli yeni müşteri: Kendi sunucusunda veya paylaşımlı barındırmada, Microsoft 365'e geçişe hazır: 24 saat içinde arayın.",
    );

    // the KPI counts exactly the P1/P2 badges, and opens them
    expect(await page.getByTestId('kpi-high-priority').textContent()).toContain('Yüksek öncelik (P1–P2)');
    expect(await page.getByTestId('kpi-high-priority-value').innerText()).toBe('2');
    await page.getByTestId('kpi-high-priority').click();
    await expectGrid(page, TOP);
    expect(await page.getByTestId('lead-total').innerText()).toBe('2 aday');
    await shot(page, 'priority', 'kpi-tr');

    // "total" clears the filter again
    await page.getByTestId('kpi-total').click();
    await expectGrid(page, SCAN_DOMAINS);

    // overview: a legend gives each P category its meaning; a bar opens the grid it counts
    await page.getByTestId('nav-overview').click();
    const legend = page.getByTestId('category-legend');
    await legend.waitFor();
    expect(await legend.innerText()).toContain('P5 · Düşük ilgi, uzun takip');
    // the bars follow the P order of the story
    expect(
      await page
        .getByTestId('chart-category')
        .locator('[data-testid^="bar-"]')
        .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-testid'))),
    ).toEqual(['bar-P1', 'bar-P2', 'bar-P3', 'bar-P4', 'bar-P5', 'bar-P6']);
    await shot(page, 'priority', 'overview-tr');
    await page.getByTestId('chart-category').getByTestId('bar-P5').click();
    await page.getByTestId('screen-leads').waitFor();
    await expectGrid(page, P5);

    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('kpi-total').click();
    await expectGrid(page, SCAN_DOMAINS);
    expect(await page.getByTestId('kpi-high-priority').textContent()).toContain('High priority (P1–P2)');
    expect(await row(page, 'google-ws.test').locator('.category-badge').getAttribute('title')).toBe(
      'P2 – Competitive takeover: On Google, Zoho or Yandex and ready to move: call within 24 hours.',
    );
    await page.getByTestId('nav-overview').click();
    await legend.waitFor();
    expect(await legend.innerText()).toContain('P1 · High-potential greenfield');
    await shot(page, 'priority', 'overview-en');
    await page.getByTestId('chart-segment').getByTestId('bar-Migration').click();
    await expectGrid(page, TOP);
    await shot(page, 'priority', 'grid-en');
  });

  it('i. the call script greets with the rep name and company from Settings, placeholders until they are set', async () => {
    const { page } = await start();
    const script = () => page.getByTestId('summary-call-script').locator('li').first().innerText();
    await row(page, 'hosting-shared.test').click();
    await page.getByTestId('sales-summary').waitFor();
    // the category is named in the user's language next to its badge
    expect(await page.getByTestId('detail-category-label').innerText()).toBe('Yüksek potansiyelli yeni müşteri');
    expect(await script()).toMatch(/^Merhaba, ben \[Adınız\], \[Şirketiniz\] adına arıyorum\. hosting-shared\.test /);
    await page.getByTestId('detail-close').click();

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-rep-name').fill('Ayşe Yılmaz');
    await page.getByTestId('settings-company').fill('Bulut Partner');
    await shot(page, 'priority', 'settings-rep-tr');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('nav-leads').click();
    await row(page, 'hosting-shared.test').click();
    await page.getByTestId('sales-summary').waitFor();
    await expect.poll(script).toMatch(/^Merhaba, ben Ayşe Yılmaz, Bulut Partner adına arıyorum\./);
    await shot(page, 'priority', 'call-script-tr');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(script).toMatch(/^Hello, this is Ayşe Yılmaz, calling on behalf of Bulut Partner\./);
    await shot(page, 'priority', 'call-script-en');
  });
});
