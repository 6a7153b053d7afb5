/**
 * Async evaluation, two gates:
 * - an f that waits 2 ms per call (a GPU readback, a worker, a queue), checked in full with
 *   `concurrency: 8` against `concurrency: 1`: ≥ TARGET_RATIO (4×, issue 14). Both runs must give
 *   the synchronous check's report, evaluations included, or the bench fails;
 * - the async driver's own cost: a cheap f (n = 10 000) wrapped in an async function, checked
 *   with `concurrency: 1`, against the synchronous check of the same f: median wall-time ratio
 *   ≤ TARGET_DRIVER_RATIO (1.1×, issue 19) over alternating rounds.
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
/** Target: async driver (concurrency 1) / synchronous check, wall time, cheap f, n = 10 000. */
export const TARGET_DRIVER_RATIO = 1.1;
/** Parameters of the driver bench. */
const DRIVER_N = 10_000;
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

/**
 * The async driver against the synchronous loop on a cheap f (n = 10 000, 20 000 calls):
 * alternating rounds, median wall-time ratio; the reports must agree (evaluations included).
 */
export async function runDriverBench(rounds = 3): Promise<number> {
  const theta = Array.from({ length: DRIVER_N }, (_, i) => Math.sin(1.3 * i + 0.4));
  const cheap = (t: number[]) => {
    let s = 0;
    for (let i = 0; i < t.length; i++) s += Math.cos(t[i]) * (i + 1);
    return s;
  };
  const cheapGrad = (t: number[]) => t.map((v, i) => -Math.sin(v) * (i + 1));
  const wrapped = async (t: number[]) => cheap(t);
  const sync = () => {
    const start = performance.now();
    const report = checkGradient(cheap, cheapGrad, { at: theta });
    return { report, ms: performance.now() - start };
  };
  const asyncRun = async () => {
    const start = performance.now();
    const report = await checkGradientAsync(wrapped, cheapGrad, { at: theta, concurrency: 1 });
    return { report, ms: performance.now() - start };
  };
  sync();
  await asyncRun(); // warm-up
  const rows: string[][] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const s = r % 2 === 0 ? sync() : undefined;
    const a = await asyncRun();
    const s2 = s ?? sync();
    if (data(a.report) !== data(s2.report)) failLoudly('bench/async.ts: the async driver and the sync loop disagree');
    ratios.push(a.ms / s2.ms);
    rows.push([`${r + 1}`, sec(s2.ms), sec(a.ms), `${(a.ms / s2.ms).toFixed(3)}×`, `${a.report.evaluations}`]);
  }
  table(['round', 'sync', 'async, concurrency 1', 'ratio', 'evaluations'], rows);
  return median(ratios);
}

/**
 * Both async gates; true when both are met.
 *
 * @example
 * const met = await runAsyncBenches(3);
 */
export async function runAsyncBenches(rounds = 3, print = console.log): Promise<boolean> {
  print(`\n## async: an f waiting ${WAIT_MS} ms per call, concurrency 8 vs 1 (n = ${N})\n`);
  const ratio = await runAsyncBench(rounds);
  const pool = Number.isFinite(ratio) && ratio >= TARGET_RATIO;
  print(`target: ≥ ${TARGET_RATIO}× — ${pool ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×, median of ${rounds})`);
  print(`\n## async driver vs sync loop: a cheap f, n = ${DRIVER_N}, concurrency 1\n`);
  const driver = await runDriverBench(rounds);
  const cheap = Number.isFinite(driver) && driver <= TARGET_DRIVER_RATIO;
  print(`target: ≤ ${TARGET_DRIVER_RATIO}× — ${cheap ? 'met' : 'NOT met'} (${driver.toFixed(3)}×, median of ${rounds})`);
  return pool && cheap;
}

if (isMain(import.meta.url)) {
  const { rounds = 3 } = integerOptions('bench/async.ts', ['rounds']);
  process.exitCode = (await runAsyncBenches(rounds)) ? 0 : 1;
}
