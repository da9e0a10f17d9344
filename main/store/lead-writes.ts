// Write side of the leads repository: adding leads and storing scan results. Both run once per row of batches
// of thousands, so every statement is prepared once per store and executed with plain parameter objects.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DnsSignals, ScanResult } from '../../shared/domain';
import type { LeadIdentity } from '../../shared/lead-row';
import type { Clock, Db } from './db-types';
import { diffSnapshots, snapshotAfter } from './scan-changes';
import type { LeadSnapshot } from './scan-changes';
import { autoTags, leadScores, leadSignals, leads, scanHistory } from './schema';
import { foldSearch, leadSearchText } from './search-fold';

/** a lead to add: its key and display name, and whatever else of its identity is known */
export type NewLead = Pick<LeadIdentity, 'domain' | 'domain_display'> &
  Partial<Omit<LeadIdentity, 'domain' | 'domain_display'>>;

/**
 * Completes a partial result with the signals stored with the lead's previous verdict (null when none) before it is
 * saved; the scoring engine provides it (the store knows no rules).
 */
export type LastKnownSignals = (result: ScanResult, previous: DnsSignals | null) => ScanResult;

export interface LeadWrites {
  /**
   * Upserts by domain. A stored company name or contact detail is replaced only by a non-empty one. `updated` counts
   * rows that changed.
   */
  addLeads(items: NewLead[]): { added: number; updated: number };
  /**
   * Stores one batch of results in one transaction (call it with batches of a few hundred) and returns them as
   * stored: a partial result completed with its last known signals (see LastKnownSignals).
   */
  saveScanResults(results: ScanResult[], opts?: SaveScanOptions): ScanResult[];
}

export interface SaveScanOptions {
  /**
   * Whether a result whose lead is gone is dropped (asked only then): leads deleted while their scan was in flight
   * stay deleted. Any other result without a lead creates it (`hunter scan <domain>`, a bulk scan of new domains).
   */
  drop?: (domain: string) => boolean;
}

