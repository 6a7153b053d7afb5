/**
 * The guard stage of fast mode: the evidence the shared guards (`../guards`) judge, gathered
 * along the directions. Nothing here costs a call of f on a correct gradient.
 */
import type { AnalyticGradient } from '../analytic.js';
import { AT_THETA, type Measurement, evaluateOne } from '../../numeric/measure/protocol.js';
import { type GuardOutcome, type Mutation, guard, probeDeterminism, writesOf } from '../guards/index.js';
import { type DirectionResult, tolerance } from './directions.js';
import type { FastRun } from './run.js';

/** The guards' verdict, and f(θ) when the determinism probe evaluated it (for kinks). */
export interface FastGuards extends GuardOutcome {
  /** f(θ) from the determinism probe; NaN when every direction agreed (no probe ran). */
  readonly f0: number;
}

/** What the probe at θ saw: f(θ), a write into θ, or values that differ between calls. */
interface AtTheta {
  /** f(θ); NaN when no probe ran. */
  readonly f0: number;
  readonly mutation?: Mutation;
  readonly repeats?: readonly Float64Array[];
}

/**
 * f at θ itself once a direction disagrees (a correct gradient never pays for it), then a look
 * at the copy: at θ nothing is restored after the call, so a write into θ shows; then the
 * shared determinism probe. Skipped when f is already known to write into θ: every difference
 * is suspect then, and so would be a probe.
 */
function* probeAtTheta(run: FastRun, directions: readonly DirectionResult[]): Measurement<AtTheta> {
  const first = yield* writesOf(run.layout, 'first-call');
  if (first) return { f0: Number.NaN, mutation: first };
  if (directions.every((d) => d.pass)) return { f0: Number.NaN };
  const f0 = yield* evaluateOne(run.evaluator, AT_THETA);
  const mutation = yield* writesOf(run.layout);
  if (mutation) return { f0, mutation };
  const evaluate = function* () {
    return Float64Array.of(yield* evaluateOne(run.evaluator, AT_THETA));
  };
  return { f0, repeats: yield* probeDeterminism(evaluate, Float64Array.of(f0)) };
}

/**
 * The same gating as the full check's: a float32 f in a float64 check fails it when a direction
 * disagrees, or agrees only thanks to its error estimate (it was not checked to the precision
 * asked for).
 */
function leansOnError(run: FastRun, directions: readonly DirectionResult[]): boolean {
  return directions.some((d) => !d.pass || Math.abs(d.measure.numeric - d.measure.analytic) > tolerance(d.measure, run.settings));
}

/**
 * Runs the guard stage: a write into θ by f (its first call, or any call at θ) or by grad,
 * non-determinism of f at θ (probed with `probeDeterminism` only once a direction disagrees:
 * 1 + DETERMINISM_PROBES calls, so a correct gradient keeps its 2k), and a float32 f in a
 * float64 check, all worded by `guard` exactly as for the full check.
 *
 * @example
 * const guards = yield* fastGuards(run, directions, analytic);
 * guards.invalid; // true for a non-deterministic or mutating f: no localisation, no other diagnosis
 */
export function* fastGuards(
  run: FastRun,
  directions: readonly DirectionResult[],
  analytic: AnalyticGradient,
): Measurement<FastGuards> {
  const probe = yield* probeAtTheta(run, directions);
  const float32 = run.settings.precision === 'float64' && run.float32.suspected() && leansOnError(run, directions);
  const outcome = guard({
    repeats: probe.repeats,
    mutations: [
      { who: 'f', mutation: probe.mutation },
      { who: 'grad', mutation: analytic.mutation },
    ],
    float32Step: float32 ? run.t : undefined,
  });
  return { ...outcome, f0: probe.f0 };
}
