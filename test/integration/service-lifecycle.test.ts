// The composition root's lifecycle as a user meets it: Ctrl-C on the web bridge mid-scan, a job that breaks, and
// scans run back to back in one long-lived process.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import type { Hunter } from '../../main/app/create-hunter';
import type { Log } from '../../main/core/log';
import type { ScanJobStatus } from '../../shared/scan-jobs';
import { startDnsServer } from '../support/dns-server';
import type { DnsServerHandle } from '../support/dns-server';
import { projectRoot } from '../support/project-root';

const ROOT = projectRoot();
let dns: DnsServerHandle;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // every bulk-N.test is a Microsoft 365 domain with SPF and DMARC; nothing else exists
  dns = await startDnsServer({
    zones: {
      names: {},
      generate: (name) => {
        const m = /^(?:_dmarc\.)?(bulk-\d+\.test)$/.exec(name);
        if (!m) return undefined;
        if (name.startsWith('_dmarc.')) return { TXT: ['v=DMARC1; p=reject; rua=mailto:d@' + m[1]] };
        return {
          MX: [{ priority: 0, exchange: `${m[1].replace('.', '-')}.mail.protection.outlook.com` }],
          TXT: ['v=spf1 include:spf.protection.outlook.com -all'],
        };
      },
    },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-lifecycle-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hunter</title>');
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await dns.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const domains = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `bulk-${from + i}.test`);

function prepare(dbPath: string): void {
  const hunter = createHunter({ dbPath });
  hunter.settings.update({
    dns_servers: [dns.address],
    dns_timeout_ms: 500,
    dns_tries: 1,
    whois_enabled: false,
    scan_concurrency: 8,
  });
  hunter.store.close();
}

interface Bridge {
  child: ChildProcess;
  rpc<T>(channel: string, input: unknown): Promise<T>;
  exited: Promise<number | null>;
}

/** `npm run web`'s process itself (no npm or wrapper in between), so signals and RSS are its own. */
async function startBridge(dbPath: string): Promise<Bridge> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/web-main.ts', '--port', '0', '--db', dbPath, '--static', dir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('Hunter web: ')) resolve(line);
    });
    void exited.then((code) => reject(new Error(`web bridge exited with ${code} before it was ready`)));
  });
  const url = new URL(ready.slice('Hunter web: '.length));
  const token = url.searchParams.get('token')!;
  return {
    child,
    exited,
    async rpc<T>(channel: string, input: unknown): Promise<T> {
      const res = await fetch(`${url.origin}/rpc/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
      if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
      return body.data;
    },
  };
}

async function until<T>(get: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The kernel's high-water mark of the process's resident memory, in kB. */
function peakRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]);
}

function historyCounts(hunter: Hunter, names: string[]): Map<string, number> {
  return new Map(names.map((d) => [d, hunter.store.leads.getHistory(d).length]));
}

describe('service lifecycle', () => {
  it('stops a scan within 1 s of SIGINT on the web bridge, and the job resumes after restart with nothing lost or scanned twice', async () => {
    const dbPath = path.join(dir, 'sigint.db');
    prepare(dbPath);
    const all = domains(3000);
    const first = await startBridge(dbPath);
    const started = await first.rpc<ScanJobStatus>('scan.start', { domains: all });
    await until(
      () => first.rpc<ScanJobStatus>('scan.status', {}),
      (s) => s.done >= 200,
    );
    const signalledAt = Date.now();
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const stopMs = Date.now() - signalledAt;
    expect(stopMs).toBeLessThan(1000);

    const between = createHunter({ dbPath });
    const paused = between.services.scanJobs.current()!;
    expect(paused).toMatchObject({ job_id: started.job_id, state: 'paused', total: 3000 });
    expect(paused.done).toBeLessThan(3000);
    const counts = historyCounts(between, all);
    // what the job counts as done is exactly what was stored, each once
    expect([...counts.values()].filter((n) => n === 1)).toHaveLength(paused.done);
    expect([...counts.values()].every((n) => n <= 1)).toBe(true);
    await between.stop();

    const second = await startBridge(dbPath);
    await second.rpc('scan.resume', { job_id: started.job_id });
    const finished = await until(
      () => second.rpc<ScanJobStatus>('scan.status', {}),
      (s) => s === null || s.state === 'done',
    );
    expect(finished).toBeNull(); // a finished job is no longer offered
    second.child.kill('SIGTERM');
    await second.exited;

    const after = createHunter({ dbPath });
    expect(after.store.scanJobs.get(started.job_id)).toMatchObject({ state: 'done', done: 3000, succeeded: 3000 });
    expect([...historyCounts(after, all).values()].every((n) => n === 1)).toBe(true);
    await after.stop();
  }, 180_000);

  it('shows a job that fails mid-way as "error" with its reason, logs the cause, and lets it resume', async () => {
    const dbPath = path.join(dir, 'failing.db');
    prepare(dbPath);
    const lines: { event: string; context?: Record<string, unknown> }[] = [];
    const log: Log = {
      debug() {},
      info() {},
      warn() {},
      error: (event, context) => lines.push({ event, context }),
    };
    const hunter = createHunter({ dbPath, log, scanWorkers: 0 });
    await hunter.start();
    // the disk refuses writes once the scan has started storing results
    hunter.store.sqlite.exec(
      `CREATE TRIGGER refuse_history BEFORE INSERT ON scan_history
       BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`,
    );
    const jobs = hunter.services.scanJobs;
    const started = jobs.startJob(domains(40, 5000));
    await jobs.idle();
    const failed = jobs.current()!;
    expect(failed).toMatchObject({ job_id: started.job_id, state: 'error' });
    expect(failed.error).toContain('disk I/O error (simulated)');
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'scan.job_failed',
        context: expect.objectContaining({ job_id: started.job_id, error: expect.stringContaining('simulated') }),
      }),
    );

    hunter.store.sqlite.exec('DROP TRIGGER refuse_history');
    jobs.resume(started.job_id);
    await jobs.idle();
    expect(hunter.store.scanJobs.get(started.job_id)).toMatchObject({ state: 'done', done: 40, error: null });
    await hunter.stop();
  });

  it('keeps the peak RSS of the bridge within 10 % of one scan after three scans back to back (one worker pool)', async () => {
    const dbPath = path.join(dir, 'rss.db');
    prepare(dbPath);
    const bridge = await startBridge(dbPath);
    const scan = async (names: string[]) => {
      const { job_id } = await bridge.rpc<ScanJobStatus>('scan.start', { domains: names });
      await until(
        () => bridge.rpc<ScanJobStatus | null>('scan.status', {}),
        (s) => s === null || (s.job_id === job_id && s.state === 'done'),
      );
    };
    // the same list each time, so the figure measures the scans and not a database growing by 800 leads a round
    const list = domains(800, 10_000);
    await scan(list);
    const afterOne = peakRssKb(bridge.child.pid!);
    await scan(list);
    await scan(list);
    const afterThree = peakRssKb(bridge.child.pid!);
    expect(afterThree / afterOne).toBeLessThanOrEqual(1.1);
    bridge.child.kill('SIGTERM');
    await bridge.exited;
  }, 180_000);
});
