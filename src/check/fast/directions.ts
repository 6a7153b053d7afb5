/**
 * The measure stage of fast mode: k seeded Rademacher directions, each a central difference
 * along the whole of θ (2 calls of f), the first that disagrees re-checked by Richardson.
 */
import { NOISE_SIGMAS, DirectionProbe, type DirectionalMeasure, rademacher } from '../../numeric/directions.js';
import { scaleOf } from '../../numeric/groupTesting.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import { createRandom } from '../../numeric/random.js';
import type { Settings } from '../settings/types.js';
import { type FastRun, noiseStep } from './run.js';

/**
 * Richardson re-check of a disagreeing direction: steps 16t, 8t, 4t (6 more calls of f).
 * Upwards, not down: f's rounding grows with the number of terms it sums (a loss over 10⁵
 * parameters carries far more than a few ulps), and a directional derivative divides it by a
 * step √n smaller than a coordinate's, so a re-check at smaller steps would drown in it. At
 * larger steps the rounding shrinks, and the Richardson ladder removes the larger truncation error.
 * (Measured: Σ log(1 + θᵢ²) over 10⁵ entries false-alarmed with t, t/2, t/4.) A single
 * coordinate's re-check (in localisation) uses its own step and halves it, as the full check does.
 */
export const FAST_RECHECK_LEVELS = 3;

/** The re-check of a direction starts this many times above the first step. */
export const RECHECK_STEP_FACTOR = 16;

/** The verdict of one random direction. */
export interface DirectionResult {
  readonly index: number;
  readonly measure: DirectionalMeasure;
  readonly pass: boolean;
  readonly signs: Int8Array;
}

/** The k directions and which one, if any, a Richardson re-check confirmed as disagreeing. */
export interface MeasuredDirections {
  readonly directions: readonly DirectionResult[];
  /** The first direction whose disagreement survived its re-check. */
  readonly confirmed: number | undefined;
}

/**
 * What a directional measure may differ by before its own error estimate:
 * atol·‖d‖ + rtol·max(|D|, |⟨g, d⟩|) (the scale capped down a group-testing descent).
 *
 * @example
 * tolerance({ numeric: 2, analytic: 2.1, error: 0, norm: 3 }, settings); // 3e-10 + 2.1e-5
 */
export function tolerance(m: DirectionalMeasure, settings: Pick<Settings, 'rtol' | 'atol'>): number {
  return settings.atol * m.norm + settings.rtol * scaleOf(m);
}

/**
 * The verdict of a directional measure: |D − ⟨g, d⟩| > tolerance + its error estimate; a NaN
 * or ±∞ ⟨g, d⟩ (a non-finite gradient entry) always disagrees.
 *
 * @example
 * disagrees({ numeric: 2, analytic: -2, error: 1e-12, norm: 3 }, settings); // true
 */
export function disagrees(m: DirectionalMeasure, settings: Pick<Settings, 'rtol' | 'atol'>): boolean {
  return !Number.isFinite(m.analytic) || Math.abs(m.numeric - m.analytic) > tolerance(m, settings) + m.error;
}

/**
 * The probe along one direction (its signs), on the run's evaluator and working copy.
 *
 * @example
 * yield* directionProbe(run, signs, 3).central(run.all, run.t); // 2 calls of f
 */
export function directionProbe(run: FastRun, signs: Int8Array, index: number): DirectionProbe {
  const { evaluator, layout, settings, g, center, method } = run;
  const probe = new DirectionProbe(evaluator, layout, settings.precision, signs, g, `random direction ${index}`, center, method);
  // Once f's noise is known, every measure allows for it.
  probe.noise = run.noise.sigma ?? 0;
  return probe;
}

/**
 * Measures the k directions: 2 calls each on a correct gradient, whatever n is. Once one
 * direction's disagreement survives its Richardson re-check the gradient is wrong, so later
 * directions keep their first-pass verdict (6 calls saved each on a wrong gradient).
 *
 * @example
 * const { directions, confirmed } = yield* measureDirections(run); // directions.length === settings.directions
 */
