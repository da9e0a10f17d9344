import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { loadConsumerDomains } from '../../main/integrations/partner-center/consumer-domains';
import { answerReferral } from '../../main/integrations/partner-center/referral-answers';
import { syncReferrals } from '../../main/integrations/partner-center/referral-sync';
import { createReferralsClient } from '../../main/integrations/partner-center/referrals-client';
import type { ReferralsClient } from '../../main/integrations/partner-center/referrals-client';
import { resourcesDir } from '../../main/config/load';
import { openStore } from '../../main/store/db';
import type { Store } from '../../main/store/db';
import { startPartnerCenterHarness } from '../support/partner-center-harness';
import type { PartnerCenterHarness } from '../support/partner-center-harness';
import { contactless, freemailWithWebsite, makeReferral, referralId, referralMix } from '../support/referral-fixtures';

const consumerDomains = loadConsumerDomains(resourcesDir());
let h: PartnerCenterHarness;
let store: Store;
let client: ReferralsClient;

async function setup(referrals = referralMix(250), opts: { repeat?: boolean } = {}) {
  h = await startPartnerCenterHarness({ referrals, repeatAcrossPages: opts.repeat ?? true });
  store = openStore(h.dbPath);
  client = createReferralsClient({
    apiUrl: h.pc.url,
    tokens: h.signIn,
    retry: { tries: 4, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 5000 },
  });
}

const sync = (full = false) => syncReferrals({ store, client, consumerDomains }, { full });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Everything a run could have written, to compare before and after a failed one. */
function snapshot() {
  return {
    referrals: store.sqlite.prepare('SELECT * FROM partner_center_referrals ORDER BY id').all(),
    leads: store.sqlite.prepare('SELECT id, domain, source FROM leads ORDER BY id').all(),
  };
}

afterEach(async () => {
  store?.close();
  await h?.stop();
});

describe('referral sync', () => {
  beforeEach(() => setup());

  it('reads every page through @odata.nextLink with $top=100, counting repeats as fetched and storing each id once', async () => {
    const { result } = await sync();
    const lists = h.pc.requests.filter((r) => r.method === 'GET');
    expect(lists).toHaveLength(3);
    expect(new URL(lists[0].url, h.pc.url).searchParams.get('$top')).toBe('100');
    expect(result.fetched).toBe(252); // 100 + 101 + 51: each later page repeats one item
    expect(result.inserted).toBe(250);
    expect(result.updated + result.unchanged).toBe(0);
    expect(store.referrals.count({})).toBe(250);
    expect(result.linked + result.unlinked).toBe(250);
  });

  it('writes nothing on a second run of the same data and counts it unchanged', async () => {
    await sync();
    const before = snapshot();
    const { result } = await sync(true);
    expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: 250, leads_created: 0 });
    expect(snapshot()).toEqual(before);
  });

  it('reads only changes after the first run: $filter on updatedDateTime, $orderby updatedDateTime', async () => {
    await sync();
    h.pc.change(referralId(3), { status: 'Active', substatus: 'Accepted' });
    h.pc.requests.length = 0;
    const { result } = await sync();
    const url = new URL(h.pc.requests[0].url, h.pc.url);
    expect(url.searchParams.get('$filter')).toMatch(/^updatedDateTime gt \d{4}-\d\d-\d\dT/);
    expect(url.searchParams.get('$orderby')).toBe('updatedDateTime');
    expect(result).toMatchObject({ fetched: 1, updated: 1, inserted: 0 });
    expect(store.referrals.get(referralId(3))).toMatchObject({ status: 'Active', substatus: 'Accepted' });
  });

  it('moves synced_at only for referrals whose stored data changed', async () => {
    await sync();
    const untouched = store.referrals.get(referralId(1))!.synced_at;
    const changedBefore = store.referrals.get(referralId(2))!.synced_at;
    await new Promise((r) => setTimeout(r, 5));
    h.pc.change(referralId(2), { name: 'Yeni ad' });
    await sync(true);
    expect(store.referrals.get(referralId(1))!.synced_at).toBe(untouched);
    expect(store.referrals.get(referralId(2))!.synced_at > changedBefore).toBe(true);
  });

  it('records each run with its figures', async () => {
    const { result } = await sync();
    expect(store.referrals.lastRun()).toMatchObject({ ...result, mode: 'full', error: null });
  });
});

