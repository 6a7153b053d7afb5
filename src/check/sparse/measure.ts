/**
 * The one place where the sparse check evaluates f: the numerical J·v along a direction v by the
 * settings' method (a colour, a random probe, a group while localising), its Richardson re-check,
 * and the analytic J·v it is compared with. Everything else in `check/sparse/` is bookkeeping
 * over these three. A measurement here is a generator (it yields f's points to the driver).
 */
import { Ladder, type StencilSample, rowReading } from '../../numeric/apply.js';
import { FLOAT64_EPSILON } from '../../numeric/precision.js';
import { ANALYTIC_SUM_ULPS } from '../../numeric/directions.js';
import { directionLine } from '../../numeric/line.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import { recheckMethod } from '../../numeric/methods/builtins.js';
import type { FiniteDifferenceMethod } from '../../numeric/methods/method.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import { type ProbeContext, probeContext, sharedCenter } from '../../numeric/probe.js';
import { type Pattern, columnRows } from '../../numeric/sparsity/index.js';
import type { VectorEvaluator } from '../../numeric/vectorEvaluator.js';
import { RECHECK_LEVELS } from '../recheck.js';
import type { Settings } from '../settings/types.js';

/** A direction through θ: the entries that move and by how much per unit of s. */
export interface Direction {
  /** Flat indices of θ that move, ascending. */
  readonly support: Int32Array;
  /** vᵢ for a flat index i of the support. */
  readonly component: (i: number) => number;
  /** Its name in messages: `colour 2 of 9`, `random direction 0`. */
  readonly label: string;
  /** s: the displacement is s·vᵢ per entry. */
  readonly step: number;
}

/** What the measurements share: the probe context, the settings' method and f(θ) once. */
export interface Lines {
  readonly settings: Settings;
  readonly method: FiniteDifferenceMethod;
  readonly context: ProbeContext<Float64Array>;
  readonly center: () => Measurement<Float64Array>;
}

/**
 * The lines of one check: every one-sided stencil shares one f(θ).
 *
 * @example
 * const lines = linesOf(evaluator, settings);
 */
export function linesOf(evaluator: VectorEvaluator, settings: Settings): Lines {
  const context = probeContext(evaluator, settings.layout, settings.precision);
  return { settings, method: resolveMethod(settings.method), context, center: sharedCenter(context) };
}

/** The numerical J·ṽ along a direction, per output of f. */
export interface JvMeasure {
  /** d/ds f(θ + s·ṽ) per output: Σⱼ Jᵢⱼ ṽⱼ. */
  readonly jv: Float64Array;
  /** Error estimate per output. */
  readonly errors: Float64Array;
  /** ṽⱼ, the direction actually taken: float32 rounding moves an entry off s·vⱼ. */
  readonly taken: (j: number) => number;
  /** The re-check's ladder along the same line, its first level the sample behind `jv` (none for a method with its own ladder). */
  readonly recheck?: Ladder<Float64Array>;
}

/**
 * The numerical J·v along `dir` with the settings' method, on the one primitive (`Ladder`): 2
 * calls of f for central differences, 1 (plus the shared f(θ)) for one-sided ones, the
 * method's own ladder when it runs one. With a two-point method ṽ is what was stored, so
 * that one column alone in its direction gives exactly the dense check's quotient.
 *
 * @example
 * (yield* numericJv(lines, { support: Int32Array.of(0, 2), component: () => 1, label: 'colour 1 of 2', step: 1e-4 })).jv;
 */
