/**
 * The one measure primitive: any finite-difference method (a value from `methods/`) applied
 * along any line through θ — a coordinate, a column, a tangent, a random direction — for a
 * scalar or a vector-valued f, with one Richardson tableau (`Ladder`) for every extrapolation.
 */
import type { Line } from './line.js';
import { type Measurement, type Point, evaluate } from './measure/protocol.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { stencilWeights } from './methods/weights.js';
import { type Precision, roundoffError } from './precision.js';
import { type DifferenceSample, type Estimate, Tableau } from './richardson.js';

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
export function evaluationOrder(offsets: readonly number[]): number[] {
  return offsets.map((_, k) => k).sort((p, q) => Math.abs(offsets[p]) - Math.abs(offsets[q]) || offsets[q] - offsets[p]);
}

/** The points of one stencil, planned before any is evaluated (so that many go in one batch). */
interface SamplePlan {
  readonly nodes: number[];
  /** Offsets' indices of the moved points, in evaluation order. */
  readonly slots: number[];
  readonly points: Point[];
  /** Whether the grid holds 0 (f(θ), shared). */
  readonly center: boolean;
}

function planSample<R>(method: FiniteDifferenceMethod, line: Line<R>, h: number): SamplePlan {
  const { offsets } = method;
  const nodes: number[] = offsets.map(() => 0);
  const slots: number[] = [];
  const points: Point[] = [];
  let center = false;
  for (const k of evaluationOrder(offsets)) {
    if (offsets[k] === 0) {
      center = true;
      continue;
    }
    const { point, s } = line.at(offsets[k] * h);
    nodes[k] = s;
    slots.push(k);
    points.push(point);
  }
  return { nodes, slots, points, center };
}

function sampleOf<R>(
  plan: SamplePlan,
  method: FiniteDifferenceMethod,
  values: readonly R[],
  f0: R | undefined,
): StencilSample<R> {
  const out: R[] = method.offsets.map(() => f0 as R);
  plan.slots.forEach((k, p) => {
    out[k] = values[p];
  });
  const { nodes } = plan;
  const { offsets } = method;
  const span = offsets[offsets.length - 1] - offsets[0];
  return { nodes, values: out, step: (nodes[nodes.length - 1] - nodes[0]) / span };
}

/** Points per batch at most: a million-entry first pass goes in pieces, not all at once. */
export const BATCH_POINTS = 256;

/**
 * Evaluates `method`'s stencil along each line at its step, as few batches as possible: f(θ)
 * (shared) first when a grid holds 0, then every moved point, in the seed's order.
 *
 * @example
 * const [s0, s1] = yield* sampleLines(central, [line0, line1], [1e-4, 1e-4]); // one batch of 4 points
 */
export function* sampleLines<R>(
  method: FiniteDifferenceMethod,
  lines: readonly Line<R>[],
  steps: readonly number[],
): Measurement<StencilSample<R>[]> {
  const out: StencilSample<R>[] = [];
  const f0 = method.offsets.includes(0) && lines.length > 0 ? yield* lines[0].center() : undefined;
  const perLine = method.offsets.filter((o) => o !== 0).length;
  const chunk = Math.max(1, Math.floor(BATCH_POINTS / Math.max(1, perLine)));
  for (let start = 0; start < lines.length; start += chunk) {
    const plans = [];
    const points: Point[] = [];
    for (let l = start; l < Math.min(lines.length, start + chunk); l++) {
      const plan = planSample(method, lines[l], steps[l]);
      plans.push(plan);
      for (const p of plan.points) points.push(p);
    }
    const target = lines[start].ctx.target;
    const values = yield* evaluate(target, points);
    let at = 0;
    for (const plan of plans) {
      out.push(sampleOf(plan, method, values.slice(at, at + plan.points.length), f0));
      at += plan.points.length;
    }
  }
  return out;
}

/**
 * Evaluates `method`'s stencil along one line at step h (one batch).
 *
 * @example
 * yield* sampleMethod(central, coordinateLine(ctx, 0, sharedCenter(ctx)), 1e-4); // 2 calls: nodes ≈ [-1e-4, 1e-4]
 */
export function* sampleMethod<R>(method: FiniteDifferenceMethod, line: Line<R>, h: number): Measurement<StencilSample<R>> {
  const [sample] = yield* sampleLines(method, [line], [h]);
  return sample;
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
 * How a sample's values are read: one number of each value (a scalar f's value, one output
 * entry, a contraction with a cotangent) and the size behind its round-off.
 */
export interface Reading<R> {
  value(v: R): number;
  scale(v: R): number;
}

/** A scalar f's value as it is. */
export const scalarReading: Reading<number> = { value: (v) => v, scale: (v) => Math.abs(v) };

/**
 * Output entry `row` of a vector f.
 *
 * @example
 * differenceSample(central, sample, rowReading(2)).quotient; // ∂out[2] along the line
 */
export function rowReading(row: number): Reading<Float64Array> {
  return { value: (v) => v[row], scale: (v) => Math.abs(v[row]) };
}

/**
 * A vector f's output contracted with weights w (a cotangent): Σ wᵢ fᵢ, of size Σ |wᵢ fᵢ|.
 *
 * @example
 * differenceSample(central, sample, weightedReading(yBar)).quotient; // ⟨ȳ, ∂f⟩ along the line
 */
