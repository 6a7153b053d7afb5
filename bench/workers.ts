/**
 * Parallel speed of `gradcheck/workers` against the machine's own ceiling, both measured in the
 * same run. The model: a tanh MLP with 808 parameters whose f takes about a millisecond
 * (test/workers/fixtures/mlp1ms.mjs).
 *
 * - Ceiling: bare calls of f on 2 worker threads (each a loop over its own θ, taking the next
 *   call from a shared counter) against the same number of calls one after the other in this
 *   thread.
 * - Check: the full gradient check in-process (`checkGradient`) against the same check on
 *   2 threads, `checkGradientAsync` on a `workerFunction`, end to end: its async driver opens one
 *   batch session (θ sent once, then only the moved entries in shared memory, one coarse task
 *   per thread) and sends the points in chunks, between which it tells progress and watches the
 *   time. Beside it, the bare session: the 2n points of a full central check in one batch, no
 *   driver (what the chunks cost is the difference).
 *
 * Gate: median check ratio ≥ 0.9 × median ceiling, over alternated rounds. A table of where the
 * time goes (per call and per point, f doing nothing) comes first. Wall time: parallelism is
 * the point; the load average is printed beside the ratios.
 *
 *   npx tsx bench/workers.ts              # 7 rounds
 *   npx tsx bench/workers.ts --rounds 5
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkGradient, checkGradientAsync } from '../src/index.js';
import { type BatchSession, batched, type MovedPoint } from '../src/numeric/batched.js';
import { type WorkerFunction, workerFunction } from '../src/workers/index.js';
import * as model from '../test/workers/fixtures/mlp1ms.mjs';
import { bareStep } from './_internals/bareLoop.js';
import { failLoudly, integerOptions, isMain } from './_internals/cli.js';
import { median, sec, table } from './_internals/measure.js';

/** The check's speed-up must reach this fraction of the machine's two-thread ceiling. */
export const TARGET_FRACTION = 0.9;
/** Rounds when none are asked for (alternated, median). */
export const ROUNDS = 7;
const THREADS = 2;
const MODEL = new URL('../test/workers/fixtures/mlp1ms.mjs', import.meta.url);
/** Calls of f per ceiling measurement: as many as a full central check makes (2n). */
const CEILING_CALLS = 2 * model.N;

type F = (theta: Float64Array) => number;

async function wall<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/**
 * Bare worker threads, each with its own θ, that share `calls` evaluations of the model's f
 * when asked, each claiming the next call from one atomic counter (so a thread slowed by other
 * work on the machine takes fewer): the most any pool could get from these cores.
 */
async function bareThreads(count: number): Promise<{ run(calls: number): Promise<void>; close(): Promise<void> }> {
  // θ arrives with each run, as it reaches f in a check. A θ held in the thread's closure is a
  // constant V8 may fold into f's compiled code, in some rounds and not others (0.70 s against
  // 0.94 s for the same calls): a speed no check of a θ it is given can have.
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData).then(({ loss }) => {
      parentPort.on('message', ({ calls, counter, theta }) => {
        let sum = 0;
        while (Atomics.add(counter, 0, 1) < calls) sum += loss(theta);
        parentPort.postMessage(sum);
      });
      parentPort.postMessage('ready');
    });`;
  const threads = Array.from({ length: count }, () => new Worker(source, { eval: true, workerData: MODEL.href }));
  const next = (worker: Worker) => new Promise((resolve) => worker.once('message', resolve));
  await Promise.all(threads.map(next));
  return {
    async run(calls) {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const done = threads.map(next);
      for (const worker of threads) worker.postMessage({ calls, counter, theta: model.theta0() });
      await Promise.all(done);
    },
    async close() {
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}

/**
 * `calls` bare calls of f in this thread: the ceiling's one-thread side. One function for every
 * round (not a closure made per round), so that V8 compiles this loop once: a fresh closure each
 * round was compiled differently from round 5 on (2.37 s, then 2.52 s for the same calls).
 */
function callsInThisThread(f: F, theta: Float64Array, calls: number): number {
  let sum = 0;
  for (let k = 0; k < calls; k++) sum += f(theta);
  return sum;
}

/** The 2n points of a full central check: θᵢ ± hᵢ, hᵢ = 1e-4·max(1, |θᵢ|). */
function centralPoints(theta: Float64Array): MovedPoint[] {
  const points: MovedPoint[] = [];
  for (let i = 0; i < theta.length; i++) {
    const h = bareStep(theta[i]);
    points.push({ indices: Int32Array.of(i), values: Float64Array.of(theta[i] + h) });
    points.push({ indices: Int32Array.of(i), values: Float64Array.of(theta[i] - h) });
  }
  return points;
}

/** The numerical gradient from the 2n points, evaluated through one session. */
async function gradientThroughSession(f: WorkerFunction<Float64Array>, theta: Float64Array): Promise<Float64Array> {
  const session: BatchSession = await f[batched].open(theta);
  try {
    const values = (await session.evaluate(centralPoints(theta))) as Float64Array;
    const out = new Float64Array(theta.length);
    for (let i = 0; i < theta.length; i++) out[i] = (values[2 * i] - values[2 * i + 1]) / (2 * bareStep(theta[i]));
    return out;
  } finally {
    await session.close();
  }
}

/** A few coordinates recomputed in-process must match the session's gradient bit for bit. */
function checkAgainstInProcess(gradient: Float64Array, theta: Float64Array, f: F): void {
  for (const i of [0, 1, theta.length >> 2, theta.length >> 1, theta.length - 1]) {
    const moved = Float64Array.from(theta);
    const h = bareStep(theta[i]);
    moved[i] = theta[i] + h;
    const fp = f(moved);
    moved[i] = theta[i] - h;
    const expected = (fp - f(moved)) / (2 * h);
    if (!Object.is(expected, gradient[i])) failLoudly(`bench/workers.ts: the session's gradient differs in-process at ${i}`);
  }
}