describe('kinds, domains and leads', () => {
  it('derives the kind from type and referralSource, keeping unknown combinations as other', async () => {
    await setup([
      makeReferral(0, { type: 'Shared' }),
      makeReferral(1, { type: 'Independent', referralSource: 'Marketplace' }),
      makeReferral(2, { type: 'Independent', referralSource: undefined }),
      makeReferral(3, { type: 'SomethingNew' }),
      makeReferral(4, { type: undefined }),
    ]);
    await sync();
    const kinds = Object.fromEntries(store.referrals.list({}).map((r) => [r.referral_id, r.kind]));
    expect(kinds).toEqual({
      [referralId(0)]: 'co-sell',
      [referralId(1)]: 'marketplace',
      [referralId(2)]: 'solution-provider',
      [referralId(3)]: 'other',
      [referralId(4)]: 'other',
    });
    expect(store.referrals.list({ kind: 'other' })).toHaveLength(2);
  });

  it('takes the domain from a company e-mail, else the website (IDN to ASCII), never a consumer mailbox', async () => {
    const company = makeReferral(0);
    (company.customerProfile as { team: unknown[] }).team = [
      { firstName: 'A', email: 'a@GMAIL.com' },
      { firstName: 'B', email: 'B@Şirket.Com.TR' },
    ];
    await setup([
      company,
      freemailWithWebsite(1, 'https://www.Örnek-Çağ.com.tr/iletişim'),
      freemailWithWebsite(2, ''),
      contactless(3),
    ]);
    const { result } = await sync();
    const get = (i: number) => store.referrals.get(referralId(i))!;
    expect(get(0)).toMatchObject({
      domain: 'xn--irket-idb.com.tr',
      domain_display: 'şirket.com.tr',
      link_status: 'linked',
    });
    expect(get(1)).toMatchObject({ domain: 'xn--rnek-a-0ua8iyq.com.tr', domain_display: 'örnek-çağ.com.tr' });
    expect(get(1).lead_domain).toBe(get(1).domain);
    expect(get(2)).toMatchObject({ domain: null, lead_domain: null, link_status: 'unlinked' });
    expect(get(3)).toMatchObject({ domain: null, link_status: 'unlinked' });
    expect(result).toMatchObject({ linked: 2, unlinked: 2, leads_created: 2 });
  });

  it('links to an existing lead, creates missing leads once (source partner_center) and reports them for scanning', async () => {
    const shared = (i: number) => {
      const r = makeReferral(i);
      (r.customerProfile as { team: unknown[] }).team = [{ email: `x${i}@ortak-firma.com` }];
      return r;
    };
    await setup([shared(0), shared(1), makeReferral(2)]);
    const existing = (makeReferral(2).customerProfile as { team: { email: string }[] }).team[0].email.split('@')[1];
    store.leads.addLeads([{ domain: existing, domain_display: existing, company_name: 'Elle eklenen' }]);

    const { result, newLeadDomains } = await sync();
    expect(newLeadDomains).toEqual(['ortak-firma.com']);
    expect(result).toMatchObject({ leads_created: 1, linked: 3, unlinked: 0 });
    const leads = store.sqlite.prepare('SELECT domain, source FROM leads ORDER BY domain').all();
    expect(leads).toEqual([
      { domain: existing, source: null },
      { domain: 'ortak-firma.com', source: 'partner_center' },
    ]);
    expect(store.referrals.get(referralId(2))!.lead_domain).toBe(existing);
  });

  it('does not bring back a lead the rep deleted: its referral stays unlinked through a full resync', async () => {
    await setup([makeReferral(0), makeReferral(1)]);
    const { newLeadDomains } = await sync();
    const [deleted, kept] = newLeadDomains;
    store.leads.deleteLeads([deleted]);

    const again = await sync(true);
    expect(again.newLeadDomains).toEqual([]);
    expect(store.leads.getLead(deleted)).toBeNull();
    expect(store.referrals.get(referralId(0))).toMatchObject({ domain: deleted, link_status: 'unlinked' });
    expect(store.referrals.get(referralId(1))).toMatchObject({ lead_domain: kept, link_status: 'linked' });

    // added again by hand, the lead gets its referral back on the next run
    store.leads.addLeads([{ domain: deleted, domain_display: deleted, company_name: null }]);
    await sync(true);
    expect(store.referrals.get(referralId(0))).toMatchObject({ lead_domain: deleted, link_status: 'linked' });
  });

  it('stores 2,000 referrals with Turkish names, all directions and statuses, with one lead per company domain', async () => {
    const referrals = referralMix(2000).map((r, i) => (i % 7 === 0 ? { ...r, status: 'Closed', substatus: 'Won' } : r));
    await setup(referrals, { repeat: false });
    const { result } = await sync();
    expect(result.inserted).toBe(2000);
    expect(store.referrals.list({}).filter((r) => r.direction === 'Outgoing')).toHaveLength(400);
    expect(store.referrals.list({ status: 'Closed' }).length).toBeGreaterThan(0);
    expect(store.referrals.list({ search: 'Çağdaş' }).length).toBeGreaterThan(0);
    const leadCount = (store.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
    expect(result.leads_created).toBe(leadCount);
    expect(result.linked + result.unlinked).toBe(2000);
  });
});

describe('API failures', () => {
  beforeEach(() => setup());

  it('refreshes the token once on a 401 and carries on', async () => {
    h.pc.faults.push({ kind: 'unauthorized' });
    const { result } = await sync();
    expect(result.inserted).toBe(250);
    expect(h.idp.grants.at(-1)).toBe('refresh_token');
  });

  it('gets a new token when the API refuses a revoked one', async () => {
    h.idp.revokeAccessTokens();
    const { result } = await sync();
    expect(result.inserted).toBe(250);
  });

  it('fails signed_out, leaving the database as it was, when the refresh token has expired too', async () => {
    await sync();
    h.pc.change(referralId(5), { name: 'değişti' });
    const before = snapshot();
    h.idp.revokeAccessTokens();
    h.idp.expireRefreshTokens();
    const err = await failure(sync(true));
    expect(err.code).toBe('signed_out');
    expect(snapshot()).toEqual(before);
    expect(store.referrals.lastRun()?.error).toMatch(/sign in again/);
  });

  it('waits for Retry-After on a 429, then continues', async () => {
    h.pc.faults.push({ kind: 'status', status: 429, retryAfter: '1' });
    const t0 = Date.now();
    const { result } = await sync();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(result.inserted).toBe(250);
    expect(h.pc.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
  });

  it('fails at once, without waiting, when Retry-After is beyond the bound', async () => {
    h.pc.faults.push({ kind: 'status', status: 429, retryAfter: '3600' });
    const err = await failure(sync());
    expect(err.code).toBe('remote_throttled');
    expect(err.message).toContain('3600 s');
  });

  it('retries a 500 and a dropped connection with backoff', async () => {
    h.pc.faults.push({ kind: 'status', status: 500 }, { kind: 'reset' });
    const { result } = await sync();
    expect(result.inserted).toBe(250);
    expect(h.pc.requests.map((r) => r.status).slice(0, 3)).toEqual([500, 0, 200]);
  });

  it('gives up after the bounded number of tries on a service that keeps failing', async () => {
    for (let i = 0; i < 10; i++) h.pc.faults.push({ kind: 'status', status: 503 });
    const err = await failure(sync());
    expect(err.code).toBe('remote_unavailable');
    expect(err.message).toContain('after 4 tries (last: HTTP 503)');
    expect(h.pc.requests).toHaveLength(4);
    expect(store.referrals.count({})).toBe(0);
  });

  it('fails the whole run on a truncated JSON page, storing nothing of the pages before it', async () => {
    await sync();
    for (const i of [1, 150]) h.pc.change(referralId(i), { name: `değişti ${i}` });
    const before = snapshot();
    h.pc.faults.push({ kind: 'pass' }, { kind: 'truncated' });
    const err = await failure(sync(true));
    expect(err.code).toBe('remote_error');
    expect(err.message).toMatch(/malformed answer \(page 2/);
    expect(snapshot()).toEqual(before);
    expect(store.referrals.lastRun()).toMatchObject({ error: err.message, inserted: 0, updated: 0 });
  });
});

describe('answering referrals', () => {
  beforeEach(() => setup([makeReferral(0), makeReferral(1), makeReferral(4)]));

  it('accepts a New incoming referral with If-Match on the stored eTag: Active/Accepted here and there', async () => {
    await sync();
    const { referral } = await answerReferral({ store, client, consumerDomains }, referralId(0), { kind: 'accept' });
    expect(referral).toMatchObject({ status: 'Active', substatus: 'Accepted', link_status: 'linked' });
    expect(h.pc.referrals.get(referralId(0))).toMatchObject({ status: 'Active', substatus: 'Accepted' });
    expect(referral.etag).toBe(h.pc.referrals.get(referralId(0))!.eTag);
  });

  it('declines with the reason as statusReason in the same patch', async () => {
    await sync();
    const { referral } = await answerReferral({ store, client, consumerDomains }, referralId(1), {
      kind: 'decline',
      reason: 'Bütçe yok',
    });
    expect(referral).toMatchObject({ status: 'Closed', substatus: 'Declined' });
    expect(h.pc.referrals.get(referralId(1))).toMatchObject({ statusReason: 'Bütçe yok', substatus: 'Declined' });
    expect(h.pc.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('on 412 changes nothing in Partner Center, stores the fresh copy and says so', async () => {
    await sync();
    h.pc.change(referralId(0), { status: 'Closed', substatus: 'Expired' });
    const err = await failure(answerReferral({ store, client, consumerDomains }, referralId(0), { kind: 'accept' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('Closed/Expired');
    expect(h.pc.referrals.get(referralId(0))).toMatchObject({ status: 'Closed', substatus: 'Expired' });
    expect(store.referrals.get(referralId(0))).toMatchObject({ status: 'Closed', substatus: 'Expired' });
  });

  it('refuses to answer an outgoing referral', async () => {
    await sync();
    const err = await failure(answerReferral({ store, client, consumerDomains }, referralId(4), { kind: 'accept' }));
    expect(err.code).toBe('invalid_state');
    expect(h.pc.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });
});
