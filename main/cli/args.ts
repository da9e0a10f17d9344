import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { LeadQuerySchema } from '../../shared/leads';
import type { LeadQuery } from '../../shared/leads';
import { normalizeDomain } from '../engine/normalize';

/** Exit codes (documented in the README). */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, notFound: 3, error: 4, signedOut: 5, conflict: 6 } as const;

export class UsageError extends Error {}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** whether stderr is a terminal: progress is redrawn in place only then */
  errIsTty: boolean;
  /** aborts when the user presses Ctrl-C; long commands stop, leave their work resumable and exit */
  signal?: AbortSignal;
}

/** A command: the arguments after its name → exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

export const FILTER_OPTIONS = {
  search: { type: 'string' },
  provider: { type: 'string', multiple: true },
  segment: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  'min-score': { type: 'string' },
  'max-score': { type: 'string' },
  tag: { type: 'string' },
  risk: { type: 'string' },
  'scan-state': { type: 'string' },
  archived: { type: 'string' },
  sort: { type: 'string' },
  order: { type: 'string' },
  limit: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMON = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function leadQueryFrom(values: Record<string, unknown>): LeadQuery {
  const q = {
    search: values.search,
    providers: values.provider,
    segments: values.segment,
    categories: (values.category as string[] | undefined)?.map((c) => c.toUpperCase()),
    min_score: intOption(values['min-score'] as string | undefined, 'min-score', 0, 100),
    max_score: intOption(values['max-score'] as string | undefined, 'max-score', 0, 100),
    tag: values.tag,
    risk_flag: values.risk,
    scan_state: values['scan-state'],
    archived: values.archived,
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

/** The one domain argument, in its stored (ASCII, lower-case) form, whatever spelling was typed. */
export function requireDomain(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one domain');
  const n = normalizeDomain(positionals[0]);
  if (!n.ok) throw new UsageError(`"${positionals[0]}" is not a domain: ${n.message}`);
  return n.domain;
}

export function notFound(io: CliIo, domain: string): number {
  io.err(`${domain}: no such lead (add it with "hunter scan ${domain}" or "hunter import")`);
  return EXIT.notFound;
}
