/**
 * The one function that applies any finite-difference method (a value from `methods/`) along a
 * line through θ: a coordinate or a direction, scalar or vector f. Extrapolated methods run
 * their base stencil over a ladder of steps in Ridders' tableau.
 */
import type { Line } from './line.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { stencilWeights } from './methods/weights.js';
import { type Precision, roundoffError } from './precision.js';
import { type DifferenceSample, type Estimate, richardson } from './richardson.js';

/** A method's stencil evaluated along a line at one step. */
export interface StencilSample<R> {
  /** The displacements actually taken, one per offset (0 for f(θ)). */
  readonly nodes: readonly number[];
  /** f at each node. */
  readonly values: readonly R[];
  /** The step actually taken: the span of the nodes over the span of the offsets (0: the step did not move θ). */
  readonly step: number;
}

/**
 * The order in which a grid is evaluated: f(θ) first, then outward, + before − (θ + h, θ − h,
 * θ + 2h, …), the order the seed's loop calls f in (messages name the first failing call).
 */
function evaluationOrder(offsets: readonly number[]): number[] {
  return offsets.map((_, k) => k).sort((p, q) => Math.abs(offsets[p]) - Math.abs(offsets[q]) || offsets[q] - offsets[p]);
}

/**
 * Evaluates `method`'s stencil along `line` at step h: one call of f per non-zero offset, and
 * f(θ) (shared) for an offset 0 — first, as the one-sided passes always did.
 *
 * @example
 * sampleMethod(central, coordinateLine(ctx, 0, sharedCenter(ctx)), 1e-4); // 2 calls: nodes ≈ [-1e-4, 1e-4]
 */
export function sampleMethod<R>(method: FiniteDifferenceMethod, line: Line<R>, h: number): StencilSample<R> {
  const { offsets } = method;
  const nodes: number[] = new Array(offsets.length);
  const values: R[] = new Array(offsets.length);
  for (const k of evaluationOrder(offsets)) {
    const point = offsets[k] === 0 ? { value: line.center(), s: 0 } : line.at(offsets[k] * h);
    nodes[k] = point.s;
    values[k] = point.value;
  }
  const span = offsets[offsets.length - 1] - offsets[0];
  return { nodes, values, step: (nodes[nodes.length - 1] - nodes[0]) / span };
}

/** Σ cₖ fₖ / divisor: the method's formula on the nodes actually taken. */
export interface Coefficients {
  readonly coefficients: readonly number[];
  readonly divisor: number;
}

/**
 * The formula on the nodes actually taken (float32 rounding and bounds move them off the
 * grid): on two nodes (f₁ − f₀) / (x₁ − x₀), the exact first difference, bit for bit what the
 * seed computes; on more, the weights re-solved for the nodes, over hᵈ.
 *
 * @example
 * coefficientsAt(central, [-1e-4, 1e-4], 1e-4); // { coefficients: [-1, 1], divisor: 2e-4 }
 */
export function coefficientsAt(method: FiniteDifferenceMethod, nodes: readonly number[], h: number): Coefficients {
  const d = method.derivative;
  if (nodes.length === 2 && d === 1) return { coefficients: [-1, 1], divisor: nodes[1] - nodes[0] };
  const onGrid = nodes.every((x, k) => x === method.offsets[k] * h);
  const coefficients = onGrid
    ? method.weights
    : stencilWeights(
        nodes.map((x) => x / h),
        d,
      );
  return { coefficients, divisor: h ** d };
}

/**
 * The quotient of a scalar sample.
 *
 * @example
 * quotientOf(central, sampleMethod(central, line, 1e-4)); // ≈ f'(0) along the line
 */
export function quotientOf(method: FiniteDifferenceMethod, sample: StencilSample<number>): number {
  const { coefficients, divisor } = coefficientsAt(method, sample.nodes, sample.step);
  let sum = 0;
  for (let k = 0; k < coefficients.length; k++) sum += coefficients[k] * sample.values[k];
  return sum / divisor;
}

/**
 * The size of f behind a sample's round-off, in units of a first difference over its step:
 * Σ|wₖ|·max|fₖ| / hᵈ⁻¹ (so that `roundoffError(precision, scale, step)` is the round-off).
 *
 * @example
 * roundoffScale(central, sample); // max(|f₊|, |f₋|)
 */
export function roundoffScale(method: FiniteDifferenceMethod, sample: StencilSample<number>): number {
  let largest = 0;
  for (const v of sample.values) largest = Math.max(largest, Math.abs(v));
  return (method.errorModel.condition * largest) / Math.abs(sample.step) ** (method.derivative - 1);
}

/** A method applied along a line: the estimate, its error estimate and the samples behind it. */
export interface MethodEstimate extends Estimate {
  /** The step behind the winning estimate. */
  readonly step: number;
  /** Every sample taken, largest step first. */
  readonly samples: readonly StencilSample<number>[];
}

/**
 * Applies any method along a scalar line at step h. A plain method: its quotient, with the
 * round-off of its error model. An extrapolated one: its base stencil at h, h/r, h/r², …
 * extrapolated in Ridders' tableau over the base's error powers, with the tableau's error
 * estimate. `known` reuses a sample already taken at one level of the ladder.
 *
 * @example
 * applyMethod(richardson, coordinateLine(ctx, i, f0), 1e-2, 'float64').value; // ≈ ∂f/∂θᵢ to ~1e-11
 */
export function applyMethod(
  method: FiniteDifferenceMethod,
  line: Line<number>,
  h: number,
  precision: Precision,
  known?: { readonly level: number; readonly sample: StencilSample<number> },
): MethodEstimate {
  const samples: StencilSample<number>[] = [];
  const take = (hk: number, level: number): DifferenceSample => {
    const s = known && known.level === level ? known.sample : sampleMethod(method, line, hk);
    samples.push(s);
    return { quotient: quotientOf(method, s), halfWidth: Math.abs(s.step), fScale: roundoffScale(method, s) };
  };
  const ladder = method.extrapolation;
  if (!ladder) {
    const s = take(h, 0);
    return { value: s.quotient, error: roundoffError(precision, s.fScale, s.halfWidth), step: s.halfWidth, samples };
  }
  const powers = { first: method.order, step: method.errorModel.powerStep };
  const estimate = richardson((k) => take(h / ladder.ratio ** k, k), ladder.levels, precision, powers, ladder.ratio);
  return { value: estimate.value, error: estimate.error, step: estimate.step, samples };
}
