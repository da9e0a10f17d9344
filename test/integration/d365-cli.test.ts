import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hunter, startD365World } from '../support/d365-cli-env';
import type { D365World } from '../support/d365-cli-env';

let w: D365World;

beforeEach(async () => {
  w = await startD365World();
  w.seed(['contoso.test', 'fabrikam.test', 'adatum.test']);
});

afterEach(async () => {
  await w.close();
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('hunter push / outbox / d365 (Dynamics 365 CLI)', () => {
  it('refuses with exit 2 and a clear message while the dynamics flag is off', async () => {
    const r = await hunter(w.env({ flag: false }), 'push', 'contoso.test', '--db', w.db, '--json');
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/switched off.*dynamics/);
    expect(r.out).toEqual([]);
    expect(w.fake.requests).toHaveLength(0);
  });

  it('pushes leads with client credentials and prints one JSON line per domain, in input order', async () => {
    const r = await hunter(w.env(), 'push', 'fabrikam.test', 'CONTOSO.test', '--db', w.db, '--json');
    expect(r.code).toBe(0);
    const lines = r.json();
    expect(lines.map((l) => [l.domain, l.state, l.entity, l.error])).toEqual([
      ['fabrikam.test', 'pushed', 'lead', null],
      ['contoso.test', 'pushed', 'lead', null],
    ]);
    for (const l of lines) {
      expect(l.record_id).toMatch(GUID);
      expect(l.record_url).toBe(`${w.fake.url}/main.aspx?pagetype=entityrecord&etn=lead&id=${String(l.record_id)}`);
      expect(w.fake.find('leads', 'hnt_domain', l.domain)).toHaveLength(1);
    }
    expect(w.idp.grants).toContain('client_credentials');
  });

  it('exits 1 with a failed line for a domain that is not a lead, still pushing the others', async () => {
    const r = await hunter(w.env(), 'push', 'nope.test', 'contoso.test', '--db', w.db, '--json');
    expect(r.code).toBe(1);
    expect(r.json().map((l) => l.state)).toEqual(['failed', 'pushed']);
    expect(r.json()[0].error).toContain('no such lead');
  });

  it('pushes in pipeline mode: opportunity with its account id', async () => {
    const r = await hunter(w.env(), 'push', 'contoso.test', '--mode', 'pipeline', '--db', w.db, '--json');
    expect(r.code).toBe(0);
    const [l] = r.json();
    expect(l).toMatchObject({ domain: 'contoso.test', state: 'pushed', entity: 'opportunity', error: null });
    expect(w.fake.records.get('opportunities')!.get(String(l.record_id))!._customerid_account_value).toBe(l.account_id);
  });

  it('skips a lead that exists in Dynamics 365 with --on-duplicate skip, and exits 0', async () => {
    const existing = w.fake.seed('leads', { websiteurl: 'https://www.contoso.test' });
    const r = await hunter(w.env(), 'push', 'contoso.test', '--on-duplicate', 'skip', '--db', w.db, '--json');
    expect(r.code).toBe(0);
    expect(r.json()[0]).toMatchObject({ state: 'skipped', record_id: existing });
    expect(w.fake.records.get('leads')!.size).toBe(1);
  });

  it('rejects an unknown --mode or --on-duplicate as a usage error', async () => {
    expect((await hunter(w.env(), 'push', 'contoso.test', '--mode', 'x', '--db', w.db)).code).toBe(2);
    expect((await hunter(w.env(), 'push', 'contoso.test', '--on-duplicate', 'x', '--db', w.db)).code).toBe(2);
  });

  it('answers whoami --json with the user, business unit, organisation and user name', async () => {
    const r = await hunter(w.env(), 'd365', 'whoami', '--db', w.db, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([
      {
        user_id: w.fake.user.id,
        business_unit_id: w.fake.user.businessUnitId,
        organization_id: w.fake.user.organizationId,
        user_name: w.fake.user.domainname,
      },
    ]);
  });

  it('queues while Dynamics 365 is unreachable, tries only the first domain, and drains once it is back', async () => {
    w.fake.setOffline(true);
    const r = await hunter(w.env(), 'push', 'contoso.test', 'fabrikam.test', 'adatum.test', '--db', w.db, '--json');
    expect(r.code).toBe(1);
    expect(r.json().map((l) => l.state)).toEqual(['queued', 'queued', 'queued']);
    const triedWhileOffline = w.fake.refusedConnections;
    expect(triedWhileOffline).toBeGreaterThan(0);
    expect(triedWhileOffline).toBeLessThanOrEqual(4);

    const listed = await hunter(w.env(), 'outbox', '--db', w.db, '--json');
    expect(listed.code).toBe(0);
    expect(listed.json()).toMatchObject([
      { domain: 'contoso.test', operation: 'push_lead', state: 'queued', attempts: 1 },
      { domain: 'fabrikam.test', operation: 'push_lead', state: 'queued', attempts: 0 },
      { domain: 'adatum.test', operation: 'push_lead', state: 'queued', attempts: 0 },
    ]);
    expect(listed.json()[0].last_error).toContain('unreachable');
    for (const l of listed.json())
      expect(Object.keys(l).sort()).toEqual([
        'attempts',
        'domain',
        'id',
        'last_error',
        'next_attempt_at',
        'operation',
        'state',
      ]);

    w.fake.setOffline(false);
    const drained = await hunter(w.env(), 'outbox', '--drain', '--db', w.db, '--json');
    expect(drained.code).toBe(0);
    expect(drained.json().map((l) => [l.domain, l.state])).toEqual([
      ['contoso.test', 'pushed'],
      ['fabrikam.test', 'pushed'],
      ['adatum.test', 'pushed'],
    ]);
    expect((await hunter(w.env(), 'outbox', '--db', w.db, '--json')).out).toEqual([]);
    for (const d of ['contoso.test', 'fabrikam.test', 'adatum.test'])
      expect(w.fake.find('leads', 'hnt_domain', d)).toHaveLength(1);
    expect(w.fake.writes.every((x) => x.method === 'PATCH')).toBe(true);
  });

  it('stops a push Dynamics 365 rejects (a missing column) as failed, naming the switch; drain then exits 0', async () => {
    await w.close();
    w = await startD365World({ missingColumns: { leads: ['hnt_m365fitscore'] } });
    w.seed(['contoso.test']);
    const r = await hunter(w.env(), 'push', 'contoso.test', '--db', w.db, '--json');
    expect(r.code).toBe(1);
    expect(r.json()[0]).toMatchObject({ state: 'failed' });
    expect(r.json()[0].error).toContain('lead.hnt_m365fitscore');
    const listed = await hunter(w.env(), 'outbox', '--db', w.db, '--json');
    expect(listed.json()).toMatchObject([{ domain: 'contoso.test', state: 'failed', attempts: 1 }]);
    expect((await hunter(w.env(), 'outbox', '--drain', '--db', w.db, '--json')).code).toBe(0);

    const fixed = await hunter(
      { ...w.env(), HUNTER_D365_FIELDS_OFF: 'lead.hnt_m365fitscore' },
      'push',
      'contoso.test',
      '--db',
      w.db,
      '--json',
    );
    expect(fixed.code).toBe(0);
    expect(fixed.json()[0].state).toBe('pushed');
  });

  it('exits 5 with "sign in again" when nobody is signed in (delegated, no secret), sending nothing', async () => {
    const r = await hunter(w.env({ secret: false }), 'push', 'contoso.test', '--db', w.db, '--json');
    expect(r.code).toBe(5);
    expect(r.err.join('\n')).toContain('sign in again');
    expect(w.fake.requests).toHaveLength(0);
  });

  it('signs in with a device code, pushes as the user, and is signed out again by signout', async () => {
    const env = w.env({ secret: false });
    const signin = hunter(env, 'signin', 'dynamics', '--db', w.db);
    w.idp.approveDeviceCode(await w.idp.nextDeviceCode());
    const s = await signin;
    expect(s.code).toBe(0);
    expect(s.err.join('\n')).toMatch(/code/i);
    const pushed = await hunter(env, 'push', 'contoso.test', '--db', w.db, '--json');
    expect(pushed.code).toBe(0);
    expect(w.idp.grants).toContain('device_code');
    expect((await hunter(env, 'signout', 'dynamics', '--db', w.db)).code).toBe(0);
    expect((await hunter(env, 'push', 'fabrikam.test', '--db', w.db, '--json')).code).toBe(5);
  });
});
