// A part of the window that failed to render (the error boundary's notice) is reported to main's log, with the
// report's fields capped by the channel's schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHunter } from '../../main/app/create-hunter';
import type { Log, LogContext } from '../../main/core/log';
import { createHandlers } from '../../main/ipc/handlers';
import { contract } from '../../shared/ipc/contract';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('app.reportError', () => {
  it('logs the failed area and error as one renderer event', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-report-'));
    dirs.push(dir);
    const errors: { event: string; context?: LogContext }[] = [];
    const log: Log = { debug() {}, info() {}, warn() {}, error: (event, context) => errors.push({ event, context }) };
    const hunter = createHunter({ dbPath: path.join(dir, 'hunter.db'), log });
    const handlers = createHandlers(hunter, { version: 'test', platform: 'linux' });
    const report = {
      area: 'detail',
      message: "Cannot read properties of undefined (reading 'length')",
      stack: 'TypeError: ...\n    at DnsFacts',
      component_stack: '\n    at DnsFacts\n    at LeadDetailPanel',
    };
    expect(await handlers['app.reportError'](report)).toEqual({ logged: true });
    expect(errors).toEqual([{ event: 'renderer.render_failed', context: report }]);
    await hunter.stop();
  });

  it('refuses an oversized report', () => {
    const input = contract['app.reportError'].input;
    expect(input.safeParse({ area: 'detail', message: 'x', stack: '', component_stack: '' }).success).toBe(true);
    expect(input.safeParse({ area: 'detail', message: 'x'.repeat(1001), stack: '', component_stack: '' }).success).toBe(
      false,
    );
  });
});
