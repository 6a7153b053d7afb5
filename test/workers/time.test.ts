// Time bounds a check on worker threads as it bounds an in-process one: `timeLimit` and the
// running test's timeout stop the check, and once it has stopped no thread starts another call
// of f (every call a thread makes is announced on a BroadcastChannel and counted here); progress
// is told during a batch, not only at its end.
import { checkGradientAsync } from 'gradcheck';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WorkerFunction, workerFunction } from '../../src/workers/index.js';
import { announcedCalls, sleep } from './announcedCalls.js';
import { CALLS_CHANNEL, SPIN_MS } from './fixtures/slow.mjs';

const announced = announcedCalls(CALLS_CHANNEL);
const at = Array.from({ length: 100 }, (_, i) => 0.01 * (i + 1));
const grad = (t: number[]) => t.map((v) => 2 * v);

/** The calls announced once the threads have had time for several more calls of f. */
async function callsAfterTheStop(): Promise<{ atStop: number; later: number }> {
  await sleep(SPIN_MS);
  const atStop = announced.calls;
  await sleep(8 * SPIN_MS);
  return { atStop, later: announced.calls };
}

describe('a check on worker threads stops in time, and no call of f starts after the stop', () => {
  let f: WorkerFunction<number[]>;
  beforeAll(async () => {
    f = workerFunction<number[]>(new URL('./fixtures/slow.mjs', import.meta.url), 'slowSquares', { threads: 2 });
    await f(at); // the threads are up before any clock starts
  });
  afterAll(async () => {
    await f.close();
    announced.close();
  });

  it('timeLimit', async () => {
    announced.reset();
    const started = performance.now();
    const error = await checkGradientAsync(f, grad, { at, timeLimit: 400, concurrency: 2 }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^checkGradientAsync: this full check of 100 entries will take about/);
    expect((error as Error).message).toContain('options.timeLimit leaves');
    expect(performance.now() - started).toBeLessThan(1000);
    const { atStop, later } = await callsAfterTheStop();
    expect(atStop).toBeLessThan(2 * at.length);
    expect(later).toBe(atStop);
  });

  // The test's own timeout (1.5 s) is the budget: the check stops inside it, with the test's wording.
  it("the running test's timeout", async () => {
    announced.reset();
    const error = await checkGradientAsync(f, grad, { at, concurrency: 2 }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^checkGradientAsync: this full check of 100 entries will take about/);
    expect((error as Error).message).toContain('but the test has');
    const { atStop, later } = await callsAfterTheStop();
    expect(atStop).toBeLessThan(2 * at.length);
    expect(later).toBe(atStop);
  }, 1500);

  it('progress is told while the threads work through one batch, the last word the final count', async () => {
    const seen: number[] = [];
    const report = await checkGradientAsync(f, grad, {
      at: at.slice(0, 20),
      concurrency: 2,
      progress: (p) => seen.push(p.done),
    });
    expect(report.pass).toBe(true);
    // The full check's 40 points are one batch: reports between its start and end come from its chunks.
    expect(seen.filter((done) => done > 0 && done < 40).length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(40);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
