// Dynamics 365 in the real renderer on the real services, against the local fake identity server and fake Dataverse:
// push from the lead detail, bulk push with the duplicate choice, the outbox while offline, and Settings → Test
// connection, in Turkish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// pushes go through the background sender: on a busy machine a round trip takes a few seconds
const SLOW = { timeout: 20_000 };
import { cell, e2eSuite, row, seedLeads, shot } from '../support/browser';
import { CLIENT_ID, CLIENT_SECRET } from '../support/d365-cli-env';
import { startFakeDataverse, testTls } from '../support/fake-dataverse';
import type { FakeDataverse } from '../support/fake-dataverse';
import { startFakeIdentity } from '../support/fake-identity';
import type { FakeIdentity } from '../support/fake-identity';

const suite = e2eSuite();
let idp: FakeIdentity;
let fake: FakeDataverse;

beforeAll(async () => {
  idp = await startFakeIdentity({ clients: { [CLIENT_ID]: { secret: CLIENT_SECRET } } });
  fake = await startFakeDataverse({ tls: testTls(), acceptToken: (t) => idp.verifyAccessToken(t) !== null });
  Object.assign(process.env, {
    HUNTER_D365_URL: fake.url,
    HUNTER_D365_AUTHORITY: idp.authority(idp.tenantId),
    HUNTER_D365_CLIENT_ID: CLIENT_ID,
    HUNTER_D365_CLIENT_SECRET: CLIENT_SECRET,
  });
});

afterAll(async () => {
  for (const k of ['HUNTER_D365_URL', 'HUNTER_D365_AUTHORITY', 'HUNTER_D365_CLIENT_ID', 'HUNTER_D365_CLIENT_SECRET'])
    delete process.env[k];
  await fake?.close();
  await idp?.stop();
});

async function start() {
  const app = await suite.startApp();
  await seedLeads(
    app,
    [{ domain: 'm365-classic.test' }, { domain: 'google-ws.test' }, { domain: 'zoho-mail.test' }],
    true,
  );
  app.ctx.flags.set('dynamics', true);
  return { app, ui: await suite.openApp(app) };
}

describe('Dynamics 365 (e2e)', () => {
  it('pushes from the lead detail and in bulk with the duplicate choice (TR)', async () => {
    const { ui } = await start();
    const { page } = ui;
    const status = (domain: string) => cell(page, domain, 'd365').getByTestId('d365-status');

    await row(page, 'm365-classic.test').click();
    await page.getByTestId('lead-detail').getByTestId('d365-push').click();
    await expect.poll(() => status('m365-classic.test').getAttribute('data-status'), SLOW).toBe('pushed');
    expect(await status('m365-classic.test').innerText()).toBe("D365'te aç");
    expect(fake.find('leads', 'hnt_domain', 'm365-classic.test')).toHaveLength(1);
    await shot(page, 'dynamics', 'pushed-tr');

    fake.seed('leads', { websiteurl: 'https://google-ws.test', subject: 'typed by a seller' });
    await page.getByTestId('detail-close').click();
    await row(page, 'google-ws.test').click({ modifiers: ['Control'] });
    await row(page, 'zoho-mail.test').click({ modifiers: ['Control'] });
    await page.getByTestId('selection-bar').getByTestId('d365-push').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("Dynamics 365'te zaten kayıtlı");
    await shot(page, 'dynamics', 'duplicates-tr');
    await page.getByTestId('d365-dup-skip').click();
    await page.getByTestId('d365-dup-confirm').click();
    await expect.poll(() => status('google-ws.test').getAttribute('data-status'), SLOW).toBe('skipped');
    await expect.poll(() => status('zoho-mail.test').getAttribute('data-status'), SLOW).toBe('pushed');
    await expect.poll(() => page.getByTestId('d365-push-progress').innerText(), SLOW).toBe('2 / 2 gönderildi');
    expect(fake.records.get('leads')!.size).toBe(3);
    await shot(page, 'dynamics', 'bulk-tr');
  });

  it('keeps pushes in the outbox while offline and sends them from Settings; Test connection shows the user (EN)', async () => {
    const { ui } = await start();
    const { page } = ui;
    await page.getByTestId('language-switch').getByText('EN').click();
    fake.setOffline(true);
    await row(page, 'zoho-mail.test').click();
    await page.getByTestId('lead-detail').getByTestId('d365-push').click();
    await expect
      .poll(() => cell(page, 'zoho-mail.test', 'd365').getByTestId('d365-status').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('queued');
    expect(await cell(page, 'zoho-mail.test', 'd365').getByTestId('d365-status').textContent()).toBe('Queued');
    fake.setOffline(false);

    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('d365-settings');
    await section.waitFor();
    await page.getByTestId('d365-test').click();
    await expect
      .poll(() => page.getByTestId('d365-whoami').innerText(), SLOW)
      .toBe(`Connected as ${fake.user.domainname}`);
    expect(await page.getByTestId('d365-url').inputValue()).toBe(fake.url);
    await shot(page, 'dynamics', 'settings-en');
    await page.getByTestId('d365-drain').click();
    await page.getByTestId('d365-outbox-empty').waitFor(SLOW);
    expect(fake.find('leads', 'hnt_domain', 'zoho-mail.test')).toHaveLength(1);
    await shot(page, 'dynamics', 'outbox-en');
  });
});
