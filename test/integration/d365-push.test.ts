import { afterEach, describe, expect, it } from 'vitest';
import { DataverseClient } from '../../main/integrations/dynamics/client';
import { loadD365Mapping } from '../../main/integrations/dynamics/mapping';
import type { D365Mapping } from '../../main/integrations/dynamics/mapping';
import { D365Outbox, queuePush } from '../../main/integrations/dynamics/outbox';
import type { OnDuplicate, PushMode } from '../../main/integrations/dynamics/push-plan';
import { resourcesDir } from '../../main/config/load';
import { seedLead, seedReferral } from '../support/d365-seed';
import { startFakeDataverse } from '../support/fake-dataverse';
import type { FakeDataverse, FakeDataverseOptions } from '../support/fake-dataverse';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const SUMMARY = 'Contoso uses Microsoft 365 without DKIM.\nNext step: call the IT lead.';

let fake: FakeDataverse | null = null;
let temp: TempStore | null = null;

afterEach(async () => {
  await fake?.close();
  temp?.cleanup();
  fake = null;
  temp = null;
});

async function setup(opts: FakeDataverseOptions = {}, fieldsOff: string[] = []) {
  fake = await startFakeDataverse(opts);
  temp = openTempStore({ now: () => NOW });
  const store = temp.store;
  let mapping: D365Mapping = loadD365Mapping(resourcesDir(), fieldsOff);
  const client = new DataverseClient({
    orgUrl: fake.url,
    tokens: { getToken: async () => 'token' },
    resendDelayMs: 5,
    maxResends: 2,
  });
  const outbox = new D365Outbox({ store, connect: () => ({ client, mapping }), now: () => NOW });
  const push = async (domain: string, mode: PushMode = 'lead', onDuplicate: OnDuplicate = 'update') => {
    const lead = store.leads.getLead(domain)!;
    const id = queuePush(store, { lead, mode, onDuplicate, salesSummary: SUMMARY, defaultCurrency: 'EUR' });
    return outbox.send(id);
  };
  const remap = (off: string[]) => (mapping = loadD365Mapping(resourcesDir(), off));
  return { fake, store, outbox, push, remap, client };
}