export function* measureDirections(run: FastRun): Measurement<MeasuredDirections> {
  const { settings, all } = run;
  const rng = createRandom(settings.seed);
  const directions: DirectionResult[] = [];
  let confirmed: number | undefined;
  for (let index = 0; index < settings.directions; index++) {
    const signs = rademacher(all.length, rng);
    const probe = directionProbe(run, signs, index);
    const t = Math.max(run.t, noiseStep(run, all.length));
    let measure = yield* probe.central(all, t);
    if (confirmed === undefined && disagrees(measure, settings)) {
      if (roundoffMayExplain(run, measure, t)) measure = yield* noiseAware(run, probe, measure, t);
      if (disagrees(measure, settings)) {
        measure = yield* probe.richardson(all, recheckStep(run, measure), FAST_RECHECK_LEVELS);
        if (disagrees(measure, settings)) confirmed = index;
      }
    }
    directions.push({ index, measure, pass: !disagrees(measure, settings), signs });
  }
  return { directions, confirmed };
}

/** The most round-off a value of f may carry, relative to |f|, for the noise model to take it as round-off (≈ 5·10⁵ ulps). */
export const ROUNDOFF_CAP = 1e-10;

/**
 * Whether round-off of at most ROUNDOFF_CAP·|f| could explain a disagreement at step t (and
 * f's values are not float32 in a float64 check: the float32 guard speaks for those). A sign
 * error or a kink disagrees by far more: no noise is measured for them.
 */
function roundoffMayExplain(run: FastRun, m: DirectionalMeasure, t: number): boolean {
  if (run.settings.precision === 'float64' && run.float32.suspected()) return false;
  return Math.abs(m.numeric - m.analytic) <= (NOISE_SIGMAS * ROUNDOFF_CAP * (m.fScale ?? 0)) / t;
}

/**
 * The first disagreement is looked at with f's measured noise (`DirectionProbe.noiseAlong`, 6
 * calls, once per check): a sum over 10⁶ terms carries far more round-off than ε·|f|, which at
 * the step t = step/√n alone can exceed the tolerance. When the noise asks for a larger step
 * (`noiseStep`) the direction is measured again there (2 calls), as every later one is; every
 * later measure includes the noise in its error.
 */
function* noiseAware(
  run: FastRun,
  probe: DirectionProbe,
  measure: DirectionalMeasure,
  t: number,
): Measurement<DirectionalMeasure> {
  if (run.noise.sigma !== undefined) return measure;
  const sigma = yield* probe.noiseAlong(run.all, t);
  // More than round-off is not round-off (randomness, float32 values, a kink): the guards judge it.
  run.noise.sigma = sigma <= ROUNDOFF_CAP * (measure.fScale ?? 0) ? sigma : 0;
  probe.noise = run.noise.sigma;
  if (run.noise.sigma === 0) return measure;
  const larger = noiseStep(run, run.all.length);
  return larger > t ? yield* probe.central(run.all, larger) : probe.withNoise(measure);
}

/**
 * The re-check's first step: RECHECK_STEP_FACTOR·t, or larger when f's noise needs it — so
 * that at the finest of its FAST_RECHECK_LEVELS steps the noise stays under a quarter of the
 * tolerance.
 */
function recheckStep(run: FastRun, measure: DirectionalMeasure): number {
  const finest = 2 ** (FAST_RECHECK_LEVELS - 1);
  const sigma = run.noise.sigma ?? 0;
  const room = tolerance(measure, run.settings) / 4;
  const forNoise = room > 0 ? (finest * NOISE_SIGMAS * sigma) / room : 0;
  return Math.max(RECHECK_STEP_FACTOR * Math.max(run.t, noiseStep(run, run.all.length)), forNoise);
}
