import type { LeadDetail } from '../../shared/leads';
import { normalizeDomain } from '../engine/normalize';
import type { HunterContext } from '../services/context';
import { exportLeads } from '../services/export-leads';
import { commitImport, planImportFile } from '../services/import-file';
import { salesSummaryFor, salesSummaryTextFor } from '../services/sales';
import { ScanJobService } from '../services/scan-jobs';
import { HandledError } from './dispatch';
import type { Handlers } from './dispatch';
import type { EventBus } from './events';

export interface AppInfo {
  version: string;
  platform: string;
}

/** Any spelling of a domain the user typed (URL, e-mail, Unicode) → the stored lead, or a specific error. */
function leadOf(ctx: HunterContext, raw: string): LeadDetail {
  const n = normalizeDomain(raw);
  if (!n.ok) throw new HandledError('invalid_domain', n.message, { reason: n.code });
  const lead = ctx.store.leads.getLead(n.domain);
  if (!lead) throw new HandledError('not_found', `No lead for ${n.display}`, { domain: n.domain });
  return lead;
}

const fileBytes = (base64: string) => Buffer.from(base64, 'base64');

const RETIRED = 'Notes, tags and favourites moved to Dynamics 365; Hunter keeps the old ones read-only for migration.';

export function createHandlers(
  ctx: HunterContext,
  bus: EventBus,
  info: AppInfo,
): { handlers: Handlers; jobs: ScanJobService } {
  const jobs = new ScanJobService(ctx, bus);
  const handlers: Handlers = {
    'app.info': () => ({ version: info.version, platform: info.platform, db_path: ctx.dbPath }),
    'settings.get': () => ctx.settings.get(),
    'settings.set': (patch) => ctx.settings.update(patch),

    'leads.list': (query) => ctx.store.leads.listLeads(query),
    'leads.get': ({ domain }) => leadOf(ctx, domain),
    'leads.history': ({ domain }) => ctx.store.leads.getHistory(leadOf(ctx, domain).domain),
    'leads.breakdown': ({ domain }) => {
      const lead = leadOf(ctx, domain);
      if (!lead.breakdown) throw new HandledError('not_found', `${lead.domain_display} has not been scanned yet`);
      return lead.breakdown;
    },
    'leads.salesSummary': ({ domain, lang }) =>
      salesSummaryFor(ctx, leadOf(ctx, domain), lang ?? ctx.settings.get().language),
    'leads.salesSummaryText': ({ domain, lang }) => ({
      text: salesSummaryTextFor(ctx, leadOf(ctx, domain), lang ?? ctx.settings.get().language),
    }),
    'leads.add': ({ input, company_name }) => {
      const n = normalizeDomain(input);
      if (!n.ok) throw new HandledError('invalid_domain', n.message, { reason: n.code });
      const { added } = ctx.store.leads.addLeads([
        { domain: n.domain, domain_display: n.display, company_name: company_name || null },
      ]);
      bus.emit('leads.changed', { domains: [n.domain] });
      return { domain: n.domain, created: added > 0 };
    },
    'leads.kpis': () => ctx.store.leads.kpis(),
    'leads.stats': () => ctx.store.leads.stats(),

    'legacy.notes': ({ domain }) => ctx.store.legacy.notes(leadOf(ctx, domain).domain),
    'legacy.tags': ({ domain }) => ctx.store.legacy.tags(leadOf(ctx, domain).domain),
    'legacy.addNote': () => {
      throw new HandledError('gone', RETIRED, { alternative: 'Dynamics 365 timeline notes' });
    },

    'import.preview': async ({ file_name, content_base64 }) =>
      (await planImportFile(file_name, fileBytes(content_base64), ctx.resources)).preview,
    'import.commit': async ({ file_name, content_base64 }) => {
      const plan = await planImportFile(file_name, fileBytes(content_base64), ctx.resources);
      const result = commitImport(ctx.store, file_name, plan);
      bus.emit('leads.changed', { domains: plan.leads.map((l) => l.domain) });
      return result;
    },

    'scan.start': ({ domains, query }) => {
      const targets = domains ?? ctx.store.leads.allDomains(query ?? {});
      const valid = targets.map((d) => normalizeDomain(d)).flatMap((n) => (n.ok ? [n.domain] : []));
      return jobs.start(valid);
    },
    'scan.one': async ({ domain }) => {
      const lead = leadOf(ctx, domain);
      const result = await ctx.createScanner().scan(lead.domain);
      ctx.store.leads.saveScanResults([result]);
      bus.emit('leads.changed', { domains: [lead.domain] });
      return leadOf(ctx, lead.domain);
    },
    'scan.cancel': ({ job_id }) => jobs.cancel(job_id),
    'scan.resume': ({ job_id }) => jobs.resume(job_id),
    'scan.status': () => jobs.current(),

    'export.leads': async ({ query, format }) => {
      const file = await exportLeads(ctx, query, { format, lang: ctx.settings.get().language });
      return { file_name: file.file_name, content_base64: file.content.toString('base64'), rows: file.rows };
    },
  };
  return { handlers, jobs };
}
