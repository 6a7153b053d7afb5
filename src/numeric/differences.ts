import { GradcheckError, formatNumber } from './errors.js';
import type { ScalarEvaluator } from './evaluate.js';
import { type Precision, defaultStep, roundTo, scaledStep } from './precision.js';
import { type Estimate, RICHARDSON_LEVELS, centralSample, richardson } from './richardson.js';
import type { TreeLayout, WorkingCopy } from './tree.js';

/** How the derivative along one coordinate is estimated. */
export type DifferenceMethod = 'central' | 'forward' | 'backward' | 'richardson';

/** Options shared by every numerical differentiation in gradcheck. */
export interface DiffOptions {
  /**
   * Base step h; each coordinate uses hᵢ = step · max(1, |θᵢ|).
   * @defaultValue 1e-4 in float64 (the seed's ε), ∛ε ≈ 4.9e-3 in float32; 1e-2 for `'richardson'`
   */
  step?: number;
  /**
   * `'central'`: (f(θ+hᵢeᵢ) − f(θ−hᵢeᵢ)) / 2hᵢ, 2n calls of f. `'forward'` / `'backward'`:
   * one-sided, n + 1 calls. `'richardson'`: extrapolated central differences (see the README).
   * @defaultValue 'central'
   */
  method?: DifferenceMethod;
  /**
   * Precision f computes in. Inferred as `'float32'` when θ holds a `Float32Array`; decides the
   * default step and tolerances, and in float32 perturbed values are rounded to float32.
   */
  precision?: Precision;
}

/** Raw one-coordinate differences: the estimate plus what diagnoses need to look deeper. */
export interface Partials {
  /** Numerical derivative per coordinate (NaN where a coordinate was not visited). */
  readonly values: Float64Array;
  /** Half-width of the stencil actually taken per coordinate (for one-sided: the step). */
  readonly steps: Float64Array;
  /** f(θ + hᵢeᵢ) per coordinate (NaN where not evaluated). */
  readonly fPlus: Float64Array;
  /** f(θ − hᵢeᵢ) per coordinate (NaN where not evaluated). */
  readonly fMinus: Float64Array;
  /** f(θ) when the method needed it. */
  readonly f0?: number;
}

/** Resolved settings for one run of differences. */
export interface DifferenceSettings {
  readonly method: Exclude<DifferenceMethod, 'richardson'>;
  readonly step: number;
  readonly precision: Precision;
}

/** Resolves `DiffOptions` against θ: precision inferred from Float32Array leaves, default step. */
export function resolvePrecision(options: DiffOptions, layout: TreeLayout): Precision {
  return options.precision ?? (layout.dtype === 'float64' ? 'float64' : 'float32');
}

/** The default step for a method and precision. */
export function baseStep(options: DiffOptions, precision: Precision): number {
  if (options.step !== undefined) return options.step;
  return options.method === 'richardson' ? defaultRichardsonStep(precision) : defaultStep(precision);
}

/**
 * Richardson extrapolation cancels the h² and h⁴ terms, so it can start from a larger step and
 * stay clear of round-off: 1e-2 in float64, 2⁻³ in float32.
 */
export function defaultRichardsonStep(precision: Precision): number {
  return precision === 'float32' ? 2 ** -3 : 1e-2;
}

/**
 * Moves entry i of the working copy to `target` and returns the value actually stored (rounded
 * to float32 where the model stores float32).
 * @internal
 */
export function place(copy: WorkingCopy, i: number, target: number, precision: Precision): number {
  return copy.set(i, roundTo(precision, target));
}

function stepTooSmall(caller: string, path: string, x: number, h: number): GradcheckError {
  return new GradcheckError(
    `${caller}: the step ${formatNumber(h)} does not change ${path} = ${formatNumber(x)} at this precision; use a larger options.step`,
  );
}

