import { type StencilSample, coefficientsAt, sampleMethod } from './apply.js';
import type { DiffOptions, DifferenceSettings } from './differences.js';
import { GradcheckError, formatNumber } from './errors.js';
import { coordinateLine } from './line.js';
import { central } from './methods/builtins.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { resolveMethod } from './methods/resolve.js';
import { type Precision, roundoffError, scaledStep } from './precision.js';
import { probeContext, sharedCenter } from './probe.js';
import { type Estimate, RICHARDSON_LEVELS, richardson } from './richardson.js';
import { readDifferenceInputs } from './setup.js';
import type { Params, TreeLayout, WorkingCopy } from './tree.js';
import { VectorEvaluator } from './vectorEvaluator.js';

/** f evaluated on both sides of θ along one coordinate or direction. */
export interface Stencil {
  /** f(θ + h·v), flattened. */
  readonly plus: Float64Array;
  /** f(θ − h·v), flattened (for one-sided stencils: f(θ)). */
  readonly minus: Float64Array;
  /** Half-width actually taken (for one-sided stencils: the signed step over 2). */
  readonly halfWidth: number;
}

/** A column of the Jacobian by one difference, and the stencil it came from. */
export interface Column extends Stencil {
  /** Flat index of the input coordinate. */
  readonly index: number;
  /** The difference quotient per output. */
  readonly quotients: Float64Array;
}

/**
 * The Jacobian column of one sample: the quotient per output, and the stencil's positive and
 * negative parts (scaled so that (plus − minus) / 2·halfWidth is the quotient; for two-point
 * methods, f at the two points) for round-off estimates and contractions.
 */
function columnOf(method: FiniteDifferenceMethod, sample: StencilSample<Float64Array>, index: number): Column {
  const { coefficients, divisor } = coefficientsAt(method, sample.nodes, sample.step);
  const m = sample.values[0].length;
  const twoPoint = coefficients.length === 2 && coefficients[0] === -1 && coefficients[1] === 1;
  const plus = twoPoint ? sample.values[1] : new Float64Array(m);
  const minus = twoPoint ? sample.values[0] : new Float64Array(m);
  if (!twoPoint) {
    sample.values.forEach((v, k) => {
      const c = coefficients[k];
      for (let i = 0; i < m; i++) {
        if (c > 0) plus[i] += c * v[i];
        else minus[i] -= c * v[i];
      }
    });
  }
  const quotients = new Float64Array(m);
  for (let i = 0; i < m; i++) quotients[i] = (plus[i] - minus[i]) / divisor;
  return { index, plus, minus, halfWidth: divisor / 2, quotients };
}

function stepTooSmall(caller: string, path: string, x: number, h: number): GradcheckError {
  return new GradcheckError(
    `${caller}: the step ${formatNumber(h)} does not change ${path} = ${formatNumber(x)} at this precision; use a larger options.step`,
  );
}

/**
 * Visits the Jacobian column by column: for each coordinate j (all, or `indices`), the method's
 * stencil along θⱼ (central: f at θ ± hⱼeⱼ, exactly 2 calls per column; one-sided: one call per
 * column plus f(θ) once, or `f0` when given). Nothing is stored: `visit` decides.
 *
 * @example
 * scanColumns(ev, layout, layout.workingCopy(), { method: 'central', step: 1e-4, precision: 'float64' }, 'checkJacobian', (col) => store(col.index, col.quotients));
 * @internal
 */
export function scanColumns(
  evaluator: VectorEvaluator,
  layout: TreeLayout,
  copy: WorkingCopy,
  settings: DifferenceSettings,
  caller: string,
  visit: (column: Column) => void,
  options: { readonly indices?: ArrayLike<number>; readonly f0?: Float64Array } = {},
): void {
  const method = resolveMethod(settings.method);
  const ctx = probeContext(evaluator, layout, copy, settings.precision);
  const center = sharedCenter(ctx, options.f0);
  if (method.offsets.includes(0)) center();
  const count = options.indices ? options.indices.length : layout.size;
  for (let k = 0; k < count; k++) {
    const j = options.indices ? options.indices[k] : k;
    const x = layout.values[j];
    const h = scaledStep(settings.step, x);
    const sample = sampleMethod(method, coordinateLine(ctx, j, center), h);
    if (sample.step === 0) throw stepTooSmall(caller, layout.pathAt(j), x, h);
    visit(columnOf(method, sample, j));
  }
}

/**
 * Round-off of the contraction ⟨w, (plus − minus)⟩ / 2h: each output carries a few ulps.
 *
 * @example
 * stencilRoundoff({ plus: Float64Array.of(1), minus: Float64Array.of(1), halfWidth: 1e-4 }, 'float64', undefined, 0); // ≈ 1.8e-11
 */
export function stencilRoundoff(stencil: Stencil, precision: Precision, weights?: ArrayLike<number>, row?: number): number {
  if (row !== undefined) {
    return roundoffError(precision, Math.max(Math.abs(stencil.plus[row]), Math.abs(stencil.minus[row])), stencil.halfWidth);
  }
  let scale = 0;
  for (let i = 0; i < stencil.plus.length; i++) {
    const w = weights ? Math.abs(weights[i]) : 1;
    scale += w * Math.max(Math.abs(stencil.plus[i]), Math.abs(stencil.minus[i]));
  }
  return roundoffError(precision, scale, stencil.halfWidth);
}

