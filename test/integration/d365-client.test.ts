import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DataverseClient } from '../../main/integrations/dynamics/client';
import type { DataverseClientOptions } from '../../main/integrations/dynamics/client';
import { DataverseError } from '../../main/integrations/dynamics/errors';
import type { TokenProvider } from '../../main/integrations/auth/token-provider';
import { startFakeDataverse } from '../support/fake-dataverse';
import type { FakeDataverse, FakeDataverseOptions } from '../support/fake-dataverse';

let fake: FakeDataverse | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** Hands out "token-1", "token-2", … : each forced refresh is a new token. */
function countingTokens(): TokenProvider & { calls: { forceRefresh: boolean }[] } {
  const calls: { forceRefresh: boolean }[] = [];
  let n = 1;
  return {
    calls,
    async getToken(opts) {
      calls.push({ forceRefresh: Boolean(opts?.forceRefresh) });
      if (opts?.forceRefresh) n++;
      return `token-${n}`;
    },
  };
}

async function setup(opts: FakeDataverseOptions = {}, client: Partial<DataverseClientOptions> = {}) {
  fake = await startFakeDataverse(opts);
  const tokens = countingTokens();
  const dv = new DataverseClient({ orgUrl: fake.url, tokens, resendDelayMs: 10, ...client });
  return { fake, dv, tokens };
}

async function failure(p: Promise<unknown>): Promise<DataverseError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataverseError);
  return err as DataverseError;
}

