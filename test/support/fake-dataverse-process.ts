// Starts test/support/fake-dataverse-main.ts in a child process (node --import tsx) and waits for its address.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from './project-root';

export interface FakeDataverseStats {
  leads: number;
  distinctDomains: number;
  notes: number;
  posts: number;
  requests: number;
  maxConcurrent: number;
}

export interface FakeDataverseProcess {
  url: string;
  stats(): Promise<FakeDataverseStats>;
  stop(): Promise<void>;
}

export async function startFakeDataverseProcess(): Promise<FakeDataverseProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot(), 'test/support/fake-dataverse-main.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    async stats() {
      const answer = once(child, 'message') as Promise<[FakeDataverseStats]>;
      child.send('stats');
      return (await answer)[0];
    },
    async stop() {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}
