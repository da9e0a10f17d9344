// Sends one queued push. Every write is PATCH <set>(<id>) on an id stored before the first byte went out, so running
// this again after a crash, a lost answer or a resend updates the same records instead of creating new ones.
//
// Before writing, the record is looked for: first by its stored id; when that does not exist yet, by the domain
// (websiteurl in any http/https, www/no-www spelling, hnt_domain, an e-mail address at the domain). A match is
// handled as the push's duplicate choice says: update it, create ours anyway, or skip.
import type { DataverseClient, DataverseRecord } from './client';
import { DataverseError } from './errors';
import type { D365EntityKind, D365Mapping } from './mapping';
import { fieldSwitchName } from './mapping';
import type { PushPayload } from './push-plan';
import { bind, currencyKey, recordBody } from './records';

export interface PushOutcome {
  state: 'pushed' | 'skipped';
  entity: 'lead' | 'opportunity';
  record_id: string;
  record_url: string;
  account_id: string | null;
}

export interface SendHooks {
  /** the duplicate check moved the push onto existing records: persist before anything is written */
  retarget(payload: PushPayload): void;
  now(): Date;
}

/** OData string literal */
function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Every way a seller may have typed the company's web address. */
export function websiteVariants(domain: string): string[] {
  return ['https://', 'http://'].flatMap((scheme) =>
    ['', 'www.'].flatMap((www) => [`${scheme}${www}${domain}`, `${scheme}${www}${domain}/`]),
  );
}

function domainOfUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The record a push writes, found with one query: its own stored id if that exists already, else an existing record
 * for the domain by the order of preference (web address, hnt_domain, e-mail at the domain).
 */
export async function findByDomain(
  client: DataverseClient,
  mapping: D365Mapping,
  kind: 'lead' | 'account',
  domain: string,
  ours?: string,
): Promise<{ id: string; ours: boolean } | null> {
  const entity = mapping[kind];
  const idColumn = `${entity.logical_name}id`;
  const hasDomainColumn = kind === 'lead' && entity.fields.hnt_domain?.enabled === true;
  const hasEmail = kind === 'lead';
  const clauses = [
    ...(ours ? [`${idColumn} eq ${ours}`] : []),
    ...websiteVariants(domain).map((u) => `websiteurl eq ${lit(u)}`),
    ...(hasDomainColumn ? [`hnt_domain eq ${lit(domain)}`] : []),
    ...(hasEmail ? [`endswith(emailaddress1,${lit(`@${domain}`)})`] : []),
  ];
  const select = ['websiteurl', ...(hasDomainColumn ? ['hnt_domain'] : []), ...(hasEmail ? ['emailaddress1'] : [])];
  const hits = await client.query(entity.entity_set, clauses.join(' or '), select, 10);
  const rank = (r: DataverseRecord) =>
    r[idColumn] === ours
      ? 0
      : domainOfUrl(r.websiteurl) === domain
        ? 1
        : hasDomainColumn && String(r.hnt_domain ?? '').toLowerCase() === domain
          ? 2
          : 3;
  const best = hits.sort((a, b) => rank(a) - rank(b))[0];
  if (!best || typeof best[idColumn] !== 'string') return null;
  return { id: best[idColumn] as string, ours: best[idColumn] === ours };
}

type Resolution = { id: string; changed: boolean } | { skip: string };

/** The record a push writes: its stored id when that exists, else a duplicate by domain as the choice says. */
async function resolve(
  client: DataverseClient,
  mapping: D365Mapping,
  kind: 'lead' | 'account',
  ours: string,
  payload: PushPayload,
): Promise<Resolution> {
  const found = await findByDomain(client, mapping, kind, payload.facts.domain, ours);
  if (!found || found.ours || payload.on_duplicate === 'create') return { id: ours, changed: false };
  if (payload.on_duplicate === 'skip') return { skip: found.id };
  return { id: found.id, changed: true };
}

/** A 400 about a column this organisation lacks names the column and the switch that leaves it out. */
function explain(err: unknown, mapping: D365Mapping, kind: D365EntityKind): unknown {
  if (!(err instanceof DataverseError) || err.status !== 400) return err;
  const column = /propert(?:y|ies) (?:named )?'([^']+)'/.exec(err.message)?.[1];
  if (!column || !mapping[kind].fields[column]) return err;
  const name = fieldSwitchName(kind, column);
  return new DataverseError(
    err.kind,
    `${err.message} — this Dynamics 365 has no column "${column}" on ${mapping[kind].logical_name}: turn off the ` +
      `mapping switch ${name} (Settings → Dynamics 365 → fields, HUNTER_D365_FIELDS_OFF=${name}, or ` +
      `"enabled": false for ${kind}.fields.${column} in d365-mapping.json) and retry`,
    err.status,
    err.code,
  );
}