describe('Dataverse client', () => {
  it('upserts with PATCH on the id: the first write creates, the second updates the same record', async () => {
    const { fake, dv } = await setup();
    const id = randomUUID();
    await dv.upsert('leads', id, { subject: 'Hunter: contoso.test', companyname: 'Contoso' });
    await dv.upsert('leads', id, { subject: 'Hunter: contoso.test', companyname: 'Contoso Ltd' });
    expect(fake.records.get('leads')!.size).toBe(1);
    expect(fake.records.get('leads')!.get(id)!.companyname).toBe('Contoso Ltd');
    expect(fake.writes.map((w) => [w.method, w.created])).toEqual([
      ['PATCH', true],
      ['PATCH', false],
    ]);
  });

  it('reads a record by id, and answers null for an id that does not exist', async () => {
    const { fake, dv } = await setup();
    const id = fake.seed('leads', { subject: 'typed by a seller', websiteurl: 'https://contoso.test' });
    expect(await dv.getById('leads', id, ['subject'])).toMatchObject({ leadid: id, subject: 'typed by a seller' });
    expect(await dv.getById('leads', randomUUID(), ['subject'])).toBeNull();
  });

  it('finds records with a $filter', async () => {
    const { fake, dv } = await setup();
    fake.seed('leads', { websiteurl: 'http://www.contoso.test' });
    fake.seed('leads', { emailaddress1: 'ayse@fabrikam.test' });
    const hits = await dv.query(
      'leads',
      "websiteurl eq 'http://www.contoso.test' or endswith(emailaddress1,'@x.test')",
      ['websiteurl'],
    );
    expect(hits).toHaveLength(1);
    expect(await dv.query('leads', "endswith(emailaddress1,'@fabrikam.test')", ['emailaddress1'])).toHaveLength(1);
  });

  it('answers WhoAmI with the signed-in user and organisation', async () => {
    const { fake, dv } = await setup();
    expect(await dv.whoAmI()).toEqual({
      UserId: fake.user.id,
      BusinessUnitId: fake.user.businessUnitId,
      OrganizationId: fake.user.organizationId,
    });
  });

  it('waits out a 429 for its Retry-After and then sends the same write again', async () => {
    const { fake, dv } = await setup();
    fake.fault({ method: 'PATCH', kind: 'status', status: 429, retryAfterSeconds: 1, code: '0x80072322' });
    const started = Date.now();
    await dv.upsert('leads', randomUUID(), { subject: 'x' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 204]);
    expect(fake.records.get('leads')!.size).toBe(1);
  });

  it('resends after a 500 and after a connection dropped once the write had committed, leaving one record', async () => {
    const { fake, dv } = await setup();
    const id = randomUUID();
    fake.fault({ method: 'PATCH', kind: 'status', status: 500 });
    fake.fault({ method: 'PATCH', kind: 'drop-after-commit' });
    await dv.upsert('leads', id, { subject: 'x' });
    expect(fake.writes.filter((w) => w.id === id).map((w) => w.created)).toEqual([true, false]);
    expect(fake.records.get('leads')!.size).toBe(1);
  });

  it('gives up after a bounded number of 5xx answers with Dataverse’s own code and text', async () => {
    const { fake, dv } = await setup({}, { maxResends: 2 });
    fake.fault({ kind: 'status', status: 503, times: 10, code: '0x80040216', message: 'Service is down' });
    const err = await failure(dv.upsert('leads', randomUUID(), { subject: 'x' }));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('0x80040216');
    expect(err.message).toContain('Service is down');
    expect(fake.requests).toHaveLength(3);
  });

  it('refreshes the token once after a 401 and succeeds with the new one', async () => {
    const { fake, dv, tokens } = await setup({ acceptToken: (t) => t !== 'token-1' });
    await dv.upsert('leads', randomUUID(), { subject: 'x' });
    expect(tokens.calls.map((c) => c.forceRefresh)).toEqual([false, true]);
    expect(fake.records.get('leads')!.size).toBe(1);
  });

  it('reports signed_out when the refreshed token is refused too', async () => {
    const { dv } = await setup({ acceptToken: () => false });
    expect((await failure(dv.whoAmI())).kind).toBe('signed_out');
  });

  it('reports signed_out when the token provider has nobody signed in', async () => {
    fake = await startFakeDataverse();
    const tokens: TokenProvider = {
      getToken: () => Promise.reject(Object.assign(new Error('sign in again'), { code: 'signed_out' })),
    };
    const dv = new DataverseClient({ orgUrl: fake.url, tokens });
    expect((await failure(dv.whoAmI())).kind).toBe('signed_out');
    expect(fake.requests).toHaveLength(0);
  });

  it('stops at once on a 400 for a column the organisation lacks, naming it', async () => {
    const { fake, dv } = await setup({ missingColumns: { leads: ['hnt_provider'] } });
    const err = await failure(dv.upsert('leads', randomUUID(), { subject: 'x', hnt_provider: 'M365' }));
    expect(err).toMatchObject({ kind: 'permanent', status: 400, code: '0x80060888' });
    expect(err.message).toContain("'hnt_provider'");
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects wrongly-cased properties and bind names the way Dataverse does', async () => {
    const { dv } = await setup();
    expect((await failure(dv.upsert('leads', randomUUID(), { Subject: 'x' }))).status).toBe(400);
    const err = await failure(
      dv.upsert('opportunities', randomUUID(), { 'CustomerId_Account@odata.bind': `/accounts(${randomUUID()})` }),
    );
    expect(err.status).toBe(400);
    expect(err.message).toContain('CustomerId_Account');
  });

  it('reports a bound record that does not exist as a permanent 404', async () => {
    const { dv } = await setup();
    const err = await failure(
      dv.upsert('opportunities', randomUUID(), {
        name: 'x',
        'customerid_account@odata.bind': `/accounts(${randomUUID()})`,
      }),
    );
    expect(err).toMatchObject({ kind: 'permanent', status: 404, code: '0x80040217' });
  });

  it('binds a currency by its ISO code', async () => {
    const { fake, dv } = await setup();
    const account = fake.seed('accounts', { name: 'Contoso' });
    const id = randomUUID();
    await dv.upsert('opportunities', id, {
      name: 'x',
      estimatedclosedate: '2027-01-31',
      'customerid_account@odata.bind': `/accounts(${account})`,
      'transactioncurrencyid@odata.bind': "/transactioncurrencies(isocurrencycode='EUR')",
    });
    const opp = fake.records.get('opportunities')!.get(id)!;
    expect(opp._customerid_account_value).toBe(account);
    expect(fake.find('transactioncurrencies', 'id', opp._transactioncurrencyid_value)[0].isocurrencycode).toBe('EUR');
  });

  it('reports an unreachable organisation after a bounded number of tries', async () => {
    const { fake, dv } = await setup({}, { maxResends: 2 });
    fake.setOffline(true);
    const err = await failure(dv.whoAmI());
    expect(err.kind).toBe('unreachable');
    expect(fake.refusedConnections).toBe(3);
  });

  it('keeps at most a few requests in flight', async () => {
    const { fake, dv } = await setup({ latencyMs: 30 }, { maxInFlight: 3 });
    await Promise.all(Array.from({ length: 20 }, () => dv.upsert('leads', randomUUID(), { subject: 'x' })));
    expect(fake.records.get('leads')!.size).toBe(20);
    expect(fake.maxConcurrent).toBeLessThanOrEqual(3);
  });
});
