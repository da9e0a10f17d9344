// The accepted scan performance requirement, measured end to end: 10,000 generated domains scanned against a fixture
// DNS server on 127.0.0.1 (its own process, so client and server get a core each), WHOIS off, every result stored
// in a fresh SQLite database. The same run measures the bare transport and Node's c-ares Resolver against the same
// server, so the engine's overhead shows as a ratio, and times one silent domain against timeout × tries.
// Usage: npm run bench [-- --domains 10000 --concurrency 384 --raw 50000 --workers N]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Resolver } from 'node:dns/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDnsClient } from '../main/engine/dns/client';
import { createHunter } from '../main/app/create-hunter';
import { scanAndStore } from '../main/services/scan-and-store';
import { BENCH_BLACKHOLE, benchDomain, rawQuestion } from '../test/support/dns-bench-zones';
import { startDnsServerProcess, type DnsServerProcessHandle } from '../test/support/dns-server-process';
import { projectRoot } from '../test/support/project-root';

const { values } = parseArgs({
  options: {
    domains: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '384' },
    raw: { type: 'string', default: '50000' },
    /** scan worker threads; default: the app's (one fewer than the cores), 0 = all on the main thread */
    workers: { type: 'string' },
    /** internal: run only the bare transport against this server (one of the all-cores processes) and print JSON */
    'bare-client': { type: 'string' },
    'bare-first': { type: 'string', default: '0' },
  },
});
const DOMAINS = Number(values.domains);
const CONCURRENCY = Number(values.concurrency);
const RAW_QUERIES = Number(values.raw);
const WORKERS = values.workers === undefined ? undefined : Number(values.workers);

const TARGET = { domainsPerSecond: 2000, ratio: 0.5, rssMb: 250 };
const DNS = { timeoutMs: 2000, tries: 2 };
const BLACKHOLE = { timeoutMs: 300, tries: 2, slackMs: 50 };

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU seconds the server process has used (Linux /proc; 0 elsewhere): tells a saturated server from a slow engine. */
function serverCpuSeconds(server: DnsServerProcessHandle): number {
  const stat = `/proc/${server.pid}/stat`;
  if (!existsSync(stat)) return 0;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** `workers` loops pulling the next index until `total`; the same shape for every raw lookup run. */
async function runWorkers(total: number, workers: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < total; i = next++) await work(i);
    }),
  );
  return seconds(started);
}

/** The benchmark must never put traffic on a real network. */
function assertLoopback(address: string): void {
  if (!address.startsWith('127.0.0.1:')) throw new Error(`refusing to benchmark against ${address}`);
}

/** The engine's own transport and limiter, nothing else: what the engine could reach if analysis cost nothing. */
async function bareTransport(serverAddress: string, first: number, count: number) {
  const client = createDnsClient({ servers: [serverAddress], ...DNS });
  const secs = await runWorkers(count, CONCURRENCY, (i) => {
    const q = rawQuestion(first + i);
    return client.query(q.name, q.type);
  });
  return { lookupsPerSecond: count / secs, unknown: client.stats().unknown };
}

/**
 * The bare transport in one process per core at once, against the same server: the most lookups per second this
 * machine can push through any resolver, whatever the engine does. Divided by the queries a domain needs, it is
 * the ceiling on domains/s for this machine.
 */
async function bareAllCores(server: DnsServerProcessHandle, first: number, perProcess: number) {
  const processes = availableParallelism();
  const started = performance.now();
  const runs = await Promise.all(
    Array.from({ length: processes }, async (_, k) => {
      const args = [
        ...process.execArgv,
        process.argv[1],
        '--bare-client',
        server.address,
        '--bare-first',
        String(first + k * perProcess),
        '--raw',
        String(perProcess),
        '--concurrency',
        String(CONCURRENCY),
      ];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      if (code !== 0) throw new Error(`bare client process exited with code ${code}`);
      return JSON.parse(out) as { unknown: number };
    }),
  );
  return {
    processes,
    lookupsPerSecond: (processes * perProcess) / seconds(started),
    unknown: runs.reduce((n, r) => n + r.unknown, 0),
  };
}

