import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { LeadQuerySchema } from '../../shared/leads';
import type { LeadQuery } from '../../shared/leads';
import { defaultDbPath } from '../app-paths';
import { resourcesDir } from '../config/load';
import { normalizeDomain } from '../engine/normalize';
import { InOrderEmitter } from '../engine/run-scans';
import { openHunter } from '../services/context';
import type { HunterContext } from '../services/context';
import { exportLeads } from '../services/export-leads';
import { commitImport, planImportFile } from '../services/import-file';
import { salesSummaryFor, salesSummaryTextFor } from '../services/sales';
import { scanAndStore } from '../services/scan-and-store';
import { leadLine, scanLine, scanToJson, terminalSafe } from './format';

/** Exit codes (documented in the README). */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, notFound: 3, error: 4 } as const;

export class UsageError extends Error {}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** whether stderr is a terminal: progress is redrawn in place only then */
  errIsTty: boolean;
}

const HELP = `hunter — lead signals from DNS and WHOIS, scored for Microsoft 365 sales

Usage:
  hunter scan <domain|email|url ...> [--file leads.csv|xlsx] [--dns-server HOST:PORT] [--whois on|off]
              [--concurrency N] [--timeout MS] [--tries N] [--json] [--db PATH]
  hunter leads [--json] [--search TEXT] [--provider NAME] [--segment NAME] [--category P1..P6]
               [--min-score N] [--max-score N] [--tag TAG] [--risk FLAG] [--sort KEY] [--order asc|desc] [--limit N]
  hunter breakdown <domain> [--json]
  hunter summary <domain> [--json] [--lang tr|en]
  hunter import <file.csv|file.xlsx>
  hunter export --format csv|xlsx --out FILE [--lang tr|en] [lead filters as for "leads"]

Common: --db PATH (default: the app's database, or $HUNTER_DB)
Exit codes: 0 ok, 1 some inputs rejected or not scanned, 2 usage error, 3 not found, 4 error`;

const FILTER_OPTIONS = {
  search: { type: 'string' },
  provider: { type: 'string', multiple: true },
  segment: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  'min-score': { type: 'string' },
  'max-score': { type: 'string' },
  tag: { type: 'string' },
  risk: { type: 'string' },
  sort: { type: 'string' },
  order: { type: 'string' },
  limit: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMON = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function leadQueryFrom(values: Record<string, unknown>): LeadQuery {
  const q = {
    search: values.search,
    providers: values.provider,
    segments: values.segment,
    categories: (values.category as string[] | undefined)?.map((c) => c.toUpperCase()),
    min_score: intOption(values['min-score'] as string | undefined, 'min-score', 0, 100),
    max_score: intOption(values['max-score'] as string | undefined, 'max-score', 0, 100),
    tag: values.tag,
    risk_flag: values.risk,
    sort: values.sort,
    order: values.order,
    limit: intOption(values.limit as string | undefined, 'limit', 1, 1000),
  };
  const parsed = LeadQuerySchema.safeParse(Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

function withContext<T>(dbOption: unknown, fn: (ctx: HunterContext) => Promise<T>): Promise<T> {
  const ctx = openHunter({ dbPath: typeof dbOption === 'string' ? dbOption : defaultDbPath() });
  return fn(ctx).finally(() => ctx.close());
}

async function readInputs(positionals: string[], file: string | undefined): Promise<string[]> {
  const inputs = [...positionals];
  if (file) {
    const plan = await planImportFile(path.basename(file), fs.readFileSync(file), resourcesDir());
    // rejected rows are scanned too, so they show up in the output with their reason, in file order
    inputs.push(...plan.rows.map((r) => r.input));
  }
  return inputs;
}

async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    file: { type: 'string' },
    'dns-server': { type: 'string', multiple: true },
    whois: { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    tries: { type: 'string' },
  });
  if (values.whois !== undefined && values.whois !== 'on' && values.whois !== 'off')
    throw new UsageError('--whois must be on or off');
  const inputs = await readInputs(positionals, values.file);
  if (inputs.length === 0) throw new UsageError('nothing to scan: give domains, e-mails or URLs, or --file');
  const overrides = {
    ...(values['dns-server'] ? { dns_servers: values['dns-server'] } : {}),
    ...(values.whois ? { whois_enabled: values.whois === 'on' } : {}),
    ...(values.timeout ? { dns_timeout_ms: intOption(values.timeout, 'timeout', 100, 30_000) } : {}),
    ...(values.tries ? { dns_tries: intOption(values.tries, 'tries', 1, 5) } : {}),
  };
  return withContext(values.db, async (ctx) => {
    const concurrency = intOption(values.concurrency, 'concurrency', 1, 1000) ?? ctx.settings.get().scan_concurrency;
    const scanner = ctx.createScanner(overrides);
    let failed = 0;
    let done = 0;
    const started = Date.now();
    const progress = () => {
      if (inputs.length < 20) return;
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
      const line = `scanned ${done}/${inputs.length} (${rate.toFixed(0)}/s)`;
      if (io.errIsTty) io.err(`\r${line}`);
      else if (done === inputs.length || done % 1000 === 0) io.err(line);
    };
    const emitter = new InOrderEmitter<ReturnType<typeof scanToJson>>((j) =>
      io.out(values.json ? JSON.stringify(j) : scanLine(j)),
    );
    await scanAndStore(inputs, scanner, ctx.store, {
      concurrency,
      onStored(batch) {
        for (const { result, index } of batch) {
          if (result.scan_status === 'invalid_domain' || result.scan_status === 'dns_timeout') failed++;
          const stored = result.scan_status === 'dns_timeout' ? ctx.store.leads.getLead(result.domain) : null;
          emitter.push(scanToJson(result, stored), index);
        }
        done += batch.length;
        progress();
      },
    });
    if (io.errIsTty && inputs.length >= 20) io.err('\n');
    return failed > 0 ? EXIT.someFailed : EXIT.ok;
  });
}

async function leadsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, FILTER_OPTIONS);
  const query = leadQueryFrom(values);
  return withContext(values.db, async (ctx) => {
    const page = ctx.store.leads.listLeads({ limit: 100, ...query });
    for (const row of page.rows) io.out(values.json ? JSON.stringify(row) : leadLine(row));
    if (!values.json) io.err(`${page.rows.length} of ${page.total} leads`);
    return EXIT.ok;
  });
}

