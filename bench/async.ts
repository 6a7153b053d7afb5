/**
 * Async evaluation: an f that waits 2 ms per call (a GPU readback, a worker, a queue), checked
 * in full with `concurrency: 8` against `concurrency: 1`. Target ≥ 4× (issue 14). Both runs must
 * give the same report (values are keyed by point, never by order), or the bench fails; it also
 * prints the real calls against the synchronous check's count (speculation wastes none here).
 *
 *   npx tsx bench/async.ts              # 1 round
 *   npx tsx bench/async.ts --rounds 3
 */
import { availableParallelism, loadavg } from 'node:os';
import { type GradientReport, checkGradient, checkGradientAsync } from '../src/index.js';
import { failLoudly, integerOptions, isMain } from './_internals/cli.js';
import { median, sec, table } from './_internals/measure.js';

/** Target wall-time ratio concurrency 1 / concurrency 8. */
export const TARGET_RATIO = 4;
/** The wait of every call of f, in ms. */
const WAIT_MS = 2;
/** Parameters: 2n = 200 calls of f per full check (0.4 s at concurrency 1). */
const N = 100;

const theta0 = Array.from({ length: N }, (_, i) => Math.sin(1.3 * i + 0.4));
const f = (t: number[]) => t.reduce((s, v, i) => s + Math.cos(v) * (i + 1), 0);
const grad = (t: number[]) => t.map((v, i) => -Math.sin(v) * (i + 1));
const slowF = async (t: number[]): Promise<number> => {
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  return f(t);
};

/** The report without what may differ between runs (wall time, lazy message). */
function data(report: GradientReport): string {
  const { durationMs: _d, message: _m, ...rest } = report;
  return JSON.stringify(rest, (_, v) => (v instanceof Float64Array ? Array.from(v) : v));
}

async function wall(concurrency: number): Promise<{ report: GradientReport; ms: number }> {
  const start = performance.now();
  const report = await checkGradientAsync(slowF, grad, { at: theta0, concurrency });
  return { report, ms: performance.now() - start };
}

/** Runs the bench and prints its table; returns the median ratio. */
export async function runAsyncBench(rounds = 1): Promise<number> {
  const sync = checkGradient(f, grad, { at: theta0 });
  await wall(8); // warm-up: JIT and timers belong to no round
  const rows: string[][] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const one = await wall(1);
    const eight = await wall(8);
    if (data(one.report) !== data(eight.report) || data(one.report) !== data(sync))
      failLoudly('bench/async.ts: the reports differ between concurrency 1, concurrency 8 and the synchronous check');
    ratios.push(one.ms / eight.ms);
    rows.push([`${r + 1}`, sec(one.ms), sec(eight.ms), `${(one.ms / eight.ms).toFixed(2)}×`, `${eight.report.evaluations}`]);
  }
  table(['round', 'concurrency 1', 'concurrency 8', 'speed-up', 'real calls of f'], rows);
  const extra = Math.max(...rows.map((row) => Number(row[4]))) - sync.evaluations;
  console.log(`synchronous check: ${sync.evaluations} calls of f; extra real calls from speculation: ${extra}`);
  console.log(`load average over the last minute: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
  return median(ratios);
}

if (isMain(import.meta.url)) {
  const { rounds = 1 } = integerOptions('bench/async.ts', ['rounds']);
  const ratio = await runAsyncBench(rounds);
  if (!Number.isFinite(ratio)) failLoudly('bench/async.ts: nothing was measured');
  const verdict = ratio >= TARGET_RATIO ? 'meets' : 'misses';
  console.log(
    `async: ${ratio.toFixed(2)}× (median of ${rounds}) for a full check of an f waiting ${WAIT_MS} ms per call, concurrency 8 vs 1; ${verdict} the ${TARGET_RATIO}× target`,
  );
}
