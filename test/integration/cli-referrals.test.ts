import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openStore } from '../../main/store/db';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer } from '../support/dns-server';
import type { DnsServerHandle } from '../support/dns-server';
import { startPartnerCenterHarness } from '../support/partner-center-harness';
import type { PartnerCenterHarness } from '../support/partner-center-harness';
import { projectRoot } from '../support/project-root';
import { contactless, makeReferral, referralId } from '../support/referral-fixtures';
import { resourcesCopy } from '../unit/config-temp-copy';

const ROOT = projectRoot();
/** the bin transpiles the app with tsx at every start: on a loaded 2-core machine that alone can take half a minute */
const SPAWN_TIMEOUT_MS = 120_000;
const LIST_KEYS = [
  'referral_id',
  'engagement_id',
  'name',
  'kind',
  'status',
  'substatus',
  'direction',
  'customer_name',
  'customer_country',
  'domain',
  'domain_display',
  'lead_domain',
  'link_status',
  'deal_value',
  'currency',
  'created_at',
  'updated_at',
  'synced_at',
];
const SYNC_KEYS = ['fetched', 'inserted', 'updated', 'unchanged', 'leads_created', 'linked', 'unlinked', 'duration_ms'];

let dns: DnsServerHandle;
let h: PartnerCenterHarness;
const savedEnv = { ...process.env };

function withContact(i: number, email: string) {
  const r = makeReferral(i);
  (r.customerProfile as { team: unknown[] }).team = [{ firstName: 'Deniz', email }];
  return r;
}

const referrals = () => [
  withContact(0, 'it@m365-classic.test'),
  withContact(1, 'ceo@m365-new.test'),
  makeReferral(2, { type: 'Independent', referralSource: 'Marketplace' }),
  contactless(3),
  makeReferral(4, { direction: 'Outgoing', status: 'Active', substatus: 'Accepted' }),
];

async function hunter(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--db', h.dbPath], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    errIsTty: false,
  });
  return { code, out, err: err.join('\n'), json: () => out.map((l) => JSON.parse(l)) };
}

/** The real `hunter` bin in its own process, as a user (or the acceptance checks) run it. */
function hunterProcess(argv: string[], onStderr?: (text: string) => void) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/hunter.mjs'), ...argv, '--db', h.dbPath], {
    cwd: ROOT,
    env: { ...process.env, ...h.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => {
    err += d;
    onStderr?.(err);
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out, err })),
  );
}

beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
});
afterAll(() => dns.stop());

beforeEach(async () => {
  h = await startPartnerCenterHarness({ referrals: referrals() });
  Object.assign(process.env, h.env);
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await h.stop();
});

const countReferrals = () => {
  const store = openStore(h.dbPath);
  try {
    return store.referrals.count({});
  } finally {
    store.close();
  }
};

describe('hunter signin / signout partner-center', () => {
  it(
    'signs in by device code in a separate process: address and code on stderr, exit 0 once approved',
    async () => {
      await h.signIn.signOut();
      let approved = false;
      const r = await hunterProcess(['signin', 'partner-center'], (err) => {
        const code = /enter the code (\S+)/.exec(err)?.[1];
        if (code && !approved) {
          approved = true;
          h.idp.approveDeviceCode(code);
        }
      });
      expect(r.err).toContain(`${h.idp.url}/devicelogin`);
      expect(r.err).toContain('Signed in to Partner Center as rep@contoso.example');
      expect(r.code).toBe(0);
      expect((await hunter('referrals', 'sync', '--no-scan', '--json')).code).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );

  it('signs out: the next sync exits 5 and says to sign in again, storing nothing', async () => {
    expect((await hunter('signout', 'partner-center')).code).toBe(0);
    const r = await hunter('referrals', 'sync', '--json');
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/sign in again/i);
    expect(r.err).toContain('hunter signin partner-center');
    expect(r.out).toEqual([]);
    expect(countReferrals()).toBe(0);
  });

  it('exits 5 when the refresh token is refused, nothing stored half-way', async () => {
    h.idp.revokeAccessTokens();
    h.idp.expireRefreshTokens();
    const r = await hunter('referrals', 'sync', '--no-scan');
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/sign in again/i);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(countReferrals()).toBe(0);
  });
});