export function weightedReading(w: ArrayLike<number>): Reading<Float64Array> {
  return {
    value: (v) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) s += w[i] * v[i];
      return s;
    },
    scale: (v) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) s += Math.abs(w[i] * v[i]);
      return s;
    },
  };
}

/**
 * The quotient of a sample as read, its half-width and the size of f behind its round-off
 * (Σ|wₖ|·max|fₖ| / hᵈ⁻¹, so that `roundoffError(precision, fScale, halfWidth)` is the round-off).
 *
 * @example
 * differenceSample(central, sample, scalarReading); // { quotient: ≈ f'(0), halfWidth: 1e-4, fScale: max|f±| }
 */
export function differenceSample<R>(
  method: FiniteDifferenceMethod,
  sample: StencilSample<R>,
  read: Reading<R>,
): DifferenceSample {
  const { coefficients, divisor } = coefficientsAt(method, sample.nodes, sample.step);
  let sum = 0;
  let largest = 0;
  for (let k = 0; k < coefficients.length; k++) {
    sum += coefficients[k] * read.value(sample.values[k]);
    largest = Math.max(largest, read.scale(sample.values[k]));
  }
  const halfWidth = Math.abs(sample.step);
  return {
    quotient: sum / divisor,
    halfWidth,
    fScale: (method.errorModel.condition * largest) / halfWidth ** (method.derivative - 1),
  };
}

/**
 * The quotient of a scalar sample.
 *
 * @example
 * quotientOf(central, sample); // ≈ f'(0) along the line
 */
export function quotientOf(method: FiniteDifferenceMethod, sample: StencilSample<number>): number {
  return differenceSample(method, sample, scalarReading).quotient;
}

/** A method applied along a line: the estimate, its error estimate and the step behind it. */
export interface MethodEstimate extends Estimate {
  /** The step behind the winning estimate. */
  readonly step: number;
}

/**
 * A method on one line: its stencil at h, h/r, h/r², … (r and the number of levels from the
 * method's extrapolation; one level for a plain method), sampled on demand and shared by every
 * reading (every output entry of a vector f). `known` supplies samples already taken.
 *
 * @example
 * const ladder = new Ladder(richardson, coordinateLine(ctx, i, f0), 1.25e-2);
 * const { value, error } = yield* ladder.estimate(scalarReading, 'float64');
 */
export class Ladder<R> {
  private readonly samples: (StencilSample<R> | undefined)[] = [];

  constructor(
    readonly method: FiniteDifferenceMethod,
    private readonly line: Line<R>,
    private readonly h: number,
    known?: { readonly level: number; readonly sample: StencilSample<R> },
  ) {
    if (known) this.samples[known.level] = known.sample;
  }

  /** The stencil at level k (step h / rᵏ), evaluated on first use. */
  *level(k: number): Measurement<StencilSample<R>> {
    const ratio = this.method.extrapolation?.ratio ?? 1;
    const known = this.samples[k];
    if (known) return known;
    const sample = yield* sampleMethod(this.method, this.line, this.h / ratio ** k);
    this.samples[k] = sample;
    return sample;
  }

  /** Every sample taken so far, largest step first. */
  taken(): StencilSample<R>[] {
    return this.samples.filter((s): s is StencilSample<R> => s !== undefined);
  }

  /**
   * The estimate for one reading: a plain method's quotient with its round-off; an extrapolated
   * one's Richardson tableau over the base's error powers, with the tableau's error estimate.
   * `levels` caps the ladder (a re-check's short one).
   */
  *estimate(read: Reading<R>, precision: Precision, levels?: number): Measurement<MethodEstimate> {
    const ladder = this.method.extrapolation;
    if (!ladder) {
      const s = differenceSample(this.method, yield* this.level(0), read);
      return { value: s.quotient, error: roundoffError(precision, s.fScale, s.halfWidth), step: s.halfWidth };
    }
    const powers = { first: this.method.order, step: this.method.errorModel.powerStep };
    const tableau = new Tableau(precision, powers, ladder.ratio);
    const most = levels ?? ladder.levels;
    for (let k = 0; k < most; k++) {
      if (!tableau.add(differenceSample(this.method, yield* this.level(k), read))) break;
    }
    const estimate = tableau.result();
    return { value: estimate.value, error: estimate.error, step: estimate.step };
  }
}

/**
 * Applies any method along a scalar line at step h: `Ladder` with one reading.
 *
 * @example
 * (yield* applyMethod(richardson, coordinateLine(ctx, i, f0), 1e-2, 'float64')).value; // ≈ ∂f/∂θᵢ to ~1e-11
 */
export function* applyMethod(
  method: FiniteDifferenceMethod,
  line: Line<number>,
  h: number,
  precision: Precision,
  known?: { readonly level: number; readonly sample: StencilSample<number> },
): Measurement<MethodEstimate & { readonly samples: readonly StencilSample<number>[] }> {
  const ladder = new Ladder(method, line, h, known);
  const estimate = yield* ladder.estimate(scalarReading, precision);
  return { ...estimate, samples: ladder.taken() };
}
