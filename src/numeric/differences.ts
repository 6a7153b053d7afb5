import { type Bounds, type Domain, type Side, inside, stencil } from './domains.js';
import { GradcheckError, formatNumber } from './errors.js';
import type { ScalarEvaluator } from './evaluate.js';
import { type Precision, defaultStep, roundTo, scaledStep } from './precision.js';
import {
  ADAPTIVE_LEVELS,
  ADAPTIVE_START,
  type DifferenceSample,
  type Estimate,
  RICHARDSON_LEVELS,
  centralSample,
  richardson,
} from './richardson.js';
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
   * one-sided, n + 1 calls. `'richardson'`: central differences at hᵢ, hᵢ/2, hᵢ/4, hᵢ/8 (8 calls
   * per coordinate) extrapolated in Ridders' tableau, each entry with its own error estimate
   * (README, "Checking float32 code and choosing a method").
   * @defaultValue 'central'
   */
  method?: DifferenceMethod;
  /**
   * Precision f computes in. Inferred as `'float32'` when θ holds a `Float32Array`; decides the
   * default step and tolerances, and in float32 perturbed values are rounded to float32.
   */
  precision?: Precision;
  /**
   * Where f is defined: `[lo, hi]` for every entry, or intervals keyed by parameter path
   * (`{ sigma: [0, Infinity] }`). Near a bound the stencil turns one-sided (forward at a lower
   * bound, backward at an upper one) so that f is never evaluated outside; the report names
   * the entries that went one-sided.
   */
  bounds?: Bounds;
  /**
   * With `method: 'richardson'`: choose the step per coordinate from the extrapolation's own
   * error estimates, starting ADAPTIVE_START (8) times larger than `step` and halving it up to
   * ADAPTIVE_LEVELS (10) times, keeping the estimate with the smallest error (up to 20 calls of f
   * per coordinate instead of 8).
   * @defaultValue false
   */
  adaptive?: boolean;
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
  /**
   * Only with bounds: per coordinate, the side a bound forced (+1 forward, −1 backward), 0 where
   * the method's own stencil was used.
   */
  readonly sides?: Int8Array;
}

/** Resolved settings for one run of differences. */
export interface DifferenceSettings {
  readonly method: Exclude<DifferenceMethod, 'richardson'>;
  readonly step: number;
  readonly precision: Precision;
  /** Bounds per entry: near one, the stencil turns one-sided. */
  readonly domain?: Domain;
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
export function place(copy: WorkingCopy, i: number, target: number, precision: Precision, domain?: Domain): number {
  const stored = copy.set(i, roundTo(precision, target));
  if (inside(domain, i, stored)) return stored;
  // float32 rounding pushed the entry across its bound: the bound itself is the nearest inside.
  const bound = stored < (domain as Domain).lower[i] ? (domain as Domain).lower[i] : (domain as Domain).upper[i];
  const clamped = copy.set(i, bound);
  if (inside(domain, i, clamped)) return clamped;
  throw new GradcheckError(`the bound ${formatNumber(bound)} is not representable in ${precision}; widen options.bounds`);
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
  const { method, step, precision, domain } = settings;
  const sides = domain ? new Int8Array(n) : undefined;
  const prefer: Side = method === 'central' ? 0 : method === 'forward' ? 1 : -1;
  const count = indices ? indices.length : n;
  let f0: number | undefined;
  if (method !== 'central') f0 = evaluator.call(copy.root(), {});

  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const x = base[i];
    const { side, h } = stencil(domain, i, x, scaledStep(step, x), prefer);
    // Record only what the bounds changed: the side differs from the method's own.
    if (sides && side !== prefer) sides[i] = side;
    if (side === 0) {
      const xp = place(copy, i, x + h, precision, domain);
      const fp = evaluator.call(copy.root(), { path: layout.pathAt(i), delta: xp - x });
      const xm = place(copy, i, x - h, precision, domain);
      const fm = evaluator.call(copy.root(), { path: layout.pathAt(i), delta: xm - x });
      copy.set(i, x);
      const width = xp - xm;
      if (width === 0) throw stepTooSmall(caller, layout.pathAt(i), x, h);
      values[i] = (fp - fm) / width;
      steps[i] = width / 2;
      fPlus[i] = fp;
      fMinus[i] = fm;
    } else {
      // Only bounds make a central method one-sided; f(θ) is then evaluated once, when first needed.
      if (f0 === undefined) f0 = evaluator.call(copy.root(), {});
      const xs = place(copy, i, x + side * h, precision, domain);
      const fs = evaluator.call(copy.root(), { path: layout.pathAt(i), delta: xs - x });
      copy.set(i, x);
      const width = xs - x;
      if (width === 0) throw stepTooSmall(caller, layout.pathAt(i), x, h);
      values[i] = (fs - f0) / width;
      steps[i] = Math.abs(width);
      if (side > 0) fPlus[i] = fs;
      else fMinus[i] = fs;
    }
  }
  return { values, steps, fPlus, fMinus, f0, sides };
}