/** The one domain argument, in its stored (ASCII, lower-case) form, whatever spelling was typed. */
function requireDomain(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one domain');
  const n = normalizeDomain(positionals[0]);
  if (!n.ok) throw new UsageError(`"${positionals[0]}" is not a domain: ${n.message}`);
  return n.domain;
}

async function breakdownCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  const domain = requireDomain(positionals);
  return withContext(values.db, async (ctx) => {
    const lead = ctx.store.leads.getLead(domain);
    if (!lead) return notFound(io, domain);
    if (!lead.breakdown) {
      io.err(`${lead.domain_display} has not been scanned yet: run "hunter scan ${lead.domain}"`);
      return EXIT.notFound;
    }
    const b = lead.breakdown;
    if (values.json) {
      io.out(JSON.stringify({ domain: lead.domain, ...b }));
      return EXIT.ok;
    }
    io.out(
      terminalSafe(
        `${lead.domain_display}: ${b.total}/100 (${lead.segment}, ${lead.priority_category} ${lead.priority_label})`,
      ),
    );
    io.out(`  ${'base'.padEnd(26)} ${String(b.base).padStart(4)}`);
    for (const item of b.items) {
      io.out(`  ${item.rule.padEnd(26)} ${(item.points > 0 ? '+' : '') + item.points}`.padEnd(34) + `  ${item.reason}`);
    }
    if (b.hard_fail) io.out(`  hard fail: ${b.hard_fail}`);
    if (b.raw_total !== b.total) io.out(`  raw total ${b.raw_total}, clamped to ${b.total}`);
    return EXIT.ok;
  });
}

async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  const domain = requireDomain(positionals);
  if (values.lang !== undefined && values.lang !== 'tr' && values.lang !== 'en')
    throw new UsageError('--lang must be tr or en');
  return withContext(values.db, async (ctx) => {
    const lang = (values.lang as 'tr' | 'en' | undefined) ?? ctx.settings.get().language;
    const lead = ctx.store.leads.getLead(domain);
    if (!lead) return notFound(io, domain);
    io.out(
      values.json
        ? JSON.stringify(salesSummaryFor(ctx, lead, lang), null, 2)
        : terminalSafe(salesSummaryTextFor(ctx, lead, lang), true),
    );
    return EXIT.ok;
  });
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('give one .csv or .xlsx file');
  const file = positionals[0];
  const plan = await planImportFile(path.basename(file), fs.readFileSync(file), resourcesDir());
  return withContext(values.db, async (ctx) => {
    const result = commitImport(ctx.store, path.basename(file), plan);
    for (const row of plan.rows.filter((r) => r.error && r.error !== 'duplicate')) {
      io.err(terminalSafe(`row ${row.row}: "${row.input}" rejected: ${row.error_message}`));
    }
    // the imported domain list is for the app's "scan them" action; the CLI prints the counts
    const { domains: _domains, ...counts } = result;
    const out = { ...counts, columns: plan.preview.columns };
    io.out(
      values.json
        ? JSON.stringify(out)
        : `imported ${result.added} new, ${result.updated} updated, ${result.rejected} rejected, ${result.duplicates} duplicates`,
    );
    return result.rejected > 0 ? EXIT.someFailed : EXIT.ok;
  });
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...FILTER_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
  if (!values.out) throw new UsageError('--out FILE is required');
  if (values.lang !== undefined && values.lang !== 'tr' && values.lang !== 'en')
    throw new UsageError('--lang must be tr or en');
  const query = leadQueryFrom(values);
  const { limit: _limit, ...filters } = query;
  return withContext(values.db, async (ctx) => {
    const lang = (values.lang as 'tr' | 'en' | undefined) ?? ctx.settings.get().language;
    const file = await exportLeads(ctx, filters, { format: values.format as 'csv' | 'xlsx', lang });
    fs.writeFileSync(values.out as string, file.content);
    io.err(`wrote ${file.rows} leads to ${values.out}`);
    return EXIT.ok;
  });
}

function notFound(io: CliIo, domain: string): number {
  io.err(`${domain}: no such lead (add it with "hunter scan ${domain}" or "hunter import")`);
  return EXIT.notFound;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  scan: scanCommand,
  leads: leadsCommand,
  breakdown: breakdownCommand,
  summary: summaryCommand,
  import: importCommand,
  export: exportCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    io.out(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`unknown command "${command}"\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`hunter ${command}: ${err.message}\nRun "hunter --help" for usage.`);
      return EXIT.usage;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' && e.path) {
      io.err(`hunter ${command}: file not found: ${e.path}`);
      return EXIT.notFound;
    }
    io.err(`hunter ${command}: ${e.message}`);
    return EXIT.error;
  }
}
