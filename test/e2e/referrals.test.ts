// Partner Center in the real renderer over the real services: flag on → sync → referral column → referral-kind
// filter → detail modal → copy, in Turkish and English, against the local https identity and Partner Center fakes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { e2eSuite, expectGrid, pickOption, seriousAxeViolations, shot } from '../support/browser';
import { signInFor, startPartnerCenterHarness } from '../support/partner-center-harness';
import type { PartnerCenterHarness } from '../support/partner-center-harness';
import { contactless, makeReferral, referralId } from '../support/referral-fixtures';

const suite = e2eSuite();
let h: PartnerCenterHarness;
const savedEnv = { ...process.env };

function withContact(i: number, email: string, overrides = {}) {
  const r = makeReferral(i, overrides);
  (r.customerProfile as { team: unknown[] }).team = [{ firstName: 'Deniz', lastName: 'Kaya', email }];
  return r;
}

beforeEach(async () => {
  h = await startPartnerCenterHarness({
    signedIn: false,
    referrals: [
      withContact(0, 'it@m365-classic.test', { type: 'Shared' }),
      // received two days ago: twelve days left to answer before Partner Center archives it
      withContact(1, 'satis@google-ws.test', {
        type: 'Independent',
        referralSource: 'Marketplace',
        createdDateTime: new Date(Date.now() - 2 * 86_400_000 - 3_600_000).toISOString(),
      }),
      contactless(3),
    ],
  });
  Object.assign(process.env, h.env);
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await h.stop();
});

describe('Partner Center referrals (e2e)', () => {
  it('syncs, shows the referral column, filters by kind, opens the detail and copies from it (TR and EN)', async () => {
    const app = await suite.startApp();
    await signInFor(h.idp, app.ctx.dbPath).signInWithDeviceCode((p) =>
      setTimeout(() => h.idp.approveDeviceCode(p.userCode), 10),
    );
    const { page } = await suite.openApp(app);

    await page.getByTestId('sync-now').click();
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('idle');
    await expect.poll(() => page.getByTestId('sync-label').innerText()).toMatch(/^Eşitlendi/);
    await expectGrid(page, ['m365-classic.test', 'google-ws.test']);
    await expect.poll(() => page.getByTestId('referral-cell-m365-classic.test').textContent()).toBe('Ortak');
    await shot(page, 'referrals', 'grid-tr');

    await pickOption(page, 'filter-referral-kind', 'Ticari market');
    await expectGrid(page, ['google-ws.test']);

    await page.getByTestId('referral-cell-google-ws.test').click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Partner Center').first().waitFor();
    await expect.poll(() => modal.getByTestId('referral-expires').textContent()).toBe('12 gün içinde sona eriyor');
    expect(await modal.getByTestId('send-dynamics').isDisabled()).toBe(true);
    await modal.getByTestId('copy-domain').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('google-ws.test');
    await modal.getByTestId('copy-email').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('satis@google-ws.test');
    await modal.getByTestId('copy-id').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(referralId(1));
    await shot(page, 'referrals', 'modal-tr');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('referral-cell-google-ws.test').click();
    await expect.poll(() => page.getByRole('dialog').getByTestId('copy-deal').innerText()).toBe('Copy deal value');
    await page.getByRole('dialog').getByTestId('copy-deal').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('1001 USD');
    await shot(page, 'referrals', 'modal-en');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-referrals').click();
    await page.getByTestId(`referral-row-${referralId(3)}`).waitFor();
    expect(await page.getByTestId('referrals-table').locator('tbody tr').count()).toBe(3);
    await shot(page, 'referrals', 'screen-en');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('pc-account').waitFor();
    await expect.poll(() => page.getByTestId('pc-account').innerText()).toBe('Signed in as rep@contoso.example');
    await page.getByTestId('settings-partner-center').scrollIntoViewIfNeeded();
    await shot(page, 'referrals', 'settings-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 90_000);
});