export function createLeadWrites(db: Db, now: Clock, lastKnown: LastKnownSignals = (r) => r): LeadWrites {
  const p = rawPlaceholder;

  const findLead = db
    .select({
      id: leads.id,
      domain_display: leads.domain_display,
      company_name: leads.company_name,
      city: leads.city,
      contact_email: leads.contact_email,
      contact_phone: leads.contact_phone,
      scan_status: leads.scan_status,
      scanned_at: leads.scanned_at,
      readiness_score: leadScores.readiness_score,
      segment: leadScores.segment,
      priority_category: leadScores.priority_category,
      priority_score: leadScores.priority_score,
      provider: leadSignals.provider,
      spf: leadSignals.spf,
      dkim: leadSignals.dkim,
      dmarc_policy: leadSignals.dmarc_policy,
      mx_root: leadSignals.mx_root,
      tenant_name: leadSignals.tenant_name,
      expires_at: leadSignals.expires_at,
      dns: leadSignals.dns,
      tags: sql<string | null>`(SELECT group_concat(tag, char(10)) FROM (SELECT ${autoTags.tag} AS tag FROM ${autoTags}
        WHERE ${autoTags.lead_id} = ${leads.id} ORDER BY ${autoTags.tag}))`,
    })
    .from(leads)
    .leftJoin(leadScores, eq(leadScores.lead_id, leads.id))
    .leftJoin(leadSignals, eq(leadSignals.lead_id, leads.id))
    .where(eq(leads.domain, p('domain')))
    .prepare();

  const insertLead = db
    .insert(leads)
    .values({
      domain: p('domain'),
      domain_display: p('domain_display'),
      company_name: p('company_name'),
      company_sort: p('company_sort'),
      city: p('city'),
      contact_email: p('contact_email'),
      contact_phone: p('contact_phone'),
      search_text: p('search_text'),
      scan_status: p('scan_status'),
      scanned_at: p('scanned_at'),
      scan_error: p('scan_error'),
      created_at: p('now'),
      updated_at: p('now'),
    })
    .prepare();

  const updateIdentity = db
    .update(leads)
    .set({
      domain_display: p('domain_display'),
      company_name: p('company_name'),
      company_sort: p('company_sort'),
      city: p('city'),
      contact_email: p('contact_email'),
      contact_phone: p('contact_phone'),
      search_text: p('search_text'),
      updated_at: p('now'),
    })
    .where(eq(leads.id, p('id')))
    .prepare();

  // a scan without a verdict (dns_timeout) keeps the grid values of the previous verdict
  const fromVerdict = (column: SQLiteColumn) =>
    sql`CASE WHEN ${p('has_verdict')} THEN ${p(column.name)} ELSE ${column} END`;
  const updateScanState = db
    .update(leads)
    .set({
      domain_display: p('domain_display'),
      search_text: p('search_text'),
      scan_status: p('scan_status'),
      scanned_at: p('scanned_at'),
      scan_error: p('scan_error'),
      updated_at: p('now'),
      provider: fromVerdict(leads.provider),
      readiness_score: fromVerdict(leads.readiness_score),
      segment: fromVerdict(leads.segment),
      priority_score: fromVerdict(leads.priority_score),
      priority_category: fromVerdict(leads.priority_category),
      priority_label: fromVerdict(leads.priority_label),
      expires_at: fromVerdict(leads.expires_at),
      risk_flags_text: fromVerdict(leads.risk_flags_text),
      tags_text: fromVerdict(leads.tags_text),
    })
    .where(eq(leads.id, p('id')))
    .prepare();

  const upsertSignals = upsertWholeRow(db, leadSignals, leadSignals.lead_id);
  const upsertScore = upsertWholeRow(db, leadScores, leadScores.lead_id);
  const deleteTags = db
    .delete(autoTags)
    .where(eq(autoTags.lead_id, p('lead_id')))
    .prepare();
  const insertTag = db
    .insert(autoTags)
    .values({ lead_id: p('lead_id'), tag: p('tag') })
    .prepare();
  const insertHistory = db
    .insert(scanHistory)
    .values(placeholdersFor(scanHistory, ['id']) as typeof scanHistory.$inferInsert)
    .prepare();

  const addLeads = db.$client.transaction((items: NewLead[]) => {
    const stamp = now().toISOString();
    let added = 0;
    let updated = 0;
    for (const item of items) {
      const givenName = item.company_name?.trim() || null;
      const given = {
        city: item.city?.trim() || null,
        contact_email: item.contact_email?.trim() || null,
        contact_phone: item.contact_phone?.trim() || null,
      };
      const existing = findLead.get({ domain: item.domain });
      if (!existing) {
        insertLead.run({
          domain: item.domain,
          domain_display: item.domain_display,
          company_name: givenName,
          company_sort: companySort(givenName),
          ...given,
          search_text: leadSearchText({ ...item, company_name: givenName, provider: null }),
          scan_status: 'pending',
          scanned_at: null,
          scan_error: null,
          now: stamp,
        });
        added++;
        continue;
      }
      const company_name = givenName ?? existing.company_name;
      const contacts = {
        city: given.city ?? existing.city,
        contact_email: given.contact_email ?? existing.contact_email,
        contact_phone: given.contact_phone ?? existing.contact_phone,
      };
      const unchanged =
        company_name === existing.company_name &&
        item.domain_display === existing.domain_display &&
        contacts.city === existing.city &&
        contacts.contact_email === existing.contact_email &&
        contacts.contact_phone === existing.contact_phone;
      if (unchanged) continue;
      updateIdentity.run({
        id: existing.id,
        domain_display: item.domain_display,
        company_name,
        company_sort: companySort(company_name),
        ...contacts,
        search_text: leadSearchText({ ...item, company_name, provider: existing.provider }),
        now: stamp,
      });
      updated++;
    }
    return { added, updated };
  });

  const saveScanResults = db.$client.transaction((results: ScanResult[], opts: SaveScanOptions = {}): ScanResult[] => {
    const stamp = now().toISOString();
    const saved: ScanResult[] = [];
    for (const scanned of results) {
      const existing = findLead.get({ domain: scanned.domain });
      if (!existing && opts.drop?.(scanned.domain)) {
        saved.push(scanned);
        continue;
      }
      const result = lastKnown(scanned, existing?.dns ?? null);
      saved.push(result);
      const previous: LeadSnapshot | null = existing?.scanned_at ? existing : null;
      const next = snapshotAfter(result, previous);
      const search_text = leadSearchText({
        domain: result.domain,
        domain_display: result.domain_display,
        company_name: existing?.company_name ?? null,
        provider: next.provider,
      });
      const verdict = result.verdict;
      const tags = verdict ? [...new Set(verdict.tags)].sort() : [];
      const scanState = {
        domain_display: result.domain_display,
        search_text,
        scan_status: result.scan_status,
        scanned_at: result.scanned_at,
        scan_error: result.error,
        now: stamp,
      };
      const leadId = existing
        ? existing.id
        : Number(
            insertLead.run({
              ...scanState,
              domain: result.domain,
              company_name: null,
              company_sort: null,
              city: null,
              contact_email: null,
              contact_phone: null,
            }).lastInsertRowid,
          );
      updateScanState.run({ ...scanState, id: leadId, ...gridValues(result, tags) });

      if (verdict) {
        upsertSignals.run(signalsRow(leadId, result));
        upsertScore.run({
          lead_id: leadId,
          readiness_score: verdict.readiness_score,
          segment: verdict.segment,
          reason: verdict.reason,
          priority_score: verdict.priority_score,
          technical_heat: verdict.technical_heat,
          commercial_segment: verdict.commercial_segment,
          commercial_heat: verdict.commercial_heat,
          priority_category: verdict.priority_category,
          priority_label: verdict.priority_label,
          risk_flags: JSON.stringify(verdict.risk_flags),
          breakdown: JSON.stringify(verdict.breakdown),
          scored_at: result.scanned_at,
        });
        // most rescans derive the same tags: rewriting them would be three wasted writes per lead
        if (tags.join('\n') !== (existing?.tags ?? '')) {
          if (existing?.tags) deleteTags.run({ lead_id: leadId });
          for (const tag of tags) insertTag.run({ lead_id: leadId, tag });
        }
      }
      insertHistory.run({
        lead_id: leadId,
        scanned_at: result.scanned_at,
        scan_status: result.scan_status,
        readiness_score: verdict?.readiness_score ?? null,
        segment: verdict?.segment ?? null,
        priority_category: verdict?.priority_category ?? null,
        provider: verdict ? next.provider : null,
        error: result.error,
        changes: JSON.stringify(diffSnapshots(previous, next)),
      });
    }
    return saved;
  });

  return { addLeads, saveScanResults };
}