/**
 * The central stencils of a Richardson sequence at half-widths h, h/2, h/4, …, evaluated
 * lazily and kept, so that every output (or contraction of the outputs) extrapolated from the
 * same column or direction shares the same calls of f.
 *
 * @example
 * const seq = new StencilSequence((h) => ({ plus: Float64Array.of(Math.exp(1 + h)), minus: Float64Array.of(Math.exp(1 - h)), halfWidth: h }), 0.1);
 * seq.extrapolate('float64', { row: 0 }).value; // ≈ e
 * @internal
 */
export class StencilSequence {
  private readonly levels: Stencil[] = [];

  constructor(
    /** f on both sides at half-width h: the stencil actually taken. */
    private readonly evaluate: (h: number) => Stencil,
    private readonly h0: number,
    first?: Stencil,
  ) {
    if (first) this.levels.push(first);
  }

  level(k: number): Stencil {
    while (this.levels.length <= k) this.levels.push(this.evaluate(this.h0 / 2 ** this.levels.length));
    return this.levels[k];
  }

  /**
   * Richardson extrapolation of one output (`row`) or of the contraction ⟨weights, f⟩, with
   * its error estimate (tableau spread plus round-off at the smallest step used).
   */
  extrapolate(
    precision: Precision,
    target: { row: number } | { weights: ArrayLike<number> },
    levels = RICHARDSON_LEVELS,
  ): Estimate {
    return richardson(
      (k) => {
        const s = this.level(k);
        let plus: number;
        let minus: number;
        let scale: number;
        if ('row' in target) {
          plus = s.plus[target.row];
          minus = s.minus[target.row];
          scale = Math.max(Math.abs(plus), Math.abs(minus));
        } else {
          plus = 0;
          minus = 0;
          scale = 0;
          for (let i = 0; i < s.plus.length; i++) {
            const w = target.weights[i];
            plus += w * s.plus[i];
            minus += w * s.minus[i];
            scale += Math.abs(w) * Math.max(Math.abs(s.plus[i]), Math.abs(s.minus[i]));
          }
        }
        return { quotient: (plus - minus) / (2 * s.halfWidth), halfWidth: s.halfWidth, fScale: scale };
      },
      levels,
      precision,
    );
  }
}

/**
 * The Richardson sequence along coordinate j, starting at half-width h (its first level may
 * reuse a central stencil already taken at that step).
 *
 * @example
 * coordinateSequence(ev, layout, copy, j, 1e-4, 'float64').extrapolate('float64', { row: i }, 3); // ∂out[i]/∂θ[j] with an error estimate
 * @internal
 */
export function coordinateSequence(
  evaluator: VectorEvaluator,
  layout: TreeLayout,
  copy: WorkingCopy,
  j: number,
  h: number,
  precision: Precision,
  first?: Stencil,
): StencilSequence {
  const ctx = probeContext(evaluator, layout, copy, precision);
  const line = coordinateLine(ctx, j, sharedCenter(ctx));
  return new StencilSequence(
    (hk) => {
      const s = sampleMethod(central, line, hk);
      return { plus: s.values[1], minus: s.values[0], halfWidth: s.step };
    },
    h,
    first,
  );
}

/**
 * The numerical Jacobian of f at θ: **rows = flattened outputs, columns = flattened inputs**
 * (see `flatten` for the order), as a `number[][]` with one row per output entry.
 *
 * f may return a number, an array, a typed array or a tree of them. Central differences by
 * default: column j is (f(θ + hⱼeⱼ) − f(θ − hⱼeⱼ)) / 2hⱼ, hⱼ = step · max(1, |θⱼ|) — exactly
 * 2n calls of f for n inputs. `'forward'`/`'backward'` take n + 1 calls; `'richardson'`
 * extrapolates the steps h, h/2, h/4, h/8 (up to 8 calls per column). θ is never mutated.
 *
 * @example
 * numericJacobian(([x, y]) => [x * y, x + y], [2, 3]); // ≈ [[3, 2], [1, 1]]
 */
export function numericJacobian<P extends Params>(f: (theta: P) => Params, at: P, options: DiffOptions = {}): number[][] {
  const caller = 'numericJacobian';
  const { layout, precision, step, copy } = readDifferenceInputs(f, at, options, caller);
  const evaluator = new VectorEvaluator(f as (theta: unknown) => unknown, caller);
  const n = layout.size;
  let rows: number[][] = [];
  const store = (j: number, values: ArrayLike<number>) => {
    if (rows.length === 0) rows = Array.from({ length: values.length }, () => Array.from({ length: n }, () => 0));
    for (let i = 0; i < values.length; i++) rows[i][j] = values[i];
  };
  const method = resolveMethod(options.method);
  if (method.extrapolation) {
    for (let j = 0; j < n; j++) {
      const seq = coordinateSequence(evaluator, layout, copy, j, scaledStep(step, layout.values[j]), precision);
      const m = seq.level(0).plus.length;
      store(
        j,
        Array.from({ length: m }, (_, i) => seq.extrapolate(precision, { row: i }).value),
      );
    }
    return rows;
  }
  scanColumns(evaluator, layout, copy, { method, step, precision }, caller, (c) => store(c.index, c.quotients));
  return rows;
}
