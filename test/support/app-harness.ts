import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebBridge, type BridgeLimits } from '../../main/bridge/web-server';
import type { WebBridge } from '../../main/bridge/web-server';
import { createHunter } from '../../main/app/create-hunter';
import type { Hunter } from '../../main/app/create-hunter';
import type { EventBus } from '../../main/core/event-bus';
import { createHandlers } from '../../main/ipc/handlers';
import type { Handlers } from '../../main/ipc/dispatch';
import type { ScanJobService } from '../../main/services/scan-jobs';

export interface AppHarness {
  dir: string;
  ctx: Hunter;
  bus: EventBus;
  handlers: Handlers;
  jobs: ScanJobService;
  bridge: WebBridge;
  /** POST a call over the bridge exactly as the renderer's web client does */
  rpc(channel: string, input: unknown, token?: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The real services behind the real loopback bridge, on a temp database. */
export async function startApp(
  opts: { staticDir?: string; settings?: Record<string, unknown>; bridgeLimits?: Partial<BridgeLimits> } = {},
): Promise<AppHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-app-'));
  const staticDir = opts.staticDir ?? path.join(dir, 'static');
  if (!opts.staticDir) {
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Hunter</title>');
  }
  const ctx = createHunter({ dbPath: path.join(dir, 'hunter.db') });
  if (opts.settings) ctx.settings.update(opts.settings);
  const bus = ctx.bus;
  const handlers = createHandlers(ctx, { version: 'test', platform: process.platform });
  const jobs = ctx.services.scanJobs;
  const bridge = await startWebBridge({ handlers, bus, staticDir, limits: opts.bridgeLimits });
  await ctx.start();
  const base = `http://127.0.0.1:${bridge.port}`;
  return {
    dir,
    ctx,
    bus,
    handlers,
    jobs,
    bridge,
    async rpc(channel, input, token = bridge.token) {
      const res = await fetch(`${base}/rpc/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await bridge.close();
      await jobs.idle();
      await ctx.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
