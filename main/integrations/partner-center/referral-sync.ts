import { domainToUnicode } from 'node:url';
import type { ReferralSyncResult } from '../../../shared/referrals';
import { AppError } from '../../core/app-error';
import type { Store } from '../../store/db';
import type { ReferralRow } from '../../store/referrals-repository';
import { mapReferral } from './referral-map';
import type { RawReferral } from './referral-map';
import type { ReferralsClient } from './referrals-client';

/** A referral's JSON is a few kilobytes; one far larger is not stored. */
const MAX_REFERRAL_JSON_CHARS = 256 * 1024;

/** The leads a sync creates carry this source. */
export const PARTNER_CENTER_SOURCE = 'partner_center';
/** An incremental run reads from a little before the last good run started: clocks and API indexing lag. */
const INCREMENTAL_OVERLAP_MS = 5 * 60_000;

export interface ReferralSyncDeps {
  store: Store;
  client: ReferralsClient;
  consumerDomains: ReadonlySet<string>;
  now?: () => Date;
}

export interface ReferralSyncOutcome {
  result: ReferralSyncResult;
  /** ASCII domains of the leads this run created, to be scanned */
  newLeadDomains: string[];
}

/** A stored referral keeps its domain and loses its link only when its lead is deleted. */
function leadDeletedByRep(known: { domain: string | null; link_status: string } | null, domain: string): boolean {
  return known !== null && known.domain === domain && known.link_status === 'unlinked';
}

/**
 * One referral stored and linked: to the lead with its domain, creating that lead when there is none, except when the
 * rep deleted that lead after this referral was stored with the domain (it stays unlinked: a resync must not bring
 * back what the rep removed).
 */
export function storeReferral(
  store: Store,
  raw: RawReferral,
  consumerDomains: ReadonlySet<string>,
): { outcome: 'inserted' | 'updated' | 'unchanged'; createdLead: string | null; linked: boolean } {
  const rawJson = JSON.stringify(raw);
  if (rawJson.length > MAX_REFERRAL_JSON_CHARS)
    throw new AppError('remote_error', `Partner Center sent an oversized referral ${raw.id}.`);
  const mapped = mapReferral(raw, consumerDomains);
  const repo = store.referrals;
  let leadId: number | null;
  let createdLead: string | null = null;
  if (mapped.domain) {
    leadId = repo.leadIdByDomain(mapped.domain);
    if (leadId === null && !leadDeletedByRep(repo.get(mapped.referral_id), mapped.domain)) {
      store.leads.addLeads([
        {
          domain: mapped.domain,
          domain_display: domainToUnicode(mapped.domain) || mapped.domain,
          company_name: mapped.customer_name,
        },
      ]);
      leadId = repo.leadIdByDomain(mapped.domain);
      if (leadId !== null) repo.markLeadSource(leadId, PARTNER_CENTER_SOURCE);
      createdLead = mapped.domain;
    }
  } else {
    // no domain in Partner Center's data: keep whatever lead the rep linked it to by hand
    leadId = repo.linkedLeadOf(mapped.referral_id);
  }
  const row: ReferralRow = {
    ...mapped,
    link_status: leadId === null ? 'unlinked' : 'linked',
    linked_lead_id: leadId,
    raw_json: rawJson,
  };
  return { outcome: repo.upsert(row), createdLead, linked: leadId !== null };
}

/**
 * Reads every referral (or those changed since the last good run), then stores them all in one transaction: a run
 * that fails anywhere, fetching or storing, leaves the database as it was. Every run is recorded in pc_sync_runs.
 */
export async function syncReferrals(
  deps: ReferralSyncDeps,
  opts: { full?: boolean; signal?: AbortSignal } = {},
): Promise<ReferralSyncOutcome> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const repo = deps.store.referrals;
  const lastGood = opts.full ? null : repo.lastSuccessStartedAt();
  const mode = lastGood ? 'incremental' : 'full';
  const updatedSince = lastGood ? new Date(Date.parse(lastGood) - INCREMENTAL_OVERLAP_MS).toISOString() : undefined;
  const result: ReferralSyncResult = {
    fetched: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    leads_created: 0,
    linked: 0,
    unlinked: 0,
    duration_ms: 0,
  };
  const record = (counts: ReferralSyncResult, error: string | null) =>
    repo.recordRun({
      ...counts,
      duration_ms: Math.round(performance.now() - t0),
      started_at: started.toISOString(),
      finished_at: now().toISOString(),
      mode,
      error,
    });

  try {
    // the API repeats items across pages: the later copy of an id wins
    const byId = new Map<string, RawReferral>();
    for await (const page of deps.client.pages({ updatedSince, signal: opts.signal })) {
      result.fetched += page.length;
      for (const raw of page) {
        byId.delete(raw.id);
        byId.set(raw.id, raw);
      }
    }
    const newLeadDomains: string[] = [];
    deps.store.transaction(() => {
      for (const raw of byId.values()) {
        const stored = storeReferral(deps.store, raw, deps.consumerDomains);
        result[stored.outcome]++;
        if (stored.createdLead) newLeadDomains.push(stored.createdLead);
        if (stored.linked) result.linked++;
        else result.unlinked++;
      }
      result.leads_created = newLeadDomains.length;
      result.duration_ms = Math.round(performance.now() - t0);
      record(result, null);
    });
    return { result, newLeadDomains };
  } catch (err) {
    const message = err instanceof AppError ? err.message : `Partner Center sync failed: ${(err as Error).message}`;
    try {
      // nothing was stored: only what was fetched before the failure is worth keeping
      record({ ...result, inserted: 0, updated: 0, unchanged: 0, leads_created: 0, linked: 0, unlinked: 0 }, message);
    } catch {
      // recording the failure must not hide it
    }
    throw err;
  }
}
