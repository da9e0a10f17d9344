import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import { startD365World } from '../support/d365-cli-env';
import type { D365World } from '../support/d365-cli-env';
import { projectRoot } from '../support/project-root';

let w: D365World | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

function drainProcess(world: D365World) {
  const child = spawn(
    process.execPath,
    [path.join(projectRoot(), 'bin/hunter.mjs'), 'outbox', '--drain', '--json', '--db', world.db],
    { env: { ...process.env, ...world.env() }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('outbox drain killed with SIGKILL', () => {
  it('sends every record exactly once after a drain process is killed mid-way and run again', async () => {
    w = await startD365World();
    const world = w;
    const domains = Array.from({ length: 40 }, (_, i) => `lead${String(i).padStart(2, '0')}.test`);
    world.seed(domains);
    const queuer = createHunter({ dbPath: world.db, env: { ...process.env, ...world.env() } });
    for (const d of domains) queuer.dynamics.queue(d, 'lead', 'update');
    await queuer.stop();

    // slow answers so the kill lands mid-drain; a few connections also drop after their write committed
    world.fake.setLatency(25);
    world.fake.fault({ method: 'PATCH', set: 'leads', kind: 'drop-after-commit', times: 2 });
    const first = drainProcess(world);
    await until(() => world.fake.records.get('leads')!.size >= 12, 60_000);
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const leadsAtKill = world.fake.records.get('leads')!.size;
    expect(leadsAtKill).toBeLessThan(domains.length);

    world.fake.fault({ method: 'PATCH', set: 'annotations', kind: 'drop-after-commit', times: 2 });
    const second = drainProcess(world);
    const done = await second.exited;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);

    for (const d of domains) {
      expect(world.fake.find('leads', 'hnt_domain', d), d).toHaveLength(1);
    }
    expect(world.fake.records.get('leads')!.size).toBe(domains.length);
    expect(world.fake.records.get('annotations')!.size).toBe(domains.length);
    expect(world.fake.writes.some((x) => x.method === 'POST')).toBe(false);
    world.withStore((store) => {
      expect(store.d365Outbox.unsent()).toEqual([]);
      for (const d of domains) {
        const state = store.d365Outbox.leadPushState(d)!;
        expect(state.status).toBe('pushed');
        expect(world.fake.records.get('leads')!.has(state.ids.lead!)).toBe(true);
      }
    });
  }, 120_000);
});