describe('Dynamics 365 push, lead mode', () => {
  it('creates one lead with every mapped field and the sales summary as a note, by PATCH on a stored id', async () => {
    const { fake, store, push } = await setup();
    seedLead(store, {
      domain: 'contoso.test',
      company_name: 'Contoso A.Ş.',
      score: 72,
      priority_score: 2,
      dkim: false,
    });
    const r = await push('contoso.test');
    expect(r.state).toBe('pushed');
    const leadId = r.outcome!.record_id;
    const lead = fake.records.get('leads')!.get(leadId)!;
    expect(lead).toMatchObject({
      subject: 'Hunter: contoso.test',
      companyname: 'Contoso A.Ş.',
      websiteurl: 'https://contoso.test',
      description: SUMMARY,
      hnt_domain: 'contoso.test',
      hnt_finalscore: 72,
      hnt_priorityscore: 2,
      hnt_provider: 'M365',
      hnt_huntertenantsize: 816940001,
      hnt_infrasummary: 'Provider: M365; MX: outlook.com; SPF: yes; DKIM: no; DMARC: reject',
      hnt_source: 816940001,
      hnt_m365fitscore: 72,
      hnt_processingstatus: 816940002,
      hnt_lastsynctime: NOW.toISOString(),
      hnt_d365leadid: leadId,
    });
    expect(lead).not.toHaveProperty('emailaddress1');
    expect(lead).not.toHaveProperty('hnt_referralid');
    const notes = [...fake.records.get('annotations')!.values()];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ notetext: SUMMARY, _objectid_lead_value: leadId });
    expect(fake.writes.every((w) => w.method === 'PATCH')).toBe(true);
    expect(r.outcome!.record_url).toBe(`${fake.url}/main.aspx?pagetype=entityrecord&etn=lead&id=${leadId}`);
    expect(store.d365Outbox.leadPushState('contoso.test')).toMatchObject({
      status: 'pushed',
      ids: { lead: leadId, note: notes[0].id },
      last_pushed_at: NOW.toISOString(),
    });
    expect(store.d365Outbox.get(r.id)).toMatchObject({ state: 'done', record_id: leadId, attempts: 1 });
  });

  it('sends the referral’s contact, source, id and tenant when the lead came from Partner Center', async () => {
    const { fake, store, push } = await setup();
    seedLead(store, { domain: 'fabrikam.test' });
    seedReferral(store, {
      domain: 'fabrikam.test',
      referral_id: 'old-ref',
      synced_at: '2026-10-01T00:00:00.000Z',
      contact: { firstName: 'Old', lastName: 'Contact', email: 'old@fabrikam.test' },
    });
    seedReferral(store, {
      domain: 'fabrikam.test',
      referral_id: 'ref-42',
      azure_tenant_id: '11111111-2222-3333-4444-555555555555',
      contact: { firstName: 'Ayşe', lastName: 'Yılmaz', email: 'ayse@fabrikam.test', phoneNumber: '+90 212 000 00 00' },
    });
    const r = await push('fabrikam.test');
    expect(fake.records.get('leads')!.get(r.outcome!.record_id)).toMatchObject({
      emailaddress1: 'ayse@fabrikam.test',
      firstname: 'Ayşe',
      lastname: 'Yılmaz',
      telephone1: '+90 212 000 00 00',
      hnt_referralid: 'ref-42',
      hnt_tenantid: '11111111-2222-3333-4444-555555555555',
      hnt_source: 816940000,
    });
  });

  it('updates the same lead and note on a second push', async () => {
    const { fake, store, push } = await setup();
    seedLead(store, { domain: 'contoso.test', score: 40 });
    const first = await push('contoso.test');
    seedLead(store, { domain: 'contoso.test', score: 90, scanned_at: '2026-11-24T10:00:00.000Z' });
    const second = await push('contoso.test');
    expect(second.outcome!.record_id).toBe(first.outcome!.record_id);
    expect(fake.records.get('leads')!.size).toBe(1);
    expect(fake.records.get('annotations')!.size).toBe(1);
    expect(fake.records.get('leads')!.get(first.outcome!.record_id)!.hnt_finalscore).toBe(90);
  });

  it.each([
    ['websiteurl with http and www', { websiteurl: 'http://www.contoso.test/' }],
    ['hnt_domain', { hnt_domain: 'contoso.test' }],
    ['an e-mail address at the domain', { emailaddress1: 'info@contoso.test' }],
  ])('finds an existing lead by %s and updates it by default', async (_name, existing) => {
    const { fake, store, push } = await setup();
    const seeded = fake.seed('leads', { subject: 'typed by a seller', ...existing });
    seedLead(store, { domain: 'contoso.test' });
    const r = await push('contoso.test');
    expect(r.outcome!.record_id).toBe(seeded);
    expect(fake.records.get('leads')!.size).toBe(1);
    expect(fake.records.get('leads')!.get(seeded)!.hnt_finalscore).toBe(50);
    expect(store.d365Outbox.leadPushState('contoso.test')!.ids.lead).toBe(seeded);
  });

  it('prefers a web-address match over an e-mail match', async () => {
    const { fake, store, push } = await setup();
    fake.seed('leads', { emailaddress1: 'info@contoso.test' });
    const byUrl = fake.seed('leads', { websiteurl: 'https://contoso.test' });
    seedLead(store, { domain: 'contoso.test' });
    expect((await push('contoso.test')).outcome!.record_id).toBe(byUrl);
  });

  it('creates a second lead anyway when told to', async () => {
    const { fake, store, push } = await setup();
    const seeded = fake.seed('leads', { websiteurl: 'https://contoso.test' });
    seedLead(store, { domain: 'contoso.test' });
    const r = await push('contoso.test', 'lead', 'create');
    expect(r.outcome!.record_id).not.toBe(seeded);
    expect(fake.records.get('leads')!.size).toBe(2);
  });

  it('skips a lead that already exists when told to, writing nothing', async () => {
    const { fake, store, push } = await setup();
    const seeded = fake.seed('leads', { websiteurl: 'https://contoso.test', subject: 'typed by a seller' });
    seedLead(store, { domain: 'contoso.test' });
    const r = await push('contoso.test', 'lead', 'skip');
    expect(r).toMatchObject({ state: 'skipped', outcome: { record_id: seeded } });
    expect(fake.writes).toHaveLength(0);
    expect(store.d365Outbox.leadPushState('contoso.test')!.status).toBe('skipped');
  });

  it('cuts the lead description to what the column holds and keeps the whole summary in the note', async () => {
    const { fake, store, outbox } = await setup();
    seedLead(store, { domain: 'contoso.test' });
    const long = 'x'.repeat(5000);
    const id = queuePush(store, {
      lead: store.leads.getLead('contoso.test')!,
      mode: 'lead',
      onDuplicate: 'update',
      salesSummary: long,
      defaultCurrency: 'EUR',
    });
    await outbox.send(id);
    const lead = [...fake.records.get('leads')!.values()][0];
    expect((lead.description as string).length).toBe(2000);
    expect([...fake.records.get('annotations')!.values()][0].notetext).toBe(long);
  });

  it('stops on a column the organisation lacks, names the switch, and succeeds on retry once it is off', async () => {
    const { store, push, remap, outbox, fake } = await setup({ missingColumns: { leads: ['hnt_infrasummary'] } });
    seedLead(store, { domain: 'contoso.test' });
    const r = await push('contoso.test');
    expect(r.state).toBe('failed');
    expect(r.error).toContain("'hnt_infrasummary'");
    expect(r.error).toContain('lead.hnt_infrasummary');
    expect(store.d365Outbox.leadPushState('contoso.test')).toMatchObject({ status: 'error' });
    expect(store.d365Outbox.unsent()).toMatchObject([{ id: r.id, state: 'failed', last_status: 400 }]);
    remap(['lead.hnt_infrasummary']);
    expect(store.d365Outbox.retry(r.id)).toBe(true);
    expect((await outbox.send(r.id)).state).toBe('pushed');
    expect(fake.records.get('leads')!.size).toBe(1);
  });

  it('leaves one record when the connection drops after Dynamics 365 committed the write', async () => {
    const { fake, store, push } = await setup();
    seedLead(store, { domain: 'contoso.test' });
    fake.fault({ method: 'PATCH', set: 'leads', kind: 'drop-after-commit', times: 3 });
    const r = await push('contoso.test');
    expect(r.state).toBe('queued');
    expect(fake.records.get('leads')!.size).toBe(1);
    const again = await push('contoso.test');
    expect(again.state).toBe('pushed');
    expect(fake.records.get('leads')!.size).toBe(1);
    expect(fake.records.get('annotations')!.size).toBe(1);
  });
});