/** a then b, or b then a: alternating the order between rounds cancels drifts of the machine. */
async function pair<A, B>(flip: boolean, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (!flip) {
    const first = await a();
    return [first, await b()];
  }
  const second = await b();
  return [await a(), second];
}

/** One round's timings in ms: the ceiling's two sides, the check's two sides, the bare session. */
interface Round {
  readonly seq: number;
  readonly par: number;
  readonly inProcess: number;
  readonly onThreads: number;
  readonly session: number;
}

type BareThreads = Awaited<ReturnType<typeof bareThreads>>;

async function round(r: number, bare: BareThreads, f: WorkerFunction<Float64Array>): Promise<Round> {
  const theta = model.theta0();
  const flip = r % 2 === 1;
  const sequential = async () => callsInThisThread(model.loss, theta, CEILING_CALLS);
  const [seq, par] = await pair(
    flip,
    () => wall(sequential),
    () => wall(() => bare.run(CEILING_CALLS)),
  );
  const inProcessCheck = async () => {
    if (!checkGradient(model.loss, model.lossGrad, { at: theta }).pass)
      failLoudly('bench/workers.ts: the in-process check failed');
  };
  const checkOnThreads = async () => {
    if (!(await checkGradientAsync(f, model.lossGrad, { at: theta, concurrency: THREADS })).pass)
      failLoudly('bench/workers.ts: checkGradientAsync on the worker function failed');
  };
  const [inProcess, onThreads] = await pair(
    flip,
    () => wall(inProcessCheck),
    () => wall(checkOnThreads),
  );
  const pooled = await wall(() => gradientThroughSession(f, theta));
  checkAgainstInProcess(pooled.value, theta, model.loss);
  return { seq: seq.ms, par: par.ms, inProcess: inProcess.ms, onThreads: onThreads.ms, session: pooled.ms };
}

/** µs per unit of `count`. */
const perUnit = (ms: number, count: number): string => `${((1000 * ms) / count).toFixed(1)} µs`;

/**
 * Where the time of a worker evaluation goes when f itself costs nothing: a direct call (θ
 * cloned whole into a thread, one call per message: how the async checks call a worker
 * function today), the clone alone, and a point of a batch session (only its moved entry sent,
 * thousands of points per message).
 */
