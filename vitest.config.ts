import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The local https fake servers (identity, Partner Center, Dataverse) use a committed test CA. Node reads
// NODE_EXTRA_CA_CERTS only when a process starts, so it is set here, in the vitest process, before the test
// processes are forked: they and every CLI process a test spawns inherit it.
process.env.NODE_EXTRA_CA_CERTS = path.resolve(import.meta.dirname, 'test/support/tls/ca.pem');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // child processes, not worker threads: a thread would share the vitest process's already-loaded CA store
    pool: 'forks',
    // One file at a time: several suites assert exact time bounds (a silent DNS name costs timeout × tries), and on
    // the 2-core machines a browser-driven e2e file running beside them stalled their timers by seconds.
    maxWorkers: 1,
  },
});
