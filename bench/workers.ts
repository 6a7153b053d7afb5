/**
 * Parallel speed-up of `gradcheck/workers` on P4-small (9 610 parameters, PROBLEMS.md): the
 * same f in a pool of 2 worker threads with 2 evaluations in flight, against f in-process.
 * Target ≥ 1.8× on a 2-core machine (issue 14).
 *
 * What is measured depends on what exists: when `checkGradientAsync` is exported, the full
 * check with `concurrency: 2` against the synchronous `checkGradient` of the in-process f;
 * always, the 2n evaluations of the central differences issued with 2 in flight through the
 * async f against the plain in-process loop. Both central-difference runs must give the same
 * numerical gradient bit for bit, or the bench fails. Wall time: parallelism is the point.
 *
 *   npx tsx bench/workers.ts              # 1 round
 *   npx tsx bench/workers.ts --rounds 3
 */
import { bareLoop, bareStep } from './_internals/bareLoop.js';
import { availableParallelism, loadavg } from 'node:os';
import * as gradcheck from '../src/index.js';
import { workerFunction } from '../src/workers/index.js';
import { mlp } from '../test/problems/index.js';
import { failLoudly, integerOptions, isMain } from './_internals/cli.js';
import { median, sec, table } from './_internals/measure.js';

/** Target wall-time ratio in-process / workers on this 2-core machine. */
export const TARGET_RATIO = 1.8;
/** Threads in the pool and evaluations in flight. */
const THREADS = 2;
/** P4-small's loss as a worker module (TypeScript: tsx is registered in each worker). */
const P4_MODULE = new URL('../test/workers/fixtures/p4.ts', import.meta.url);

type Sync = (theta: Float64Array) => number;
type Async = (theta: Float64Array) => Promise<number>;

/**
 * The same 2n evaluations with `inFlight` lanes. Each evaluation gets its own copy of θ: the
 * pool may clone θ only when a thread frees up, so a shared θ must not change under it.
 */
async function inFlightLoop(f: Async, theta0: Float64Array, inFlight: number): Promise<Float64Array> {
  const out = new Float64Array(theta0.length);
  const at = (i: number, sign: number): Promise<number> => {
    const theta = Float64Array.from(theta0);
    theta[i] = theta0[i] + sign * bareStep(theta0[i]);
    return f(theta);
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < theta0.length; i = next++) {
      const fp = await at(i, 1);
      const fm = await at(i, -1);
      out[i] = (fp - fm) / (2 * bareStep(theta0[i]));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return out;
}

async function wall<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** One round of the central-difference comparison; fails loudly if the gradients differ. */
async function differencesRound(f: Sync, af: Async, theta0: Float64Array): Promise<[number, number]> {
  const local = await wall(() => bareLoop(f, theta0));
  const pooled = await wall(() => inFlightLoop(af, theta0, THREADS));
  const same = local.value.every((v, i) => Object.is(v, pooled.value[i]));
  if (!same) failLoudly('bench/workers.ts: the workers gave a different numerical gradient than the in-process loop');
  return [local.ms, pooled.ms];
}

type CheckAsync = (f: Async, grad: Sync | ((t: Float64Array) => Float64Array), options: object) => Promise<{ pass?: boolean }>;

/** One round of full checks, when the async check exists; undefined otherwise. */
async function fullCheckRound(problem: ReturnType<typeof mlp>, af: Async): Promise<[number, number] | undefined> {
  const checkAsync = (gradcheck as unknown as { checkGradientAsync?: CheckAsync }).checkGradientAsync;
  if (typeof checkAsync !== 'function') return undefined;
  const at = problem.theta0;
  const local = await wall(() => gradcheck.checkGradient(problem.f, problem.grad, { at }));
  const pooled = await wall(() => checkAsync(af, problem.grad, { at, concurrency: THREADS }));
  return [local.ms, pooled.ms];
}

/** Runs the bench and prints its table; returns the ratio the target applies to. */
export async function runWorkersBench(rounds = 1): Promise<{ ratio: number; measured: string }> {
  const problem = mlp('small');
  const af = workerFunction<Float64Array>(P4_MODULE, 'f', { threads: THREADS });
  try {
    // Warm both sides: thread start-up, tsx and JIT belong to no round.
    await Promise.all(Array.from({ length: 4 * THREADS }, () => af(problem.theta0)));
    for (let k = 0; k < 20; k++) problem.f(problem.theta0);
    const rows: string[][] = [];
    const ratios: number[] = [];
    let measured = 'the 2n central differences, 2 in flight vs a plain in-process loop';
    for (let r = 0; r < rounds; r++) {
      const [local, pooled] = await differencesRound(problem.f, af, problem.theta0);
      rows.push([`${r + 1}`, 'central differences', sec(local), sec(pooled), `${(local / pooled).toFixed(2)}×`]);
      const full = await fullCheckRound(problem, af);
      if (full) rows.push([`${r + 1}`, 'full check', sec(full[0]), sec(full[1]), `${(full[0] / full[1]).toFixed(2)}×`]);
      ratios.push(full ? full[0] / full[1] : local / pooled);
      if (full) measured = 'the full check, checkGradientAsync with concurrency 2 vs checkGradient in-process';
    }
    table(['round', 'what', 'in-process', `${THREADS} threads`, 'speed-up'], rows);
    // A parallel speed-up needs idle cores: show how busy the machine was (other processes).
    console.log(`load average over the last minute: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
    return { ratio: median(ratios), measured };
  } finally {
    await af.close();
  }
}

if (isMain(import.meta.url)) {
  const { rounds = 1 } = integerOptions('bench/workers.ts', ['rounds']);
  const { ratio, measured } = await runWorkersBench(rounds);
  if (!Number.isFinite(ratio)) failLoudly('bench/workers.ts: nothing was measured');
  const verdict = ratio >= TARGET_RATIO ? 'meets' : 'misses';
  console.log(`workers: ${ratio.toFixed(2)}× (median of ${rounds}) for ${measured}; ${verdict} the ${TARGET_RATIO}× target`);
}