async function write(
  client: DataverseClient,
  mapping: D365Mapping,
  kind: D365EntityKind,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  try {
    await client.upsert(mapping[kind].entity_set, id, body);
  } catch (err) {
    throw explain(err, mapping, kind);
  }
}

export async function sendPush(
  client: DataverseClient,
  mapping: D365Mapping,
  payload: PushPayload,
  hooks: SendHooks,
): Promise<PushOutcome> {
  const facts = payload.facts;
  const sendTime = (id: string) => ({ record_id: id, pushed_at: hooks.now().toISOString() });
  const note = (target: 'lead' | 'opportunity', targetId: string) =>
    write(client, mapping, 'note', payload.ids.note, {
      ...recordBody(mapping, 'note', facts, sendTime(payload.ids.note)),
      ...bind(mapping.note.binds[target], mapping[target].entity_set, targetId),
    });

  if (payload.mode === 'lead') {
    const ours = payload.ids.lead!;
    const r = await resolve(client, mapping, 'lead', ours, payload);
    if ('skip' in r)
      return {
        state: 'skipped',
        entity: 'lead',
        record_id: r.skip,
        record_url: client.recordUrl(mapping.lead.logical_name, r.skip),
        account_id: null,
      };
    if (r.changed) {
      payload = { ...payload, ids: { ...payload.ids, lead: r.id } };
      hooks.retarget(payload);
    }
    await write(client, mapping, 'lead', r.id, recordBody(mapping, 'lead', facts, sendTime(r.id)));
    await note('lead', r.id);
    return {
      state: 'pushed',
      entity: 'lead',
      record_id: r.id,
      record_url: client.recordUrl(mapping.lead.logical_name, r.id),
      account_id: null,
    };
  }

  const account = await resolve(client, mapping, 'account', payload.ids.account!, payload);
  if ('skip' in account)
    return {
      state: 'skipped',
      entity: 'opportunity',
      record_id: account.skip,
      record_url: client.recordUrl(mapping.account.logical_name, account.skip),
      account_id: account.skip,
    };
  let contactId = payload.ids.contact ?? null;
  let changed = account.changed;
  if (contactId && facts.contact_email) {
    // the referral's contact may already be in Dynamics 365: one person, one contact
    const idColumn = `${mapping.contact.logical_name}id`;
    const found = await client.query(
      mapping.contact.entity_set,
      `${idColumn} eq ${contactId} or emailaddress1 eq ${lit(facts.contact_email)}`,
      ['emailaddress1'],
      5,
    );
    const ours = found.some((r) => r[idColumn] === contactId);
    const existing = found.find((r) => r[idColumn] !== contactId)?.[idColumn];
    if (!ours && typeof existing === 'string' && payload.on_duplicate !== 'create') {
      contactId = existing;
      changed = true;
    }
  }
  if (changed) {
    payload = {
      ...payload,
      ids: { ...payload.ids, account: account.id, ...(contactId ? { contact: contactId } : {}) },
    };
    hooks.retarget(payload);
  }
  await write(client, mapping, 'account', account.id, recordBody(mapping, 'account', facts, sendTime(account.id)));
  if (contactId) {
    await write(client, mapping, 'contact', contactId, {
      ...recordBody(mapping, 'contact', facts, sendTime(contactId)),
      ...bind(mapping.contact.binds.account, mapping.account.entity_set, account.id),
    });
  }
  const opportunityId = payload.ids.opportunity!;
  const binds = mapping.opportunity.binds;
  await write(client, mapping, 'opportunity', opportunityId, {
    ...recordBody(mapping, 'opportunity', facts, sendTime(opportunityId)),
    ...bind(binds.account, mapping.account.entity_set, account.id),
    ...(contactId ? bind(binds.contact, mapping.contact.entity_set, contactId) : {}),
    ...bind(binds.currency, 'transactioncurrencies', currencyKey(facts.currency)),
  });
  await note('opportunity', opportunityId);
  return {
    state: 'pushed',
    entity: 'opportunity',
    record_id: opportunityId,
    record_url: client.recordUrl(mapping.opportunity.logical_name, opportunityId),
    account_id: account.id,
  };
}