export function* numericJv(lines: Lines, dir: Direction): Measurement<JvMeasure> {
  const { method, settings } = lines;
  const moved = new Map<number, Map<number, number>>();
  const line = lineAlong(lines, dir, (i, delta, s) => {
    const at = moved.get(s) ?? new Map<number, number>();
    moved.set(s, at.set(i, delta));
  });
  const ladder = new Ladder(method, line, dir.step);
  const sample = yield* ladder.level(0);
  const m = sample.values[0].length;
  const jv = new Float64Array(m);
  const errors = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const est = yield* ladder.estimate(rowReading(i), settings.precision);
    jv[i] = est.value;
    errors[i] = est.error;
  }
  const twoPoint = method.offsets.length === 2 && ladder.taken().length === 1;
  return {
    jv,
    errors,
    taken: twoPoint ? takenAlong(moved, sample, dir) : dir.component,
    recheck: recheckOf(lines, line, dir, sample),
  };
}

/** ṽⱼ of a two-point sample: the displacements stored at its two nodes over their distance. */
function takenAlong(
  moved: ReadonlyMap<number, ReadonlyMap<number, number>>,
  sample: StencilSample<Float64Array>,
  dir: Direction,
): (j: number) => number {
  const [s0, s1] = [sample.nodes[0], sample.nodes[sample.nodes.length - 1]];
  if (s1 === s0) return dir.component;
  return (j) => ((moved.get(s1)?.get(j) ?? 0) - (moved.get(s0)?.get(j) ?? 0)) / (s1 - s0);
}

/** The re-check's ladder (`recheckMethod`: s, s/2, … over the method) from the first sample, or none. */
function recheckOf(
  lines: Lines,
  line: ReturnType<typeof lineAlong>,
  dir: Direction,
  sample: StencilSample<Float64Array>,
): Ladder<Float64Array> | undefined {
  const recheck = recheckMethod(lines.method, RECHECK_LEVELS);
  return recheck && new Ladder(recheck, line, dir.step, { level: 0, sample });
}

/**
 * The re-check of J·v for some outputs on the measure's re-check ladder (central: half-widths
 * s, s/2, s/4, the first level reused): 4 more calls of f.
 *
 * @example
 * (yield* recheckJv(lines, measure, [3, 7])).get(3); // { value, error }
 */
export function* recheckJv(
  lines: Lines,
  measure: JvMeasure,
  rows: readonly number[],
): Measurement<Map<number, { value: number; error: number }>> {
  const found = new Map<number, { value: number; error: number }>();
  for (const i of rows) {
    const est = yield* (measure.recheck as Ladder<Float64Array>).estimate(rowReading(i), lines.settings.precision);
    found.set(i, { value: est.value, error: est.error });
  }
  return found;
}

/** J·ṽ from the analytic matrix, per output: the value, its rounding, and Σⱼ |Aᵢⱼ ṽⱼ| (its scale). */
export interface AnalyticJv {
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** Σⱼ |Aᵢⱼ ṽⱼ|: the relative tolerance of a sum applies to its terms, not to what is left after they cancel. */
  readonly scales: Float64Array;
}

/**
 * The analytic J·ṽ, per output: the analytic matrix A (rows × cols, row-major, zero outside the
 * pattern) times the direction actually taken, over the pattern's entries of the moved columns.
 *
 * @example
 * analyticJv(A, pattern, dir.support, measure.taken).values; // Σⱼ Aᵢⱼ ṽⱼ per output i
 */
export function analyticJv(
  A: Float64Array,
  pattern: Pattern,
  support: ArrayLike<number>,
  taken: (j: number) => number,
): AnalyticJv {
  const n = pattern.cols;
  const values = new Float64Array(pattern.rows);
  const scales = new Float64Array(pattern.rows);
  for (let k = 0; k < support.length; k++) {
    const j = support[k];
    const v = taken(j);
    for (const i of columnRows(pattern, j)) {
      const term = A[i * n + j] * v;
      values[i] += term;
      scales[i] += Math.abs(term);
    }
  }
  const errors = scales.map((s) => ANALYTIC_SUM_ULPS * FLOAT64_EPSILON * s);
  return { values, errors, scales };
}

function lineAlong(lines: Lines, dir: Direction, taken?: (i: number, delta: number, s: number) => void) {
  return directionLine(lines.context, dir.support, dir.component, dir.label, lines.center, taken);
}