describe('Dynamics 365 push, pipeline mode', () => {
  it('writes account → contact → opportunity with binds, deal value, close date, currency by ISO code and a note', async () => {
    const { fake, store, push } = await setup();
    seedLead(store, { domain: 'fabrikam.test', company_name: 'Fabrikam' });
    seedReferral(store, {
      domain: 'fabrikam.test',
      referral_id: 'ref-7',
      deal_value: 12500,
      currency: 'USD',
      closingDateTime: '2027-02-28T17:00:00Z',
      contact: { firstName: 'Mehmet', lastName: 'Kaya', email: 'mehmet@fabrikam.test' },
    });
    const r = await push('fabrikam.test', 'pipeline');
    expect(r.state).toBe('pushed');
    const { record_id: oppId, account_id: accountId } = r.outcome!;
    const account = fake.records.get('accounts')!.get(accountId!)!;
    expect(account).toMatchObject({ name: 'Fabrikam', websiteurl: 'https://fabrikam.test', description: SUMMARY });
    const [contact] = fake.records.get('contacts')!.values();
    expect(contact).toMatchObject({
      firstname: 'Mehmet',
      lastname: 'Kaya',
      emailaddress1: 'mehmet@fabrikam.test',
      _parentcustomerid_account_value: accountId,
    });
    const opp = fake.records.get('opportunities')!.get(oppId)!;
    const usd = fake.find('transactioncurrencies', 'isocurrencycode', 'USD')[0].id;
    expect(opp).toMatchObject({
      name: 'Hunter: Fabrikam',
      estimatedvalue: 12500,
      estimatedclosedate: '2027-02-28',
      _customerid_account_value: accountId,
      _parentcontactid_value: contact.id,
      _transactioncurrencyid_value: usd,
    });
    expect([...fake.records.get('annotations')!.values()][0]._objectid_opportunity_value).toBe(oppId);
    expect(fake.writes.every((w) => w.method === 'PATCH')).toBe(true);
    expect(store.d365Outbox.leadPushState('fabrikam.test')!.ids).toMatchObject({
      account: accountId,
      contact: contact.id,
      opportunity: oppId,
    });
  });

  it('hangs the opportunity on the account that already has the domain, with no contact without a referral', async () => {
    const { fake, store, push } = await setup();
    const existing = fake.seed('accounts', { name: 'Contoso (typed)', websiteurl: 'https://www.contoso.test' });
    fake.seed('accounts', { name: 'Other', websiteurl: 'https://other.test' });
    seedLead(store, { domain: 'contoso.test' });
    const r = await push('contoso.test', 'pipeline');
    expect(r.outcome!.account_id).toBe(existing);
    expect(fake.records.get('accounts')!.size).toBe(2);
    expect(fake.records.get('contacts')!.size).toBe(0);
    const opp = fake.records.get('opportunities')!.get(r.outcome!.record_id)!;
    expect(opp._customerid_account_value).toBe(existing);
    expect(opp).not.toHaveProperty('estimatedvalue');
    const eur = fake.find('transactioncurrencies', 'isocurrencycode', 'EUR')[0].id;
    expect(opp._transactioncurrencyid_value).toBe(eur);
  });

  it('pushes the same lead again onto the same account and opportunity', async () => {
    const { fake, store, push } = await setup();
    seedLead(store, { domain: 'contoso.test' });
    const first = await push('contoso.test', 'pipeline');
    const second = await push('contoso.test', 'pipeline');
    expect(second.outcome).toMatchObject({
      record_id: first.outcome!.record_id,
      account_id: first.outcome!.account_id,
    });
    expect(fake.records.get('accounts')!.size).toBe(1);
    expect(fake.records.get('opportunities')!.size).toBe(1);
  });
});
