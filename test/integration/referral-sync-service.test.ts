import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferralSyncStatus } from '../../shared/referrals';
import { loadFlagDefaults } from '../../main/config/load';
import { silentLog } from '../../main/core/log';
import { createFlags } from '../../main/flags/flags';
import type { Flags } from '../../main/flags/flags';
import { createPartnerCenter } from '../../main/integrations/partner-center/partner-center';
import { ReferralSyncService } from '../../main/integrations/partner-center/referral-sync-service';
import { createFileSecretStore } from '../../main/platform/node-secret-store';
import { openStore } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { startPartnerCenterHarness } from '../support/partner-center-harness';
import type { PartnerCenterHarness } from '../support/partner-center-harness';
import { makeReferral } from '../support/referral-fixtures';
import { resourcesCopy } from '../unit/config-temp-copy';

const INTERVAL = 150;
let h: PartnerCenterHarness;
let store: Store;
let flags: Flags;
let resources: string;
let service: ReferralSyncService;
let statuses: ReferralSyncStatus[];
let online: boolean;
let scanned: string[][];

const lists = () => h.pc.requests.filter((r) => r.method === 'GET').length;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await wait(10);
  }
}

beforeEach(async () => {
  h = await startPartnerCenterHarness({ referrals: [makeReferral(0), makeReferral(1)] });
  store = openStore(h.dbPath);
  resources = resourcesCopy('partner-center.json', (json) => {
    json.retry = { tries: 1, base_delay_ms: 1, max_delay_ms: 1, max_retry_after_ms: 1000 };
  });
  const env = { ...h.env, HUNTER_FLAG_PARTNER_CENTER: '' };
  flags = createFlags(loadFlagDefaults(resources), store.settings, env);
  const partnerCenter = createPartnerCenter({
    store,
    secrets: createFileSecretStore(h.dir),
    flags,
    resources,
    env,
  });
  statuses = [];
  online = true;
  scanned = [];
  service = new ReferralSyncService({
    store,
    partnerCenter,
    flags,
    log: silentLog,
    timers: true,
    intervalMs: INTERVAL,
    maxBackoffMs: INTERVAL * 4,
    firstRunDelayMs: 0,
    isOnline: () => online,
    onStatus: (s) => statuses.push(s),
    scanNewLeads: async (domains) => {
      scanned.push(domains);
    },
  });
});

afterEach(async () => {
  await service.stop();
  store.close();
  await h.stop();
  fs.rmSync(resources, { recursive: true, force: true });
});

describe('Partner Center sync timer', () => {
  it('does nothing while the flag is off, and starts and stops live with it', async () => {
    service.start();
    await wait(INTERVAL * 2);
    expect(lists()).toBe(0);
    expect(service.status().state).toBe('disabled');

    flags.set('partner_center', true);
    await until(() => lists() >= 2 && service.status().state === 'idle');
    expect(service.status().last_error).toBeNull();
    expect(service.status().last_success_at).not.toBeNull();

    flags.set('partner_center', false);
    const after = lists();
    await wait(INTERVAL * 3);
    expect(lists()).toBe(after);
    expect(service.status()).toMatchObject({ state: 'disabled', next_run_at: null });
  });

  it('pushes the status: running, then idle with the run figures, and scans the leads a run created', async () => {
    flags.set('partner_center', true);
    service.start();
    await until(() => statuses.some((s) => s.state === 'idle' && s.last_result !== null));
    const states = statuses.map((s) => s.state);
    expect(states.indexOf('running')).toBeLessThan(states.lastIndexOf('idle'));
    expect(statuses.at(-1)?.last_result).toMatchObject({ inserted: 2, leads_created: 2 });
    expect(scanned[0]).toHaveLength(2);
  });

  it('never runs twice at once: a "sync now" during a run joins it', async () => {
    flags.set('partner_center', true);
    const a = service.syncNow();
    const b = service.syncNow();
    expect(b).toBe(a);
    await a;
    expect(lists()).toBe(1);
  });

  it('doubles the wait after each failure, up to the bound, and resets after a success', async () => {
    flags.set('partner_center', true);
    for (let i = 0; i < 50; i++) h.pc.faults.push({ kind: 'status', status: 503 });
    const waits: number[] = [];
    service.start();
    await until(() => service.status().state === 'error');
    waits.push(Date.parse(service.status().next_run_at!) - Date.now());
    for (let failures = 2; failures <= 4; failures++) {
      await service.syncNow().catch(() => {});
      const s = service.status();
      expect(s.state).toBe('error');
      expect(s.last_error).toContain('HTTP 503');
      waits.push(Date.parse(s.next_run_at!) - Date.now());
    }
    // interval × 2, × 4, then the bound (4 × interval) twice; a little slack for the time between the two reads
    const expected = [2, 4, 4, 4].map((k) => k * INTERVAL);
    waits.forEach((w, i) => expect(Math.abs(w - expected[i])).toBeLessThan(60));
    h.pc.faults.length = 0;
    await service.syncNow();
    expect(Date.parse(service.status().next_run_at!) - Date.now()).toBeLessThanOrEqual(INTERVAL);
  });

  it('skips runs while offline without counting a failure, and resumes when back online', async () => {
    flags.set('partner_center', true);
    online = false;
    service.start();
    await until(() => service.status().state === 'offline');
    await wait(INTERVAL * 2);
    expect(lists()).toBe(0);
    online = true;
    await until(() => lists() > 0 && service.status().state === 'idle');
  });

  it('stops asking after a refused sign-in until the rep signs in again', async () => {
    flags.set('partner_center', true);
    h.idp.revokeAccessTokens();
    h.idp.expireRefreshTokens();
    service.start();
    await until(() => service.status().state === 'signed_out');
    expect(service.status()).toMatchObject({ next_run_at: null });
    expect(service.status().last_error).toMatch(/sign in again/);
    const requests = h.pc.requests.length;
    await wait(INTERVAL * 3);
    expect(h.pc.requests.length).toBe(requests);

    await h.signIn.signInWithDeviceCode((p) => setTimeout(() => h.idp.approveDeviceCode(p.userCode), 10));
    service.signedIn();
    await until(() => service.status().state === 'idle' && service.status().last_result !== null);
  });
});
