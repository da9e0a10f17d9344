import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One file at a time: several suites assert exact time bounds (a silent DNS name costs timeout × tries), and on
    // the 2-core machines a browser-driven e2e file running beside them stalled their timers by seconds.
    maxWorkers: 1,
  },
});
