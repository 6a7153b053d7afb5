/**
 * Jacobians by columns: the method applied along each coordinate line of a vector-valued f
 * (`columnsOf`), one output entry or one contraction at a time (`Reading`), with `Ladder` for
 * re-checks and extrapolated methods. Also the public `numericJacobian`.
 */
import { Ladder, type StencilSample, rowReading, sampleLines } from './apply.js';
import type { DiffOptions } from './differences.js';
import { GradcheckError, formatNumber } from './errors.js';
import { type Line, coordinateLine } from './line.js';
import type { Measurement } from './measure/protocol.js';
import { runSync } from './measure/syncDriver.js';
import { recheckMethod } from './methods/builtins.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { resolveMethod } from './methods/resolve.js';
import { scaledStep } from './precision.js';
import { type ProbeContext, probeContext, sharedCenter } from './probe.js';
import { readDifferenceInputs } from './setup.js';
import type { Params, TreeLayout } from './tree.js';
import { VectorEvaluator } from './vectorEvaluator.js';

/** One line's first sample of a vector f: what a column (or a tangent) is read from. */
export interface Column<R = Float64Array> {
  /** The coordinate (or probe) index. */
  readonly index: number;
  readonly line: Line<R>;
  /** The step asked for. */
  readonly h: number;
  readonly sample: StencilSample<R>;
}

/** How a vector f is measured along its lines: the method, the base step, the precision. */
function stepTooSmall(caller: string, path: string, x: number, h: number): GradcheckError {
  return new GradcheckError(
    `${caller}: the step ${formatNumber(h)} does not change ${path} = ${formatNumber(x)} at this precision; use a larger options.step`,
  );
}

/**
 * The coordinate lines of a vector f over θ's entries `indices` (all when omitted), each
 * sampled once by the method at hⱼ = step·max(1, |θⱼ|), in batches: 2n calls for central
 * differences, n + 1 for one-sided ones (f(θ) shared; `f0` when already known).
 *
 * @example
 * const columns = yield* columnsOf(ctx, central, 1e-4, 'checkJacobian');
 * yield* ownLadder(central, columns[0]).estimate(rowReading(2), 'float64'); // ∂out[2]/∂θ₀
 */
export function* columnsOf(
  ctx: ProbeContext<Float64Array>,
  method: FiniteDifferenceMethod,
  step: number,
  caller: string,
  options: { readonly indices?: ArrayLike<number>; readonly f0?: Float64Array } = {},
): Measurement<Column[]> {
  const { layout } = ctx;
  const center = sharedCenter(ctx, options.f0);
  const count = options.indices ? options.indices.length : layout.size;
  const js = Array.from({ length: count }, (_, k) => (options.indices ? options.indices[k] : k));
  const lines = js.map((j) => coordinateLine(ctx, j, center));
  const steps = js.map((j) => scaledStep(step, layout.values[j]));
  const samples = yield* sampleLines(method, lines, steps);
  return js.map((j, k) => {
    if (samples[k].step === 0) throw stepTooSmall(caller, layout.pathAt(j), layout.values[j], steps[k]);
    return { index: j, line: lines[k], h: steps[k], sample: samples[k] };
  });
}

/**
 * The ladder of a column's line by the method itself, its first sample known: one level for a
 * plain method, the method's own Richardson ladder for an extrapolated one.
 *
 * @example
 * yield* ownLadder(central, column).estimate(rowReading(0), 'float64'); // ∂out[0]/∂θⱼ and its round-off, no call of f
 */
export function ownLadder<R>(method: FiniteDifferenceMethod, column: Column<R>): Ladder<R> {
  return new Ladder(method, column.line, column.h, { level: 0, sample: column.sample });
}

/**
 * The re-check's ladder of a column's line (`recheckMethod`: h, h/2, … over the method, the
 * first sample known), or undefined when the method's own ladder already was one.
 *
 * @example
 * const ladder = recheckLadder(central, column, 3); // h, h/2, h/4: 4 more calls of f
 */
export function recheckLadder<R>(method: FiniteDifferenceMethod, column: Column<R>, levels: number): Ladder<R> | undefined {
  const recheck = recheckMethod(method, levels);
  return recheck && new Ladder(recheck, column.line, column.h, { level: 0, sample: column.sample });
}

/**
 * The numerical Jacobian of f at θ (rows = outputs, columns = entries of θ) by any method.
 *
 * @example
 * numericJacobian(([x, y]) => [x * y, x + y], [2, 3]); // ≈ [[3, 2], [1, 1]]
 */
export function numericJacobian<P extends Params>(f: (theta: P) => Params, at: P, options: DiffOptions = {}): number[][] {
  const caller = 'numericJacobian';
  const { layout, precision, step } = readDifferenceInputs(f, at, options, caller);
  const evaluator = new VectorEvaluator(f as (theta: unknown) => unknown, caller);
  const method = resolveMethod(options.method);
  const ctx = probeContext(evaluator, layout, precision);
  return runSync(jacobianRows(ctx, method, step, caller), layout as TreeLayout);
}

function* jacobianRows(
  ctx: ProbeContext<Float64Array>,
  method: FiniteDifferenceMethod,
  step: number,
  caller: string,
): Measurement<number[][]> {
  const columns = yield* columnsOf(ctx, method, step, caller);
  const m = columns[0]?.sample.values[0].length ?? 0;
  const rows = Array.from({ length: m }, () => Array.from({ length: columns.length }, () => 0));
  for (const column of columns) {
    const ladder = ownLadder(method, column);
    for (let i = 0; i < m; i++) rows[i][column.index] = (yield* ladder.estimate(rowReading(i), ctx.precision)).value;
  }
  return rows;
}
