/**
 * Fast mode (`mode: 'fast'`): random directional derivatives, 2k calls of f on a correct
 * gradient whatever n is. The stages live in `./fast/`: run (shared state), directions
 * (measure), guards, localise, kinks, judge, diagnoses, notes, finish (report), fullCheck (a θ
 * small enough for the full check) and probability (what k directions catch).
 */
import type { Measurement } from '../numeric/measure/protocol.js';
import { analyticGradientOf } from './_internals/analyticOf.js';
import { measureDirections } from './fast/directions.js';
import { finishFast } from './fast/finish.js';
import { type FullCheck, fullCheckInstead, fullCheckIsNoDearer } from './fast/fullCheck.js';
import { fastGuards } from './fast/guards.js';
import { judgeDirections } from './fast/judge.js';
import { localiseDirection } from './fast/localise.js';
import { startRun } from './fast/run.js';
import type { ReportData } from './report.js';
import type { Settings } from './settings/types.js';

/**
 * Default number of random directions in fast mode. Each costs 2 calls of f. A single wrong
 * entry whose error is ρ·‖g‖₂ (g the analytic gradient, θ of order 1) shifts every Rademacher
 * directional derivative by ρ·‖g‖₂, while the tolerance is rtol·|⟨g, d⟩| + (error terms), with
 * ⟨g, d⟩ ≈ N(0, ‖g‖₂²). So one direction catches it with probability p ≈ erf(ρ / (rtol·√2)),
 * and k directions with 1 − (1 − p)ᵏ. With k = 10 at rtol 1e-5: ρ = 1e-5 → 0.99999,
 * ρ = 3e-6 → 0.93, ρ = 1e-6 → 0.56 (measured in test/check/fastMode.test.ts and bench/fast.ts).
 */
export { DEFAULT_DIRECTIONS } from './settings/resolve.js';
export { detectionProbability } from './fast/probability.js';
export { LOCALIZE_LIMIT } from './fast/localise.js';
export { FAST_RECHECK_LEVELS, RECHECK_STEP_FACTOR } from './fast/directions.js';
export type { FullCheck } from './fast/fullCheck.js';

/**
 * Fast mode: compares the directional derivative of f along k seeded random Rademacher
 * directions d (dᵢ = ±max(1, |θᵢ|)) with the analytic gradient projected on them, ⟨g, d⟩, by
 * central differences at t = step/√n (float64; t = step in float32): exactly 2k calls of f on
 * a correct gradient whatever n is. A direction passes when |D − ⟨g, d⟩| ≤ atol·‖d‖ +
 * rtol·max(|D|, |⟨g, d⟩|) + its error estimate; one that does not is re-checked with Richardson
 * ladder from 16t (6 more calls) to rule out truncation and rounding. Then the guards
 * every check runs (a write into θ by f or grad, non-determinism, float32 values in a float64
 * check); a direction that still disagrees is localised by group testing (about 2·log₂ n calls
 * per wrong coordinate), each coordinate found confirmed by its own central difference; the
 * directions are judged (with `maxRelativeDifference` over ‖a − n‖/‖a + n‖ of the directional
 * derivatives), diagnosed and reported.
 *
 * Given `fullCheck` (the caller's full check; fast mode cannot import it without an import
 * cycle), a θ so small that the full check costs no more than 2k calls is checked in full
 * instead, and the report says so (`fullCheckInstead`).
 *
 * @example
 * // Reached through checkGradient:
 * checkGradient(loss, grad, { at: θ, mode: 'fast', directions: 10, seed: 1 });
 * @internal
 */
export function* fastGradientCheck(
  f: (theta: unknown) => unknown,
  grad: unknown,
  settings: Settings,
  fullCheck?: FullCheck,
): Measurement<ReportData> {
  if (fullCheck && fullCheckIsNoDearer(settings)) return yield* fullCheckInstead(settings, fullCheck);
  const analytic = yield* analyticGradientOf(grad, settings.layout, settings.caller);
  const run = startRun(f, analytic.values, settings);
  try {
    const { directions, confirmed } = yield* measureDirections(run);
    const guards = yield* fastGuards(run, directions, analytic);
    const worst = directions.find((d) => d.index === confirmed) ?? directions.find((d) => !d.pass);
    // Localising noise would name false coordinates and kinks: only once every guard is quiet.
    const localised = worst && guards.diagnoses.length === 0 ? yield* localiseDirection(run, worst, guards.f0) : undefined;
    const verdicts = judgeDirections(run, directions, localised);
    return finishFast(run, { directions, confirmed, guards, localised, verdicts });
  } finally {
    run.end();
  }
}