describe('hunter referrals', () => {
  it('exits 2 with how to turn the feature on when the flag is off', async () => {
    process.env.HUNTER_FLAG_PARTNER_CENTER = 'off';
    for (const argv of [
      ['referrals', 'sync'],
      ['referrals', 'list'],
      ['referrals', 'show', referralId(0)],
      ['referrals', 'accept', referralId(0)],
      ['signin', 'partner-center'],
      ['signout', 'partner-center'],
    ]) {
      const r = await hunter(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain('HUNTER_FLAG_PARTNER_CENTER=on');
    }
  });

  it(
    'syncs in a CLI process and prints one JSON object; a second run counts everything unchanged',
    async () => {
      const first = await hunterProcess(['referrals', 'sync', '--no-scan', '--json']);
      expect(first.code).toBe(0);
      const lines = first.out.trim().split('\n');
      expect(lines).toHaveLength(1);
      const result = JSON.parse(lines[0]);
      expect(Object.keys(result)).toEqual(SYNC_KEYS);
      expect(result).toMatchObject({
        fetched: 5,
        inserted: 5,
        updated: 0,
        unchanged: 0,
        leads_created: 4,
        linked: 4,
        unlinked: 1,
      });

      const second = (await hunter('referrals', 'sync', '--full', '--no-scan', '--json')).json()[0];
      expect(second).toMatchObject({ fetched: 5, inserted: 0, updated: 0, unchanged: 5, leads_created: 0 });
    },
    SPAWN_TIMEOUT_MS,
  );

  it('scans the new leads before exiting, with --dns-server and --whois as for scan', async () => {
    const r = await hunter('referrals', 'sync', '--json', '--dns-server', dns.address, '--whois', 'off');
    expect(r.code).toBe(0);
    const store = openStore(h.dbPath);
    try {
      const lead = store.leads.getLead('m365-classic.test')!;
      expect(lead.scan_status).not.toBe('pending');
      expect(lead.provider).toBe('M365');
    } finally {
      store.close();
    }
  });

  it('leaves new leads unscanned with --no-scan', async () => {
    await hunter('referrals', 'sync', '--no-scan');
    const store = openStore(h.dbPath);
    try {
      expect(store.leads.getLead('m365-classic.test')?.scan_status).toBe('pending');
    } finally {
      store.close();
    }
  });

  it('lists JSON Lines with the documented fields, filtered by kind, link and limit', async () => {
    await hunter('referrals', 'sync', '--no-scan');
    const all = (await hunter('referrals', 'list', '--json')).json();
    expect(all).toHaveLength(5);
    expect(Object.keys(all[0])).toEqual(LIST_KEYS);
    const unlinked = (await hunter('referrals', 'list', '--json', '--link', 'unlinked')).json();
    expect(unlinked.map((r) => r.referral_id)).toEqual([referralId(3)]);
    expect(unlinked[0]).toMatchObject({
      domain: null,
      domain_display: null,
      lead_domain: null,
      link_status: 'unlinked',
    });
    const market = (await hunter('referrals', 'list', '--json', '--kind', 'marketplace')).json();
    // the fixture makes every third Independent referral a marketplace lead
    expect(market.map((r) => r.referral_id).sort()).toEqual([referralId(1), referralId(2), referralId(4)]);
    expect((await hunter('referrals', 'list', '--json', '--limit', '2')).json()).toHaveLength(2);
    expect((await hunter('referrals', 'list', '--kind', 'partner')).code).toBe(2);
    const linked = all.find((r) => r.referral_id === referralId(0));
    expect(linked).toMatchObject({ domain: 'm365-classic.test', lead_domain: 'm365-classic.test', kind: 'co-sell' });
  });

  it('shows one referral with contacts, team, notes and raw; an unknown id exits 3', async () => {
    await hunter('referrals', 'sync', '--no-scan');
    const [shown] = (await hunter('referrals', 'show', referralId(0), '--json')).json();
    expect(Object.keys(shown)).toEqual([...LIST_KEYS, 'contacts', 'team', 'notes', 'raw']);
    expect(shown.contacts[0]).toMatchObject({ first_name: 'Deniz', email: 'it@m365-classic.test' });
    expect(shown.team[0]).toMatchObject({ email: 'can@gibibyte.example' });
    expect(shown.raw.id).toBe(referralId(0));
    expect((await hunter('referrals', 'show', 'no-such-id')).code).toBe(3);
  });

  it('accepts and declines with --json printing the referral after the change', async () => {
    await hunter('referrals', 'sync', '--no-scan');
    const [accepted] = (await hunter('referrals', 'accept', referralId(0), '--json')).json();
    expect(accepted).toMatchObject({ status: 'Active', substatus: 'Accepted' });
    const declined = await hunter('referrals', 'decline', referralId(1), '--reason', 'Zaten müşterimiz', '--json');
    expect(declined.code).toBe(0);
    expect(declined.json()[0]).toMatchObject({ status: 'Closed', substatus: 'Declined' });
    expect(h.pc.referrals.get(referralId(1))).toMatchObject({ statusReason: 'Zaten müşterimiz' });
  });

  it('exits 6 when the referral changed meanwhile, changing nothing in Partner Center', async () => {
    await hunter('referrals', 'sync', '--no-scan');
    h.pc.change(referralId(0), { status: 'Active', substatus: 'Accepted' });
    const r = await hunter('referrals', 'decline', referralId(0), '--json');
    expect(r.code).toBe(6);
    expect(r.err).toMatch(/changed in Partner Center meanwhile/);
    expect(r.out).toEqual([]);
    expect(h.pc.requests.filter((q) => q.method === 'PATCH' && q.status !== 412)).toHaveLength(0);
    expect(h.pc.referrals.get(referralId(0))).toMatchObject({ substatus: 'Accepted' });
  });

  it(
    'exits 4 with a one-line reason and the database as it was when the service keeps failing',
    async () => {
      for (let i = 0; i < 20; i++) h.pc.faults.push({ kind: 'status', status: 503 });
      process.env.HUNTER_RESOURCES = resourcesCopy('partner-center.json', (json) => {
        json.retry = { tries: 3, base_delay_ms: 1, max_delay_ms: 5, max_retry_after_ms: 1000 };
      });
      const r = await hunterProcess(['referrals', 'sync', '--json']);
      fs.rmSync(process.env.HUNTER_RESOURCES, { recursive: true, force: true });
      expect(r.code).toBe(4);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain('Partner Center did not answer successfully after 3 tries (last: HTTP 503)');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
      expect(fs.existsSync(h.dbPath) ? countReferrals() : 0).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );
});