/** Richardson estimates per coordinate: values and error estimates (NaN where not visited). */
export interface EstimatedPartials {
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** Finest half-width (central) or step (one-sided) behind each winning estimate. */
  readonly steps: Float64Array;
  /** Per coordinate, the stencil taken (0 central, ±1 one-sided); only with bounds. */
  readonly sides?: Int8Array;
}

/** Extra settings of `richardsonPartials`. */
export interface RichardsonSettings {
  /** Bounds per entry: near one, the sequence is one-sided. */
  readonly domain?: Domain;
  /** Choose the step per coordinate from the error estimates (see `DiffOptions.adaptive`). */
  readonly adaptive?: boolean;
}

/**
 * Richardson-extrapolated central differences along `indices` (all when omitted): the steps
 * hᵢ, hᵢ/2, hᵢ/4, … (RICHARDSON_LEVELS of them, fewer when round-off takes over), 2 calls of f
 * per step. With `adaptive`, the sequence starts ADAPTIVE_START·hᵢ and runs up to
 * ADAPTIVE_LEVELS steps. Near a bound the sequence is one-sided (1 call per step plus f(θ) once).
 * @internal
 */
export function richardsonPartials(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  step: number,
  precision: Precision,
  indices?: ArrayLike<number>,
  extra: RichardsonSettings = {},
): EstimatedPartials {
  const n = layout.size;
  const values = new Float64Array(n).fill(Number.NaN);
  const errors = new Float64Array(n).fill(Number.NaN);
  const steps = new Float64Array(n).fill(Number.NaN);
  const { domain, adaptive } = extra;
  const sides = domain ? new Int8Array(n) : undefined;
  const start = adaptive ? ADAPTIVE_START * step : step;
  const levels = adaptive ? ADAPTIVE_LEVELS : RICHARDSON_LEVELS;
  const count = indices ? indices.length : n;
  let f0: number | undefined;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const { side, h } = stencil(domain, i, layout.values[i], scaledStep(start, layout.values[i]));
    if (sides) sides[i] = side;
    if (side !== 0 && f0 === undefined) f0 = evaluator.call(copy.root(), {});
    const estimate = richardsonAt(evaluator, layout, copy, i, h, precision, levels, side, f0, domain);
    values[i] = estimate.value;
    errors[i] = estimate.error;
    steps[i] = estimate.step;
  }
  return { values, errors, steps, sides };
}

/**
 * Richardson extrapolation along coordinate i from the half-width h down: central differences,
 * or with `side` ±1 one-sided ones against `f0` = f(θ). @internal
 */
export function richardsonAt(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  i: number,
  h: number,
  precision: Precision,
  levels = RICHARDSON_LEVELS,
  side: Side = 0,
  f0?: number,
  domain?: Domain,
): Estimate & { readonly step: number } {
  const x = layout.values[i];
  const path = layout.pathAt(i);
  const at = (target: number): { f: number; d: number } => {
    const stored = place(copy, i, target, precision, domain);
    const f = evaluator.call(copy.root(), { path, delta: stored - x });
    copy.set(i, x);
    return { f, d: stored - x };
  };
  if (side !== 0) {
    const base = f0 ?? evaluator.call(copy.root(), {});
    return richardson(
      (level): DifferenceSample => {
        const s = at(x + (side * h) / 2 ** level);
        return { quotient: (s.f - base) / s.d, halfWidth: Math.abs(s.d), fScale: Math.max(Math.abs(s.f), Math.abs(base)) };
      },
      levels,
      precision,
      'all',
    );
  }
  return richardson(
    (level) => {
      const hk = h / 2 ** level;
      const p = at(x + hk);
      const m = at(x - hk);
      return centralSample(p.f, m.f, (p.d - m.d) / 2);
    },
    levels,
    precision,
  );
}