async function whereTheTimeGoes(nothing: WorkerFunction<Float64Array>): Promise<string[][]> {
  const rows: string[][] = [];
  for (const n of [model.N, 100_000]) {
    const theta = Float64Array.from({ length: n }, (_, k) => Math.sin(k));
    const calls = n > 10_000 ? 400 : 2000;
    const lane = async () => {
      for (let k = 0; k < calls / THREADS; k++) await nothing(theta);
    };
    const direct = await wall(() => Promise.all(Array.from({ length: THREADS }, lane)));
    rows.push(['direct call (θ cloned, one call per message)', `${n}`, perUnit(direct.ms, calls)]);
    const clone = await wall(async () => {
      for (let k = 0; k < calls; k++) structuredClone(theta);
    });
    rows.push(['  of which cloning θ in this thread', `${n}`, perUnit(clone.ms, calls)]);
    const open = await wall(() => nothing[batched].open(theta));
    rows.push(['session open (θ to every thread, once)', `${n}`, perUnit(open.ms, 1)]);
    const points = centralPoints(theta.subarray(0, 2000));
    const batch = await wall(() => open.value.evaluate(points));
    rows.push(['session point (moves in shared memory, one task per thread)', `${n}`, perUnit(batch.ms, points.length)]);
    await open.value.close();
  }
  const theta = Float64Array.from({ length: 500 }, (_, k) => Math.sin(k));
  const run = await wall(() => checkGradientAsync(nothing, new Float64Array(500), { at: theta, concurrency: THREADS }));
  rows.push(['checkGradientAsync on the worker f, per evaluation', '500', perUnit(run.ms, run.value.evaluations)]);
  return rows;
}

/** What the bench found. */
export interface WorkersResult {
  /** Median in-process / on-2-threads wall-time ratio of the full check. */
  readonly ratio: number;
  /** Median sequential / 2-thread wall-time ratio of bare calls. */
  readonly ceiling: number;
  readonly met: boolean;
}

/**
 * Runs the bench, prints its tables and verdict.
 *
 * @example
 * const { ratio, ceiling, met } = await runWorkersBench(3);
 */
export async function runWorkersBench(rounds = ROUNDS, print = console.log): Promise<WorkersResult> {
  const f = workerFunction<Float64Array>(MODEL, 'loss', { threads: THREADS });
  const nothing = workerFunction<Float64Array>(MODEL, 'nothing', { threads: THREADS });
  const bare = await bareThreads(THREADS);
  try {
    // Warm every side: thread start-up and JIT belong to no round.
    const theta = model.theta0();
    await Promise.all([...Array.from({ length: 20 }, () => f(theta)), bare.run(100), nothing(theta)]);
    for (let k = 0; k < 100; k++) model.loss(theta);
    print(`\n## workers: ${THREADS} threads, an MLP of ${model.N} parameters whose f takes ≈ 1 ms`);
    table(['where the time goes (f does nothing)', 'n', 'per call'], await whereTheTimeGoes(nothing), print);
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) results.push(await round(r, bare, f));
    return verdict(results, print);
  } finally {
    await Promise.all([f.close(), nothing.close(), bare.close()]);
  }
}

function verdict(results: readonly Round[], print: (line: string) => void): WorkersResult {
  const rows = results.map((r, k) => [
    `${k + 1}`,
    sec(r.seq),
    sec(r.par),
    `${(r.seq / r.par).toFixed(2)}×`,
    sec(r.inProcess),
    sec(r.onThreads),
    `${(r.inProcess / r.onThreads).toFixed(2)}×`,
    `${sec(r.session)} (${(r.inProcess / r.session).toFixed(2)}×)`,
  ]);
  table(
    [
      'round',
      'bare 1 thread',
      'bare 2 threads',
      'ceiling',
      'check in-process',
      'check on 2 threads',
      'speed-up',
      'bare session, one batch',
    ],
    rows,
    print,
  );
  const ceiling = median(results.map((r) => r.seq / r.par));
  const ratio = median(results.map((r) => r.inProcess / r.onThreads));
  const met = ratio >= TARGET_FRACTION * ceiling;
  print(`load average over the last minute: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
  print(
    'The check on 2 threads is checkGradientAsync on the worker function, end to end (one batch session, the points sent in chunks between which progress and time are watched); the bare session sends the 2n points of a full central check in one batch, with no driver.',
  );
  print(
    `workers: ceiling ${ceiling.toFixed(2)}×, full check ${ratio.toFixed(2)}× (median of ${results.length}); target ≥ ${TARGET_FRACTION} × ceiling = ${(TARGET_FRACTION * ceiling).toFixed(2)}× — ${met ? 'met' : 'NOT met'}`,
  );
  return { ratio, ceiling, met };
}

if (isMain(import.meta.url)) {
  const { rounds } = integerOptions('bench/workers.ts', ['rounds']);
  const result = await runWorkersBench(rounds);
  process.exitCode = result.met ? 0 : 1;
}
