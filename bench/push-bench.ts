// Outbox throughput: 1,000 queued Dynamics 365 pushes (lead mode: look-up, lead upsert, note upsert each) drained
// through the real outbox and Web API client against the local fake Dataverse. Prints `N pushes/s`, PASS/FAIL for
// the 30 s target and for "no duplicates", and exits non-zero on a miss.
// Usage: npm run bench:push [-- --pushes 1000]
import { parseArgs } from 'node:util';
import { resourcesDir } from '../main/config/load';
import { DataverseClient } from '../main/integrations/dynamics/client';
import { loadD365Mapping } from '../main/integrations/dynamics/mapping';
import { D365Outbox, queuePush } from '../main/integrations/dynamics/outbox';
import { scanResult } from '../test/support/fixtures-scan';
import { startFakeDataverseProcess } from '../test/support/fake-dataverse-process';
import { openTempStore } from '../test/support/temp-store';

const { values } = parseArgs({ options: { pushes: { type: 'string', default: '1000' } } });
const PUSHES = Number(values.pushes);
const TARGET_MS = 30_000;

// the fake runs in its own process, as Dataverse would: the outbox and client have this event loop to themselves
const fake = await startFakeDataverseProcess();
const temp = openTempStore();
const store = temp.store;
try {
  const domains = Array.from({ length: PUSHES }, (_, i) => `bench${i}.test`);
  store.leads.addLeads(domains.map((domain) => ({ domain, domain_display: domain })));
  store.leads.saveScanResults(domains.map((domain, i) => scanResult({ domain, score: i % 100 })));
  for (const domain of domains) {
    queuePush(store, {
      lead: store.leads.getLead(domain)!,
      mode: 'lead',
      onDuplicate: 'update',
      salesSummary: `Sales summary of ${domain}`,
      defaultCurrency: 'EUR',
    });
  }
  const client = new DataverseClient({ orgUrl: fake.url, tokens: { getToken: async () => 'bench-token' } });
  const mapping = loadD365Mapping(resourcesDir());
  const outbox = new D365Outbox({ store, connect: () => ({ client, mapping }) });

  const started = performance.now();
  const { results, queuedLeft } = await outbox.drain();
  const ms = performance.now() - started;

  const pushed = results.filter((r) => r.state === 'pushed').length;
  const stats = await fake.stats();
  const leadRecords = stats.leads;
  const noDuplicates =
    stats.leads === PUSHES && stats.distinctDomains === PUSHES && stats.notes === PUSHES && stats.posts === 0;
  const rate = PUSHES / (ms / 1000);
  console.log(`${rate.toFixed(0)} pushes/s`);
  console.log(
    `${PUSHES} pushes drained in ${(ms / 1000).toFixed(1)} s (${stats.requests} requests, at most ` +
      `${stats.maxConcurrent} in flight); ${pushed} pushed, ${queuedLeft} still queued`,
  );
  const timeOk = ms <= TARGET_MS && pushed === PUSHES && queuedLeft === 0;
  console.log(`${timeOk ? 'PASS' : 'FAIL'} drained within ${TARGET_MS / 1000} s`);
  console.log(
    `${noDuplicates ? 'PASS' : 'FAIL'} no duplicates (${leadRecords} lead records and ${stats.notes} notes for ${PUSHES} domains)`,
  );
  process.exitCode = timeOk && noDuplicates ? 0 : 1;
} finally {
  temp.cleanup();
  await fake.stop();
}
