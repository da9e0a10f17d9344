// Operations on the real renderer and services: feature flags change screens live (and an environment override
// is shown as such), legacy notes are read-only and disappear with the hard cut, the Operations screen shows the
// persisted metrics, the header's health dot, and an alert banner that appears once and clears.
import { afterEach, describe, expect, it } from 'vitest';
import { e2eSuite, row, seedLeads, seriousAxeViolations, shot } from '../support/browser';

const suite = e2eSuite();
afterEach(() => {
  delete process.env.HUNTER_FLAG_DYNAMICS;
});

const EXPORT = {
  notes: [{ domain: 'google-ws.test', note: 'Asked for a Teams demo', created_at: '2025-10-05T09:00:00Z' }],
  tags: [{ domain: 'google-ws.test', tag: 'vip', created_at: '2025-10-05T09:00:00Z' }],
};

describe('operations (e2e)', () => {
  it('flags in Settings act live; legacy notes show read-only, then vanish with crm_lite_removed', async () => {
    process.env.HUNTER_FLAG_DYNAMICS = 'on';
    const app = await suite.startApp();
    await seedLeads(app, [{ domain: 'google-ws.test' }], true);
    await app.ctx.crmLite.import('export.json', Buffer.from(JSON.stringify(EXPORT)));
    const { page } = await suite.openApp(app);

    await page.getByTestId('health-dot').and(page.locator('[data-status="ok"]')).waitFor();
    await row(page, 'google-ws.test').click();
    await page.getByTestId('tab-history').click();
    const legacy = page.getByTestId('legacy-notes');
    await legacy.waitFor();
    expect(await legacy.innerText()).toContain('Asked for a Teams demo');
    expect(await legacy.innerText()).toContain('Eski');
    await shot(page, 'operations', 'legacy-notes');

    await page.getByTestId('nav-settings').click();
    const flags = page.getByTestId('settings-flags');
    await flags.waitFor();
    // the environment wins: the switch is locked and says which variable set it
    expect(await page.getByTestId('flag-dynamics').isDisabled()).toBe(true);
    expect(await page.getByTestId('flag-dynamics-env').textContent()).toBe('HUNTER_FLAG_DYNAMICS ile ayarlandı');
    await page.getByTestId('flag-whois').click({ force: true });
    await expect.poll(() => app.ctx.flags.isOn('whois')).toBe(false);
    expect(await page.getByTestId('settings-legacy').innerText()).toContain('1 not · 1 etiket · 0 favori');
    await shot(page, 'operations', 'settings');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // a change made elsewhere (the CLI, another window) reaches the open screens through flags.changed
    app.ctx.flags.set('crm_lite_removed', true);
    await page.getByTestId('legacy-export-file').waitFor();
    expect(await page.getByTestId('flag-crm_lite_removed').isChecked()).toBe(true);
    await page.getByTestId('nav-leads').click();
    await row(page, 'google-ws.test').click();
    await page.getByTestId('tab-history').click();
    await page.getByTestId('scan-history').waitFor();
    expect(await page.getByTestId('legacy-notes').count()).toBe(0);
  });

  it('the Operations screen shows the recorded metrics, and an alert banner appears once and clears', async () => {
    const app = await suite.startApp();
    await seedLeads(app, [{ domain: 'google-ws.test' }, { domain: 'm365-classic.test' }], true);
    const { page } = await suite.openApp(app);
    await page.getByTestId('nav-operations').click();
    await page.getByTestId('operations').waitFor();
    await expect.poll(() => page.getByTestId('ops-scan-total').innerText()).toBe('2');
    await page.getByTestId('check-database').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    for (let i = 0; i < 3; i++) app.ctx.metrics.record('pc.sync', 100, { outcome: 'failed' });
    app.ctx.services.alerts.evaluate();
    const banner = page.getByTestId('alert-sync_failing');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Partner Center eşitlemesi başarısız oluyor');
    await shot(page, 'operations', 'alert');
    app.ctx.metrics.record('pc.sync', 100, { outcome: 'success' });
    app.ctx.services.alerts.evaluate();
    await banner.waitFor({ state: 'detached' });
  });
});
