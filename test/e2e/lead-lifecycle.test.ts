// Archiving, restoring and deleting leads, a hand-added lead scanned at once, and a search box that shrugs off
// control characters: on the real renderer and real services, each test on its own temp database.
import { describe, expect, it } from 'vitest';
import { e2eSuite, expectGrid, row, seedLeads, shot } from '../support/browser';

const suite = e2eSuite();

async function start(domains: string[], scan = false) {
  const app = await suite.startApp();
  await seedLeads(
    app,
    domains.map((domain) => ({ domain })),
    scan,
  );
  return { app, ui: await suite.openApp(app) };
}

describe('lead archive and delete (e2e)', () => {
  it('archives a lead from its panel, undoes it from the notice, and finds it under Show archived to restore', async () => {
    const { app, ui } = await start(['google-ws.test', 'm365-tenant.test', 'zoho-mail.test'], true);
    const { page } = ui;
    const total = page.getByTestId('kpi-total-value');
    await expect.poll(() => total.innerText(), { timeout: 5000 }).toBe('3');

    await row(page, 'google-ws.test').click();
    await page.getByTestId('detail-archive').click();
    const notice = page.getByTestId('lead-notice-text');
    await expect.poll(() => notice.innerText()).toBe('google-ws.test arşivlendi');
    await expectGrid(page, ['m365-tenant.test', 'zoho-mail.test']);
    await expect.poll(() => total.innerText(), { timeout: 5000 }).toBe('2');
    // the open panel says so and offers the way back
    await page.getByTestId('detail-archived').waitFor();
    await shot(page, 'lead-life', 'archived-tr');

    await page.getByTestId('lead-notice-undo').click();
    await expectGrid(page, ['google-ws.test', 'm365-tenant.test', 'zoho-mail.test']);
    await expect.poll(() => total.innerText(), { timeout: 5000 }).toBe('3');
    expect(app.ctx.store.leads.getLead('google-ws.test')?.archived_at).toBeNull();

    await page.getByTestId('detail-archive').click();
    await expectGrid(page, ['m365-tenant.test', 'zoho-mail.test']);
    await page.getByTestId('filter-archived').click();
    await expectGrid(page, ['google-ws.test']);
    await page.getByTestId('detail-restore').click();
    await expect.poll(() => notice.innerText()).toBe('google-ws.test arşivden çıkarıldı');
    await expectGrid(page, []);
    await page.getByTestId('filter-archived').click();
    await expectGrid(page, ['google-ws.test', 'm365-tenant.test', 'zoho-mail.test']);
  });

  it('deletes the selected leads after a confirm that says how many, and one lead after naming it (EN)', async () => {
    const { app, ui } = await start(['google-ws.test', 'm365-tenant.test', 'zoho-mail.test', 'selfhosted.test']);
    const { page } = ui;
    await row(page, 'selfhosted.test').click({ modifiers: ['Control'] });
    await row(page, 'zoho-mail.test').click({ modifiers: ['Control'] });
    await page.getByTestId('delete-selected').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').innerText()).toBe('2 aday silinsin mi?');
    await shot(page, 'lead-life', 'confirm-many-tr');
    // cancelling keeps everything
    await page.getByTestId('delete-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.ctx.store.leads.listLeads({}).total).toBe(4);

    await page.getByTestId('delete-selected').click();
    await page.getByTestId('delete-confirm').click();
    await expectGrid(page, ['google-ws.test', 'm365-tenant.test']);
    await expect.poll(() => page.getByTestId('lead-notice-text').innerText()).toBe('2 aday silindi');
    expect(await page.getByTestId('selection-bar').count()).toBe(0);

    await page.getByTestId('language-switch').getByText('EN').click();
    await row(page, 'google-ws.test').click();
    await page.getByTestId('detail-delete').click();
    await expect.poll(() => dialog.getByRole('heading').innerText()).toBe('Delete google-ws.test?');
    await shot(page, 'lead-life', 'confirm-one-en');
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('lead-detail').waitFor({ state: 'detached' });
    await expectGrid(page, ['m365-tenant.test']);
    await expect.poll(() => page.getByTestId('lead-notice-text').innerText()).toBe('google-ws.test deleted');
    expect(app.ctx.store.leads.getLead('google-ws.test')).toBeNull();
  });
});

describe('adding a lead scans it (e2e)', () => {
  it('the new row shows scanning, then its verdict, without another click', async () => {
    const { ui } = await start(['zoho-mail.test'], true);
    const { page } = ui;
    // every status the new row's dot takes, however briefly
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      new MutationObserver(() => {
        const dot = document.querySelector('[data-testid="lead-row-m365-tenant.test"] .status-dot');
        const status = dot?.getAttribute('data-status');
        if (status && seen.at(-1) !== status) seen.push(status);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('add-lead-input').fill('https://www.m365-tenant.test/iletisim');
    await page.getByTestId('add-lead-submit').click();
    const hint = page.locator('.add-lead .mantine-TextInput-description');
    await expect.poll(() => hint.innerText()).toBe('m365-tenant.test eklendi ve tarandı');
    // the grid re-reads changed leads on a throttle: the row keeps "scanning" until it has
    await expect
      .poll(() => row(page, 'm365-tenant.test').locator('.status-dot').getAttribute('data-status'), { timeout: 5000 })
      .toBe('completed');
    expect(await row(page, 'm365-tenant.test').locator('[data-col="score"]').innerText()).toMatch(/\d/);
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    // scanning, then the verdict: never back to "not scanned" in between
    expect(statuses.slice(statuses.indexOf('scanning'))).toEqual(['scanning', 'completed']);
    await shot(page, 'lead-life', 'added-scanned');
  });
});

describe('search box with control characters (e2e)', () => {
  it('typing NUL and BEL around a word shows the results for the word, no error', async () => {
    const { ui } = await start(['m365-classic.test', 'm365-tenant.test', 'zoho-mail.test']);
    const { page } = ui;
    const search = page.getByTestId('search-input');
    await search.fill('\u0000m365\u0007');
    await expectGrid(page, ['m365-classic.test', 'm365-tenant.test']);
    expect(await search.inputValue()).toBe('m365');
    await search.fill('\u0000');
    await expectGrid(page, ['m365-classic.test', 'm365-tenant.test', 'zoho-mail.test']);
    expect(await page.getByTestId('error-notice').count()).toBe(0);
  });
});

describe('a bad saved setting (e2e)', () => {
  it('opens the app with the other settings kept and says in Settings which one was reset', async () => {
    const app = await suite.startApp();
    app.ctx.store.settings.set('app', { language: 'en', rep_name: 'Ayşe', dns_servers: ['dns.google'] });
    const { page } = await suite.openApp(app);
    await page.getByTestId('nav-settings').click();
    const notice = page.getByTestId('settings-reset-notice');
    await expect.poll(() => notice.innerText()).toContain('DNS servers');
    expect(await page.getByTestId('settings-rep-name').inputValue()).toBe('Ayşe');
    await shot(page, 'lead-life', 'settings-reset-en');
    await page.getByTestId('language-switch').getByText('TR').click();
    await expect.poll(() => notice.count()).toBe(0);
    // the language switch saved the repaired settings: nothing reads as reset any more
    expect(app.ctx.settings.loaded().reset_fields).toEqual([]);
  });
});