/** Node's c-ares Resolver on fresh names (it caches answers), for reference. */
async function bareCares(server: DnsServerProcessHandle) {
  const resolver = new Resolver({ timeout: DNS.timeoutMs, tries: 1 });
  resolver.setServers([server.address]);
  const ask: Record<string, (name: string) => Promise<unknown>> = {
    MX: (name) => resolver.resolveMx(name),
    TXT: (name) => resolver.resolveTxt(name),
    NS: (name) => resolver.resolveNs(name),
  };
  let failed = 0;
  const secs = await runWorkers(RAW_QUERIES, CONCURRENCY, (i) => {
    const q = rawQuestion(RAW_QUERIES + i);
    return ask[q.type](q.name).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENODATA' && err.code !== 'ENOTFOUND') failed++;
    });
  });
  return { lookupsPerSecond: RAW_QUERIES / secs, failed };
}

// a function, not top-level await: the benchmark runs as the same CommonJS bundle the app ships
async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'hunter-bench-'));
  const hunter = createHunter({ dbPath: join(workDir, 'bench.db'), scanWorkers: WORKERS });
  const selectors = [
    ...new Set([...hunter.settings.get().dkim_selectors, ...Object.values(hunter.config.dkimHints).flat()]),
  ];
  const server = await startDnsServerProcess({
    zones: 'bench',
    prebuild: { domains: DOMAINS, selectors: selectors.map((s) => s.toLowerCase()), rawQuestions: 4 * RAW_QUERIES },
  });
  assertLoopback(server.address);

  try {
    const loadBefore = loadavg()[0];
    const domains = Array.from({ length: DOMAINS }, (_, n) => benchDomain(n));
    hunter.store.leads.addLeads(domains.map((domain) => ({ domain, domain_display: domain })));
    const scanner = hunter.scanners.get({
      dns_servers: [server.address],
      whois_enabled: false,
      dns_timeout_ms: DNS.timeoutMs,
      dns_tries: DNS.tries,
    });

    const durations: number[] = [];
    let withoutVerdict = 0;
    const queriesBefore = await server.queryCount();
    const serverCpuBefore = serverCpuSeconds(server);
    const clientCpuBefore = process.cpuUsage();
    const scanStarted = performance.now();
    const { stored } = await scanAndStore(domains, scanner, hunter.store, {
      concurrency: CONCURRENCY,
      onStored: (batch) => {
        for (const { result } of batch) {
          durations.push(result.duration_ms);
          if (!result.verdict) withoutVerdict++;
        }
      },
    });
    const scanSeconds = seconds(scanStarted);
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const serverCpuShare = (serverCpuSeconds(server) - serverCpuBefore) / scanSeconds;
    const scanQueries = (await server.queryCount()) - queriesBefore;
    const storedRows = hunter.store.leads.listLeads({ scanned: 'scanned', limit: 1 }).total;
    if (stored !== DOMAINS || storedRows !== DOMAINS || durations.length !== DOMAINS) {
      throw new Error(
        `expected ${DOMAINS} stored results, scanAndStore stored ${stored}, the database holds ${storedRows}`,
      );
    }
    if (withoutVerdict > 0) throw new Error(`${withoutVerdict} results have no verdict`);

    const bare = await bareTransport(server.address, 0, RAW_QUERIES);
    const cares = await bareCares(server);
    // raw questions: [0, RAW) bare, [RAW, 2 RAW) c-ares, [2 RAW, 4 RAW) the all-cores run
    const allCores = await bareAllCores(
      server,
      2 * RAW_QUERIES,
      Math.floor((2 * RAW_QUERIES) / availableParallelism()),
    );

    const blackholeScanner = hunter.scanners.get({
      dns_servers: [server.address],
      whois_enabled: false,
      dns_timeout_ms: BLACKHOLE.timeoutMs,
      dns_tries: BLACKHOLE.tries,
    });
    const blackholeStarted = performance.now();
    const blackhole = await blackholeScanner.scan(BENCH_BLACKHOLE);
    const blackholeMs = performance.now() - blackholeStarted;
    if (blackhole.scan_status !== 'dns_timeout') throw new Error(`blackhole scan ended ${blackhole.scan_status}`);

    durations.sort((a, b) => a - b);
    const engineLookups = scanQueries / scanSeconds;
    const figures = {
      domains: DOMAINS,
      concurrency: CONCURRENCY,
      scanSeconds,
      domainsPerSecond: DOMAINS / scanSeconds,
      p50Ms: percentile(durations, 50),
      p95Ms: percentile(durations, 95),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      engineLookupsPerSecond: engineLookups,
      bareLookupsPerSecond: bare.lookupsPerSecond,
      ratio: engineLookups / bare.lookupsPerSecond,
      caresLookupsPerSecond: cares.lookupsPerSecond,
      allCoresBareLookupsPerSecond: allCores.lookupsPerSecond,
      /** what the machine allows at this many queries per domain, with analysis and storage free */
      ceilingDomainsPerSecond: allCores.lookupsPerSecond / (scanQueries / DOMAINS),
      queriesPerDomain: scanQueries / DOMAINS,
      blackholeMs,
      bareUnknown: bare.unknown,
      allCoresBareUnknown: allCores.unknown,
      caresFailed: cares.failed,
      /** CPU seconds per wall second during the scan: 1.0 is one core busy */
      scanClientCpuShare: (clientCpu.user + clientCpu.system) / 1e6 / scanSeconds,
      scanServerCpuShare: serverCpuShare,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    };

    const blackholeLimit = BLACKHOLE.timeoutMs * BLACKHOLE.tries + BLACKHOLE.slackMs;
    const rows: [string, number, string, boolean | null][] = [
      [
        'domains/s',
        figures.domainsPerSecond,
        `≥ ${TARGET.domainsPerSecond}`,
        figures.domainsPerSecond >= TARGET.domainsPerSecond,
      ],
      ['p50 latency ms', figures.p50Ms, 'report', null],
      ['p95 latency ms', figures.p95Ms, 'report', null],
      ['peak RSS MB', figures.peakRssMb, `≤ ${TARGET.rssMb}`, figures.peakRssMb <= TARGET.rssMb],
      ['engine lookups/s', figures.engineLookupsPerSecond, 'report', null],
      ['bare lookups/s', figures.bareLookupsPerSecond, 'report', null],
      ['engine / bare', figures.ratio, `≥ ${TARGET.ratio}`, figures.ratio >= TARGET.ratio],
      ['c-ares lookups/s', figures.caresLookupsPerSecond, 'reference', null],
      [
        `bare lookups/s, ${allCores.processes} processes at once`,
        figures.allCoresBareLookupsPerSecond,
        'reference',
        null,
      ],
      ['ceiling domains/s (that ÷ queries/domain)', figures.ceilingDomainsPerSecond, 'reference', null],
      ['queries/domain', figures.queriesPerDomain, 'report', null],
      ['scan CPU: engine process (cores)', figures.scanClientCpuShare, 'report', null],
      ['scan CPU: DNS server process (cores)', figures.scanServerCpuShare, 'report', null],
      [
        `blackhole ms (${BLACKHOLE.timeoutMs} × ${BLACKHOLE.tries})`,
        figures.blackholeMs,
        `≤ ${blackholeLimit}`,
        figures.blackholeMs <= blackholeLimit,
      ],
    ];
    const format = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
    console.log(
      `\nscan bench: ${DOMAINS} domains, concurrency ${CONCURRENCY}, load average ${loadBefore.toFixed(2)} → ${figures.loadAverage.after.toFixed(2)}`,
    );
    console.table(
      rows.map(([metric, value, target, pass]) => ({
        metric,
        value: format(value),
        target,
        result: pass === null ? '' : pass ? 'PASS' : 'FAIL',
      })),
    );

    const resultsDir = join(projectRoot(), 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'scan-bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
    if (rows.some(([, , , pass]) => pass === false)) process.exitCode = 1;
  } finally {
    await server.stop();
    await hunter.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function bareClientOnly(serverAddress: string): Promise<void> {
  assertLoopback(serverAddress);
  process.stdout.write(JSON.stringify(await bareTransport(serverAddress, Number(values['bare-first']), RAW_QUERIES)));
}

(values['bare-client'] ? bareClientOnly(values['bare-client']) : main()).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
