import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { createDnsClient } from '../../engine/dns/client';
import type { HealthCheck } from './health';

/** A name no resolver has records for: any definite answer (NXDOMAIN included) proves the resolver answers. */
const DNS_PROBE = 'hunter-health-probe.invalid';

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** SQLite's own consistency check, plus the sizes a support person asks for first. */
export function databaseCheck(sqlite: Database, file: string): HealthCheck {
  return () => {
    const integrity = sqlite.pragma('quick_check', { simple: true }) as string;
    const journal = sqlite.pragma('journal_mode', { simple: true }) as string;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const ok = integrity === 'ok';
    return {
      status: ok ? 'ok' : 'degraded',
      reason: ok ? null : 'integrity_failed',
      details: {
        integrity: ok ? 'ok' : String(integrity).slice(0, 200),
        journal_mode: journal,
        size_bytes: pages * pageSize,
        wal_bytes: fileSize(`${file}-wal`),
      },
    };
  };
}

/** Whether the DNS servers scans use (the configured ones, else the system's) answer at all. */
export function dnsCheck(settings: () => { dns_servers: string[]; dns_timeout_ms: number }): HealthCheck {
  return async () => {
    const s = settings();
    const client = createDnsClient({
      servers: s.dns_servers.length ? s.dns_servers : undefined,
      timeoutMs: s.dns_timeout_ms,
      tries: 2,
    });
    const started = Date.now();
    const answer = await client.query(DNS_PROBE, 'NS');
    const reachable = answer.status !== 'unknown';
    return {
      status: reachable ? 'ok' : 'degraded',
      reason: reachable ? null : 'unreachable',
      details: {
        servers: s.dns_servers.length ? s.dns_servers.join(', ') : 'system',
        answer: answer.status === 'unknown' ? answer.code : answer.status,
        elapsed_ms: Date.now() - started,
      },
    };
  };
}
