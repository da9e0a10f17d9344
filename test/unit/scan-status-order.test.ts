import { describe, expect, it } from 'vitest';
import type { ScanJobStatus } from '../../shared/scan-jobs';
import { isNewerStatus } from '../../renderer/api/scan-status';

const status = (over: Partial<ScanJobStatus>): ScanJobStatus => ({
  job_id: 1,
  state: 'running',
  total: 5,
  done: 2,
  succeeded: 2,
  failed: 0,
  rate_per_s: 0,
  eta_ms: null,
  started_at: '2026-11-26T10:00:00.000Z',
  error: null,
  failures: [],
  health: 'ok',
  ...over,
});

describe('scan status ordering in the renderer', () => {
  it('keeps the final "done" event when the resume answer arrives after it', () => {
    expect(isNewerStatus(status({ state: 'done', done: 5 }), status({ state: 'running', done: 2 }))).toBe(false);
  });

  it('does not reopen a finished job with a same-count "running" answer', () => {
    expect(isNewerStatus(status({ state: 'done', done: 5 }), status({ state: 'running', done: 5 }))).toBe(false);
    expect(isNewerStatus(status({ state: 'cancelled', done: 3 }), status({ state: 'running', done: 3 }))).toBe(false);
  });

  it('accepts progress, resumes, cancels and other jobs', () => {
    expect(isNewerStatus(status({ done: 2 }), status({ done: 3 }))).toBe(true);
    expect(isNewerStatus(status({ state: 'paused', done: 2 }), status({ state: 'running', done: 2 }))).toBe(true);
    expect(isNewerStatus(status({ state: 'running', done: 3 }), status({ state: 'cancelled', done: 3 }))).toBe(true);
    expect(isNewerStatus(status({ state: 'done', done: 5 }), status({ job_id: 2, done: 0 }))).toBe(true);
    expect(isNewerStatus(null, status({}))).toBe(true);
    expect(isNewerStatus(status({}), null)).toBe(true);
  });
});
