// Starts test/support/dns-server-main.ts in a child process (node --import tsx) and waits for its port.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { BenchPrebuild } from './dns-bench-zones';
import { projectRoot } from './project-root';

export interface DnsServerProcessHandle {
  host: '127.0.0.1';
  port: number;
  address: string;
  pid: number;
  queryCount(): Promise<number>;
  stop(): Promise<void>;
}

export async function startDnsServerProcess(opts: {
  zones: 'fixtures' | 'bench';
  port?: number;
  /** bench zones: answers to encode before the port is printed */
  prebuild?: BenchPrebuild;
}): Promise<DnsServerProcessHandle> {
  const prebuild = opts.prebuild
    ? [
        '--prebuild-domains',
        String(opts.prebuild.domains),
        '--selectors',
        opts.prebuild.selectors.join(','),
        '--prebuild-raw',
        String(opts.prebuild.rawQuestions),
      ]
    : [];
  const root = projectRoot();
  const args = [
    '--import',
    'tsx',
    join(root, 'test/support/dns-server-main.ts'),
    '--zones',
    opts.zones,
    '--port',
    String(opts.port ?? 0),
    ...prebuild,
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const firstLine = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`DNS server process exited with code ${code} before printing its port`);
    }),
  ]);
  lines.close();
  const port = Number(firstLine);
  return {
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    pid: child.pid!,
    queryCount: async () => {
      const reply = once(child, 'message');
      child.send({ type: 'queryCount' });
      const [msg] = (await reply) as [{ value: number }];
      return msg.value;
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
