import { describe, expect, it } from 'vitest';
import { RunLoop } from '../../main/app/run-loop';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('RunLoop', () => {
  it('joins the run in flight instead of starting a second one', async () => {
    const loop = new RunLoop<number>();
    const gate = deferred<number>();
    let starts = 0;
    const start = () => (starts++, gate.promise);
    const first = loop.run(start);
    const second = loop.run(start);
    expect(second).toBe(first);
    expect(loop.running).toBe(true);
    gate.resolve(7);
    await expect(first).resolves.toBe(7);
    expect(starts).toBe(1);
    expect(loop.running).toBe(false);
  });

  it('settles after a failed run and lets the next one start', async () => {
    const loop = new RunLoop<number>();
    const settled: string[] = [];
    await expect(
      loop.run(
        () => Promise.reject(new Error('down')),
        () => settled.push('first'),
      ),
    ).rejects.toThrow('down');
    await expect(
      loop.run(
        () => Promise.resolve(2),
        () => settled.push('second'),
      ),
    ).resolves.toBe(2);
    expect(settled).toEqual(['first', 'second']);
  });

  it('waits for the run in flight on settled(), without rethrowing its failure', async () => {
    const loop = new RunLoop<void>();
    const gate = deferred<void>();
    const run = loop.run(() => gate.promise);
    run.catch(() => undefined);
    let waited = false;
    const wait = loop.settled().then(() => (waited = true));
    await Promise.resolve();
    expect(waited).toBe(false);
    gate.reject(new Error('cut off'));
    await wait;
    expect(waited).toBe(true);
  });

  it('keeps one pending timer: a new schedule replaces it, cancel drops it, a run drops it', async () => {
    const loop = new RunLoop<void>();
    const fired: string[] = [];
    loop.schedule(5, () => fired.push('a'));
    loop.schedule(5, () => fired.push('b'));
    expect(loop.scheduled).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual(['b']);
    expect(loop.scheduled).toBe(false);

    loop.schedule(5, () => fired.push('c'));
    loop.cancel();
    loop.schedule(5, () => fired.push('d'));
    await loop.run(() => Promise.resolve());
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual(['b']);
  });
});
