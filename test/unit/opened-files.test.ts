import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/event-bus';
import type { Log } from '../../main/core/log';
import { createOpenedFiles, openableArgs } from '../../main/services/opened-files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-opened-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function setup(maxBytes?: number) {
  const bus = new EventBus();
  const events: unknown[] = [];
  bus.subscribe((name, payload) => events.push([name, payload]));
  const warnings: string[] = [];
  const log: Log = { debug() {}, info() {}, warn: (event) => void warnings.push(event), error() {} };
  return { files: createOpenedFiles({ bus, log, maxBytes }), events, warnings };
}

describe('opened files', () => {
  it('picks the .csv and .xlsx arguments of a command line, resolved where that launch started', () => {
    const argv = ['--inspect', 'C:/data/Leads.CSV', 'rel/list.xlsx', 'notes.txt', '--file=x.csv'];
    expect(openableArgs(argv, '/home/rep')).toEqual([
      path.resolve('/home/rep', 'C:/data/Leads.CSV'),
      path.resolve('/home/rep/rel/list.xlsx'),
    ]);
  });

  it('skips an oversized file, logs it, and announces only what it kept', () => {
    const small = path.join(dir, 'small.csv');
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(small, 'domain\nexample.com\n');
    fs.writeFileSync(big, 'x'.repeat(200));
    const { files, events, warnings } = setup(100);

    files.offer([small, big]);

    expect(files.take().map((f) => f.file_name)).toEqual(['small.csv']);
    expect(events).toEqual([['files.opened', { count: 1 }]]);
    expect(warnings).toEqual(['files.open_failed']);
  });

  it('keeps at most five files waiting and says nothing when none could be read', () => {
    const paths = Array.from({ length: 7 }, (_, i) => {
      const file = path.join(dir, `f${i}.csv`);
      fs.writeFileSync(file, 'domain\n');
      return file;
    });
    const { files, events, warnings } = setup();

    files.offer(paths);
    files.offer([path.join(dir, 'folder.csv')]);

    expect(files.take()).toHaveLength(5);
    expect(warnings.filter((w) => w === 'files.open_dropped')).toHaveLength(3);
    expect(events).toHaveLength(1);
  });
});
