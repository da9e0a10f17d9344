import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../main/config/load';
import { DataverseClient } from '../../main/integrations/dynamics/client';
import { loadD365Mapping } from '../../main/integrations/dynamics/mapping';
import { D365Outbox, queuePush, retryDelayMs } from '../../main/integrations/dynamics/outbox';
import { OutboxWorker } from '../../main/integrations/dynamics/outbox-worker';
import { seedLead } from '../support/d365-seed';
import { startFakeDataverse } from '../support/fake-dataverse';
import type { FakeDataverse } from '../support/fake-dataverse';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let fake: FakeDataverse | null = null;
let temp: TempStore | null = null;
let worker: OutboxWorker | null = null;

afterEach(async () => {
  await worker?.stop();
  await fake?.close();
  temp?.cleanup();
  worker = null;
  fake = null;
  temp = null;
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Attempt = Parameters<NonNullable<ConstructorParameters<typeof D365Outbox>[0]['onAttempt']>>[0];

async function setup(domains: string[], opts: { enabled?: () => boolean } = {}) {
  fake = await startFakeDataverse();
  temp = openTempStore();
  const store = temp.store;
  for (const domain of domains) seedLead(store, { domain });
  const client = new DataverseClient({
    orgUrl: fake.url,
    tokens: { getToken: async () => 't' },
    resendDelayMs: 5,
    maxResends: 1,
  });
  const mapping = loadD365Mapping(resourcesDir());
  const attempts: Attempt[] = [];
  const outbox = new D365Outbox({
    store,
    connect: () => ({ client, mapping }),
    onAttempt: (attempt) => attempts.push(attempt),
  });
  const queue = (domain: string) =>
    queuePush(store, {
      lead: store.leads.getLead(domain)!,
      mode: 'lead',
      onDuplicate: 'update',
      salesSummary: 'summary',
      defaultCurrency: 'EUR',
    });
  const newWorker = () => (worker = new OutboxWorker(outbox, store.d365Outbox, { enabled: opts.enabled }));
  return { fake, store, outbox, queue, newWorker, attempts };
}

describe('Dynamics 365 outbox worker (background service)', () => {
  it('sends what is queued once started, and what is queued later when woken', async () => {
    const { fake, store, queue, newWorker } = await setup(['a.test', 'b.test']);
    queue('a.test');
    const w = newWorker();
    w.start();
    await until(() => store.d365Outbox.leadPushState('a.test')!.status === 'pushed');
    queue('b.test');
    w.wake();
    await until(() => store.d365Outbox.leadPushState('b.test')!.status === 'pushed');
    expect(fake.records.get('leads')!.size).toBe(2);
    expect(store.d365Outbox.unsent()).toEqual([]);
  });

  it('reports each attempt for the push figures: a success, or a failure with its cause', async () => {
    const { fake, store, queue, newWorker, attempts } = await setup(['a.test', 'b.test']);
    queue('a.test');
    const w = newWorker();
    w.start();
    await until(() => store.d365Outbox.leadPushState('a.test')!.status === 'pushed');
    fake.fault({ kind: 'status', status: 503, times: 5 });
    const id = queue('b.test');
    w.wake();
    await until(() => store.d365Outbox.get(id)!.attempts === 1 && store.d365Outbox.get(id)!.state === 'queued');
    expect(attempts).toEqual([
      { outcome: 'success', cause: null, status: null },
      { outcome: 'failure', cause: 'transient', status: 503 },
    ]);
  });

  it('sends nothing while the feature flag is off, and starts when it is turned on', async () => {
    let on = false;
    const { fake, store, queue, newWorker } = await setup(['a.test'], { enabled: () => on });
    queue('a.test');
    const w = newWorker();
    w.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.requests).toHaveLength(0);
    on = true;
    w.wake();
    await until(() => store.d365Outbox.leadPushState('a.test')!.status === 'pushed');
  });

  it('waits on stop for the push already on the wire, so its outcome is recorded', async () => {
    const { fake, store, queue, newWorker } = await setup(['a.test']);
    fake.setLatency(300);
    const id = queue('a.test');
    const w = newWorker();
    w.start();
    await until(() => fake.requests.length > 0 || store.d365Outbox.get(id)!.state === 'sending');
    await w.stop();
    expect(store.d365Outbox.get(id)!.state).toBe('done');
  });

  it('puts a transient failure back in the queue with a growing delay', async () => {
    const { fake, store, queue, newWorker } = await setup(['a.test']);
    fake.fault({ kind: 'status', status: 503, times: 5 });
    const id = queue('a.test');
    newWorker().start();
    await until(() => store.d365Outbox.get(id)!.attempts === 1 && store.d365Outbox.get(id)!.state === 'queued');
    const item = store.d365Outbox.get(id)!;
    const delay = Date.parse(item.next_attempt_at!) - Date.now();
    expect(delay).toBeGreaterThan(25_000);
    expect(item.last_error).toContain('503');
    expect(item.last_status).toBe(503);
    expect(store.d365Outbox.leadPushState('a.test')!.status).toBe('queued');
    expect(retryDelayMs(3, () => 0)).toBe(120_000);
    expect(retryDelayMs(20, () => 0)).toBe(3_600_000);
  });

  it('after a crash, sends a push left "sending" once the next run starts', async () => {
    const { fake, store, queue, newWorker } = await setup(['a.test']);
    const id = queue('a.test');
    expect(store.d365Outbox.claim(id)).toBe(true);
    expect(store.d365Outbox.leadPushState('a.test')!.status).toBe('pushing');
    newWorker().start();
    await until(() => store.d365Outbox.get(id)!.state === 'done');
    expect(store.d365Outbox.get(id)!.attempts).toBe(2);
    expect(fake.records.get('leads')!.size).toBe(1);
  });

  it('lets the user retry or discard a failed push', async () => {
    const { store, queue, outbox } = await setup(['a.test', 'b.test']);
    const a = queue('a.test');
    const b = queue('b.test');
    store.d365Outbox.claim(a);
    store.d365Outbox.fail(a, 'Dynamics 365 answered 403', 403);
    store.d365Outbox.claim(b);
    store.d365Outbox.fail(b, 'Dynamics 365 answered 400', 400);
    expect(store.d365Outbox.retry(a)).toBe(true);
    expect((await outbox.send(a)).state).toBe('pushed');
    expect(store.d365Outbox.discard(b)).toBe(true);
    expect(store.d365Outbox.unsent()).toEqual([]);
    expect(store.d365Outbox.leadPushState('b.test')!.status).toBeNull();
  });
});
