/**
 * The measure stage of fast mode: k seeded Rademacher directions, each a central difference
 * along the whole of θ (2 calls of f), the first that disagrees re-checked by Richardson.
 */
import { DirectionProbe, type DirectionalMeasure, rademacher } from '../../numeric/directions.js';
import { scaleOf } from '../../numeric/groupTesting.js';
import { createRandom } from '../../numeric/random.js';
import type { Settings } from '../settings/types.js';
import type { FastRun } from './run.js';

/**
 * Richardson re-check of a disagreeing direction: steps 16t, 8t, 4t (6 more calls of f).
 * Upwards, not down: f's rounding grows with the number of terms it sums (a loss over 10⁵
 * parameters carries far more than a few ulps), and a directional derivative divides it by a
 * step √n smaller than a coordinate's, so a re-check at smaller steps would drown in it. At
 * larger steps the rounding shrinks, and the extrapolation removes the larger truncation error.
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
 * directionProbe(run, signs, 3).central(run.all, run.t); // 2 calls of f
 */
export function directionProbe(run: FastRun, signs: Int8Array, index: number): DirectionProbe {
  const { evaluator, layout, copy, settings, g } = run;
  return new DirectionProbe(evaluator, layout, copy, settings.precision, signs, g, `random direction ${index}`);
}

/**
 * Measures the k directions: 2 calls each on a correct gradient, whatever n is. Once one
 * direction's disagreement survives its Richardson re-check the gradient is wrong, so later
 * directions keep their first-pass verdict (6 calls saved each on a wrong gradient).
 *
 * @example
 * const { directions, confirmed } = measureDirections(run); // directions.length === settings.directions
 */
export function measureDirections(run: FastRun): MeasuredDirections {
  const { settings, all, t } = run;
  const rng = createRandom(settings.seed);
  const directions: DirectionResult[] = [];
  let confirmed: number | undefined;
  for (let index = 0; index < settings.directions; index++) {
    const signs = rademacher(all.length, rng);
    const probe = directionProbe(run, signs, index);
    let measure = probe.central(all, t);
    if (confirmed === undefined && disagrees(measure, settings)) {
      measure = probe.richardson(all, RECHECK_STEP_FACTOR * t, FAST_RECHECK_LEVELS);
      if (disagrees(measure, settings)) confirmed = index;
    }
    directions.push({ index, measure, pass: !disagrees(measure, settings), signs });
  }
  return { directions, confirmed };
}
