// The one IPC contract: every channel the renderer may call, with the zod schema main validates its input
// against and the type it answers with; plus the push events main sends. Electron (ipcMain/preload) and the
// loopback web bridge both serve exactly this map.
import { z } from 'zod';
import { LeadQuerySchema } from '../leads';
import type { Kpis, LeadDetail, LeadPage, LeadStats, ScanHistoryEntry } from '../leads';
import type { ScoreBreakdown } from '../domain';
import { SettingsPatchSchema } from '../settings';
import type { Settings } from '../settings';
import type { SalesSummary } from '../sales-summary';

const domainArg = z.object({ domain: z.string().trim().min(1).max(300) }).strict();
const langArg = z.enum(['tr', 'en']).optional();
/** files travel as base64 so the same payload works over Electron IPC and HTTP */
const fileArg = z
  .object({
    file_name: z.string().min(1).max(260),
    content_base64: z.string().max(70_000_000),
  })
  .strict();

export interface ImportPreviewRow {
  /** 1-based row number in the file (header excluded) */
  row: number;
  input: string;
  domain: string | null;
  company_name: string | null;
  /** machine code of the rejection reason (empty, placeholder, ip_address, duplicate, ...) */
  error: string | null;
  error_message: string | null;
}

export interface ImportPreview {
  columns: {
    domain: string | null;
    company: string | null;
    email: string | null;
    website: string | null;
    phone: string | null;
    city: string | null;
  };
  headers: string[];
  total: number;
  valid: number;
  rejected: number;
  duplicates: number;
  rows: ImportPreviewRow[];
}

export interface ImportResult {
  import_id: number;
  added: number;
  updated: number;
  rejected: number;
  duplicates: number;
  /** the file's leads, in file order: what "scan the imported leads" scans */
  domains: string[];
}

export type ScanJobState = 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface ScanJobStatus {
  job_id: number;
  state: ScanJobState;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  rate_per_s: number;
  eta_ms: number | null;
  started_at: string;
}

export interface LegacyNote {
  id: number;
  domain: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export const contract = {
  'app.info': { input: z.object({}).strict(), output: {} as { version: string; db_path: string; platform: string } },
  'settings.get': { input: z.object({}).strict(), output: {} as Settings },
  'settings.set': { input: SettingsPatchSchema, output: {} as Settings },

  'leads.list': { input: LeadQuerySchema, output: {} as LeadPage },
  'leads.get': { input: domainArg, output: {} as LeadDetail },
  'leads.history': { input: domainArg, output: {} as ScanHistoryEntry[] },
  'leads.breakdown': { input: domainArg, output: {} as ScoreBreakdown },
  'leads.salesSummary': {
    input: z.object({ domain: z.string().trim().min(1).max(300), lang: langArg }).strict(),
    output: {} as SalesSummary,
  },
  'leads.salesSummaryText': {
    input: z.object({ domain: z.string().trim().min(1).max(300), lang: langArg }).strict(),
    output: {} as { text: string },
  },
  'leads.add': {
    input: z
      .object({ input: z.string().trim().min(1).max(500), company_name: z.string().trim().max(200).optional() })
      .strict(),
    output: {} as { domain: string; created: boolean },
  },
  'leads.kpis': { input: z.object({}).strict(), output: {} as Kpis },
  'leads.stats': { input: z.object({}).strict(), output: {} as LeadStats },

  // CRM-lite is retired: reads stay for migration, writes answer the "gone" error.
  'legacy.notes': { input: domainArg, output: {} as LegacyNote[] },
  'legacy.tags': { input: domainArg, output: {} as { tag: string; created_at: string }[] },
  'legacy.addNote': { input: z.object({ domain: z.string(), note: z.string() }).strict(), output: {} as never },

  'import.preview': { input: fileArg, output: {} as ImportPreview },
  'import.commit': { input: fileArg, output: {} as ImportResult },

  'scan.start': {
    input: z
      .object({
        // as many as one import may bring in, so an import can be scanned in one job
        domains: z.array(z.string().max(300)).max(200_000).optional(),
        /** scan every lead matching this grid query instead of an explicit list */
        query: LeadQuerySchema.optional(),
      })
      .strict(),
    output: {} as ScanJobStatus,
  },
  'scan.one': { input: domainArg, output: {} as LeadDetail },
  'scan.cancel': { input: z.object({ job_id: z.number().int() }).strict(), output: {} as ScanJobStatus },
  'scan.resume': { input: z.object({ job_id: z.number().int() }).strict(), output: {} as ScanJobStatus },
  /** the current or last unfinished job, so the UI can offer "resume" after a restart */
  'scan.status': { input: z.object({}).strict(), output: {} as ScanJobStatus | null },

  'export.leads': {
    input: z.object({ query: LeadQuerySchema, format: z.enum(['csv', 'xlsx']) }).strict(),
    output: {} as { file_name: string; content_base64: string; rows: number },
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/** Push events main → renderer. */
export interface HunterEvents {
  'scan.progress': ScanJobStatus;
  'leads.changed': { domains: string[] };
}
export type EventName = keyof HunterEvents;

export const ERROR_CODES = [
  'validation', // input failed the channel's schema
  'unknown_channel',
  'forbidden', // wrong sender frame / bad token
  'not_found',
  'invalid_domain',
  'gone', // retired CRM-lite writes
  'busy', // a scan job is already running
  'bad_file', // unreadable import file
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every failed call answers with; `message` is English, the renderer localises by `code`. */
export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/**
 * The API preload exposes as window.hunter and the web bridge client implements. invoke resolves with the
 * IpcResult instead of rejecting, because errors lose their fields when they cross Electron's contextBridge.
 */
export interface HunterApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void): () => void;
}