function companySort(name: string | null): string | null {
  return name ? foldSearch(name) : null;
}

/** ",a,b," for the grid's one-instr() flag and tag filters; null when empty. */
function delimited(values: readonly string[]): string | null {
  return values.length ? `,${values.join(',')},` : null;
}

/** The grid read-model columns of leads for this result (ignored by the UPDATE when there is no verdict). */
function gridValues(r: ScanResult, tags: string[]): Record<string, unknown> {
  const v = r.verdict;
  return {
    has_verdict: v ? 1 : 0,
    provider: r.provider?.provider ?? null,
    readiness_score: v?.readiness_score ?? null,
    segment: v?.segment ?? null,
    priority_score: v?.priority_score ?? null,
    priority_category: v?.priority_category ?? null,
    priority_label: v?.priority_label ?? null,
    expires_at: r.whois.expires_at,
    risk_flags_text: delimited(v?.risk_flags ?? []),
    tags_text: delimited(tags),
  };
}

/** Column values of lead_signals for a result with a verdict; JSON columns pre-serialised for the raw placeholders. */
function signalsRow(leadId: number, r: ScanResult): Record<string, unknown> {
  const dns = r.dns;
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const bool = (v: boolean | null | undefined) => (v === undefined || v === null ? null : v ? 1 : 0);
  return {
    lead_id: leadId,
    provider: r.provider?.provider ?? null,
    mx_records: json(dns?.mx_records),
    mx_root: r.provider?.mx_root ?? null,
    local_provider: r.provider?.local_provider ?? null,
    tenant_size: r.provider?.tenant_size ?? null,
    tenant_name: r.provider?.tenant_name ?? null,
    spf: bool(dns?.spf.present),
    spf_record: dns?.spf.record ?? null,
    spf_lookup_count: dns?.spf.lookup_count ?? null,
    dkim: bool(dns?.dkim.present),
    dkim_selectors: json(dns?.dkim.selectors),
    dmarc_policy: dns?.dmarc.policy ?? null,
    dmarc_coverage: dns?.dmarc.pct ?? null,
    dmarc_record: dns?.dmarc.record ?? null,
    ns: json(dns?.ns),
    mx_a: json(dns?.mx_a),
    registrar: r.whois.registrar,
    created_on: r.whois.created_at,
    expires_at: r.whois.expires_at,
    nameservers: json(r.whois.nameservers),
    whois_status: r.whois.status,
    scan_status: r.scan_status,
    scanned_at: r.scanned_at,
    dns: json(dns),
    whois: json(r.whois),
  };
}

/**
 * `INSERT ... ON CONFLICT(key) DO UPDATE SET every column = excluded.column`, prepared with one placeholder per
 * column (named by the column's key). Values bypass drizzle's column encoders, so callers pass driver values
 * (JSON already stringified, booleans as 0/1).
 */
function upsertWholeRow(db: Db, table: SQLiteTable, key: SQLiteColumn) {
  const columns = getTableColumns(table);
  const set = Object.fromEntries(
    Object.entries(columns)
      .filter(([, c]) => c !== key)
      .map(([k, c]) => [k, sql.raw(`excluded."${c.name}"`)]),
  );
  return db
    .insert(table)
    .values(placeholdersFor(table, []) as never)
    .onConflictDoUpdate({ target: key, set: set as never })
    .prepare();
}

function placeholdersFor(table: SQLiteTable, except: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(getTableColumns(table))
      .filter((k) => !except.includes(k))
      .map((k) => [k, rawPlaceholder(k)]),
  );
}

/**
 * A placeholder that reaches SQLite as given. A bare placeholder in values() goes through the column's encoder,
 * which turns null into 0 for boolean columns and into the text 'null' for JSON columns: tri-state signals need
 * real NULLs, so write-path values are driver values prepared by the caller.
 */
function rawPlaceholder(name: string) {
  return sql`${sql.placeholder(name)}`;
}
