// Partner Center ingestion: 10,000 referrals read page by page from the local fake Partner Center (https, repeats
// across pages) through the real sign-in and client, mapped, linked to leads (created where missing) and stored in
// one transaction. Prints `N referrals/s` and PASS/FAIL against the target; exits non-zero on a miss.
// Usage: npm run bench:referrals [-- --referrals 10000]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resourcesDir } from '../main/config/load';
import { loadConsumerDomains } from '../main/integrations/partner-center/consumer-domains';
import { loadPcConfig } from '../main/integrations/partner-center/pc-config';
import { syncReferrals } from '../main/integrations/partner-center/referral-sync';
import { createReferralsClient } from '../main/integrations/partner-center/referrals-client';
import { openStore } from '../main/store/db';
import { startPartnerCenterHarness } from '../test/support/partner-center-harness';
import { referralMix } from '../test/support/referral-fixtures';
import { TEST_CA_FILE } from '../test/support/tls/test-tls';

const TARGET_MS = 10_000;

// Node reads NODE_EXTRA_CA_CERTS only at start: without the test CA, run again with it
if (path.resolve(process.env.NODE_EXTRA_CA_CERTS ?? '') !== TEST_CA_FILE) {
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: TEST_CA_FILE },
  });
  process.exit(again.status ?? 1);
}

const { values } = parseArgs({ options: { referrals: { type: 'string', default: '10000' } } });
const COUNT = Number(values.referrals);

const h = await startPartnerCenterHarness({ referrals: referralMix(COUNT), repeatAcrossPages: true });
const store = openStore(h.dbPath);
try {
  const resources = resourcesDir();
  const client = createReferralsClient({
    apiUrl: h.pc.url,
    tokens: h.signIn,
    retry: loadPcConfig(resources, store.settings, h.env).retry,
  });
  const t0 = performance.now();
  const { result } = await syncReferrals(
    { store, client, consumerDomains: loadConsumerDomains(resources) },
    { full: true },
  );
  const ms = performance.now() - t0;
  const stored = store.referrals.count({});
  if (stored !== COUNT) throw new Error(`stored ${stored} referrals, expected ${COUNT}`);
  console.log(`${Math.round((COUNT / ms) * 1000)} referrals/s`);
  console.log(
    `${COUNT} referrals (${result.fetched} fetched with repeats, ${result.leads_created} leads created) in ` +
      `${(ms / 1000).toFixed(2)} s: ${ms <= TARGET_MS ? 'PASS' : 'FAIL'} (target ≤ ${TARGET_MS / 1000} s)`,
  );
  process.exitCode = ms <= TARGET_MS ? 0 : 1;
} finally {
  store.close();
  await h.stop();
}
