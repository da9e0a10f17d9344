// Quick throughput numbers for the fixture DNS server and the DNS analyser, against generated bench zones served on
// 127.0.0.1 only. Usage:
//   node --import tsx test/support/dns-throughput.ts [--server process|inline] [--queries 100000]
//        [--concurrency 200] [--domains 2000] [--domain-concurrency 200]
// Names are never repeated within a run so c-ares' own answer cache cannot inflate the numbers.
import { Resolver } from 'node:dns/promises';
import { parseArgs } from 'node:util';
import { analyzeDns } from '../../main/engine/dns/analyze';
import { createDnsClient } from '../../main/engine/dns/client';
import { createLimiter } from '../../main/engine/dns/limiter';
import { FIXTURE_DKIM_SELECTORS } from '../fixtures/dns-zones';
import { benchDomain, benchZones } from './dns-bench-zones';
import { startDnsServer } from './dns-server';
import { startDnsServerProcess } from './dns-server-process';

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'process' },
    queries: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '200' },
    domains: { type: 'string', default: '2000' },
    'domain-concurrency': { type: 'string', default: '200' },
  },
});

const server =
  values.server === 'inline'
    ? await startDnsServer({ zones: benchZones() })
    : await startDnsServerProcess({ zones: 'bench' });

/** Bare Resolver, `concurrency` workers, each query a fresh (name, type). */
async function resolverQps(total: number, concurrency: number) {
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([server.address]);
  const kinds = [
    (n: number) => resolver.resolveMx(benchDomain(n)),
    (n: number) => resolver.resolveTxt(benchDomain(n)),
    (n: number) => resolver.resolveNs(benchDomain(n)),
    (n: number) => resolver.resolveTxt(`_dmarc.${benchDomain(n)}`),
  ];
  // offset past the analyser run's domains so both runs see fresh names
  const offset = 1_000_000;
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        await kinds[i % kinds.length](offset + Math.floor(i / kinds.length)).catch((err: NodeJS.ErrnoException) => {
          // NODATA / NXDOMAIN are answers (the no-MX domains); only timeouts and errors count as failed
          if (err.code !== 'ENODATA' && err.code !== 'ENOTFOUND') failed++;
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { queries: total, failed, seconds: +seconds.toFixed(2), qps: Math.round(total / seconds) };
}

async function analyserRate(domains: number, domainConcurrency: number) {
  const client = createDnsClient({ servers: [server.address], timeoutMs: 2000, tries: 2, concurrency: 256 });
  const limiter = createLimiter(domainConcurrency);
  let unknown = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: domains }, (_, n) =>
      limiter.run(async () => {
        const signals = await analyzeDns(benchDomain(n), client, { dkimSelectors: FIXTURE_DKIM_SELECTORS });
        if (signals.unknown_checks.length > 0) unknown++;
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const stats = client.stats();
  return {
    domains,
    domainsWithUnknowns: unknown,
    seconds: +seconds.toFixed(2),
    domainsPerSecond: Math.round(domains / seconds),
    wireQueriesPerSecond: Math.round(stats.attempts / seconds),
    stats,
  };
}

try {
  console.log('server', values.server, server.address);
  console.log('analyzeDns', await analyserRate(Number(values.domains), Number(values['domain-concurrency'])));
  console.log('resolver', await resolverQps(Number(values.queries), Number(values.concurrency)));
} finally {
  await server.stop();
}
