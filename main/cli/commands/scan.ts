import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../config/load';
import { normalizeDomain } from '../../engine/normalize';
import { InOrderEmitter } from '../../engine/run-scans';
import { planImportFile } from '../../services/import-file';
import { recordJobBatch, scanAndStore } from '../../services/scan-and-store';
import { EXIT, intOption, parse, UsageError } from '../args';
import type { Command } from '../args';
import { scanLine, scanToJson } from '../format';
import { withHunter } from '../with-hunter';

/** the exit code of a run stopped with Ctrl-C (128 + SIGINT), as shells expect */
const INTERRUPTED = 130;

async function readInputs(positionals: string[], file: string | undefined): Promise<string[]> {
  const inputs = [...positionals];
  if (file) {
    const plan = await planImportFile(path.basename(file), fs.readFileSync(file), resourcesDir());
    // rejected rows are scanned too, so they show up in the output with their reason, in file order
    inputs.push(...plan.rows.map((r) => r.input));
  }
  return inputs;
}

export const scanCommand: Command = async (args, io) => {
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
  return withHunter(values.db, async (hunter) => {
    const { store } = hunter;
    const concurrency = intOption(values.concurrency, 'concurrency', 1, 1000) ?? hunter.settings.get().scan_concurrency;
    const scanner = hunter.scanners.get(overrides);
    // the run is a persisted scan job like the app's, so one stopped with Ctrl-C can be resumed from the app
    const jobDomains = inputs.map((input) => {
      const n = normalizeDomain(input);
      return n.ok ? n.domain : null;
    });
    const job = store.scanJobs.create(
      jobDomains.filter((d): d is string => d !== null),
      { source: 'cli' },
    );
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
    await scanAndStore(inputs, scanner, store, {
      concurrency,
      signal: io.signal,
      inTransaction: (batch) => recordJobBatch(store, job.id, jobDomains, batch),
      onStored(batch) {
        for (const { result, index } of batch) {
          if (result.scan_status === 'invalid_domain' || result.scan_status === 'dns_timeout') failed++;
          const stored = result.scan_status === 'dns_timeout' ? store.leads.getLead(result.domain) : null;
          emitter.push(scanToJson(result, stored), index);
        }
        done += batch.length;
        progress();
      },
    });
    if (io.errIsTty && inputs.length >= 20) io.err('\n');
    if (io.signal?.aborted) {
      const left = store.scanJobs.pause(job.id);
      io.err(`stopped: ${left.done} of ${left.total} scanned; scan job ${job.id} can be resumed in the app`);
      return INTERRUPTED;
    }
    return failed > 0 ? EXIT.someFailed : EXIT.ok;
  });
};