/**
 * Differences along the coordinates `indices` (all when omitted) of a working copy, restoring
 * every entry after use. Exactly 2 calls of f per coordinate for central differences, and one
 * per coordinate plus one at θ for one-sided ones.
 * @internal
 */
export function differencePartials(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  settings: DifferenceSettings,
  caller: string,
  indices?: ArrayLike<number>,
): Partials {
  const n = layout.size;
  const values = new Float64Array(n).fill(Number.NaN);
  const steps = new Float64Array(n).fill(Number.NaN);
  const fPlus = new Float64Array(n).fill(Number.NaN);
  const fMinus = new Float64Array(n).fill(Number.NaN);
  const base = layout.values;
  const { method, step, precision } = settings;
  const count = indices ? indices.length : n;
  let f0: number | undefined;
  if (method !== 'central') f0 = evaluator.call(copy.root(), {});

  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const x = base[i];
    const h = scaledStep(step, x);
    if (method === 'central') {
      const xp = place(copy, i, x + h, precision);
      const fp = evaluator.call(copy.root(), { path: layout.pathAt(i), delta: xp - x });
      const xm = place(copy, i, x - h, precision);
      const fm = evaluator.call(copy.root(), { path: layout.pathAt(i), delta: xm - x });
      copy.set(i, x);
      const width = xp - xm;
      if (width === 0) throw stepTooSmall(caller, layout.pathAt(i), x, h);
      values[i] = (fp - fm) / width;
      steps[i] = width / 2;
      fPlus[i] = fp;
      fMinus[i] = fm;
    } else {
      const sign = method === 'forward' ? 1 : -1;
      const xs = place(copy, i, x + sign * h, precision);
      const fs = evaluator.call(copy.root(), { path: layout.pathAt(i), delta: xs - x });
      copy.set(i, x);
      const width = xs - x;
      if (width === 0) throw stepTooSmall(caller, layout.pathAt(i), x, h);
      values[i] = (fs - (f0 as number)) / width;
      steps[i] = Math.abs(width);
      if (sign > 0) fPlus[i] = fs;
      else fMinus[i] = fs;
    }
  }
  return { values, steps, fPlus, fMinus, f0 };
}

/** Richardson estimates per coordinate: values and error estimates (NaN where not visited). */
export interface EstimatedPartials {
  readonly values: Float64Array;
  readonly errors: Float64Array;
}

/**
 * Richardson-extrapolated central differences along `indices` (all when omitted): the steps
 * hᵢ, hᵢ/2, hᵢ/4, … (RICHARDSON_LEVELS of them, fewer when round-off takes over), 2 calls of f
 * per step.
 * @internal
 */
export function richardsonPartials(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  step: number,
  precision: Precision,
  indices?: ArrayLike<number>,
): EstimatedPartials {
  const n = layout.size;
  const values = new Float64Array(n).fill(Number.NaN);
  const errors = new Float64Array(n).fill(Number.NaN);
  const count = indices ? indices.length : n;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const estimate: Estimate = richardsonAt(evaluator, layout, copy, i, scaledStep(step, layout.values[i]), precision);
    values[i] = estimate.value;
    errors[i] = estimate.error;
  }
  return { values, errors };
}

/** Richardson extrapolation along coordinate i from the half-width h down. @internal */
export function richardsonAt(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  i: number,
  h: number,
  precision: Precision,
  levels = RICHARDSON_LEVELS,
): Estimate {
  const x = layout.values[i];
  const path = layout.pathAt(i);
  return richardson(
    (level) => {
      const hk = h / 2 ** level;
      const xp = place(copy, i, x + hk, precision);
      const fPlus = evaluator.call(copy.root(), { path, delta: xp - x });
      const xm = place(copy, i, x - hk, precision);
      const fMinus = evaluator.call(copy.root(), { path, delta: xm - x });
      copy.set(i, x);
      return centralSample(fPlus, fMinus, (xp - xm) / 2);
    },
    levels,
    precision,
  );
}
