/**
 * The one place where the sparse check evaluates f: the numerical J·v along a direction v by the
 * settings' method (a colour, a random probe, a group while localising), its Richardson re-check,
 * and the analytic J·v it is compared with. Everything else in `check/sparse/` is bookkeeping
 * over these three; porting the sparse check onto another measurement primitive replaces this
 * file only.
 */
import { coefficientsAt, sampleMethod } from '../../numeric/apply.js';
import { FLOAT64_EPSILON, roundoffError } from '../../numeric/precision.js';
import { ANALYTIC_SUM_ULPS } from '../../numeric/directions.js';
import { directionLine } from '../../numeric/line.js';
import { central } from '../../numeric/methods/builtins.js';
import { type Stencil, StencilSequence } from '../../numeric/numericJacobian.js';
import { type ProbeContext, probeContext, sharedCenter } from '../../numeric/probe.js';
import { RICHARDSON_LEVELS } from '../../numeric/richardson.js';
import { type Pattern, columnRows } from '../../numeric/sparsity/index.js';
import type { WorkingCopy } from '../../numeric/tree.js';
import type { VectorEvaluator } from '../../numeric/vectorEvaluator.js';
import { RECHECK_LEVELS } from '../recheck.js';
import { extrapolates } from '../settings/resolve.js';
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

/** What the measurements share: the probe context on the check's working copy, and f(θ) once. */
export interface Lines {
  readonly settings: Settings;
  readonly context: ProbeContext<Float64Array>;
  readonly center: () => Float64Array;
}

/**
 * The lines of one check: every one-sided stencil shares one f(θ).
 *
 * @example
 * const lines = linesOf(evaluator, copy, settings);
 */
export function linesOf(evaluator: VectorEvaluator, copy: WorkingCopy, settings: Settings): Lines {
  const context = probeContext(evaluator, settings.layout, copy, settings.precision);
  return { settings, context, center: sharedCenter(context) };
}

/** The numerical J·ṽ along a direction, per output of f. */
export interface JvMeasure {
  /** d/ds f(θ + s·ṽ) per output: Σⱼ Jᵢⱼ ṽⱼ. */
  readonly jv: Float64Array;
  /** Error estimate per output. */
  readonly errors: Float64Array;
  /** ṽⱼ, the direction actually taken: float32 rounding moves an entry off s·vⱼ. */
  readonly taken: (j: number) => number;
  /** The central stencil behind `jv` (in units of s), the first level of a re-check. */
  readonly first?: Stencil;
}

/**
 * The numerical J·v along `dir` with the settings' method: 2 calls of f for central
 * differences, 1 (plus the shared f(θ)) for one-sided ones, a Richardson ladder for an
 * extrapolating method. With a two-point method ṽ is what was stored, so that one column alone
 * in its direction gives exactly the dense check's quotient.
 *
 * @example
 * numericJv(lines, { support: Int32Array.of(0, 2), component: () => 1, label: 'colour 1 of 2', step: 1e-4 }).jv;
 */
export function numericJv(lines: Lines, dir: Direction): JvMeasure {
  const { settings } = lines;
  const { method, precision } = settings;
  if (extrapolates(settings)) {
    const seq = sequenceAlong(lines, dir);
    const m = seq.level(0).plus.length;
    const jv = new Float64Array(m);
    const errors = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const est = seq.extrapolate(precision, { row: i }, RICHARDSON_LEVELS);
      jv[i] = est.value;
      errors[i] = est.error;
    }
    return { jv, errors, taken: dir.component };
  }
  const moved = new Map<number, Map<number, number>>();
  const line = lineAlong(lines, dir, (i, delta, s) => {
    const at = moved.get(s) ?? new Map<number, number>();
    moved.set(s, at.set(i, delta));
  });
  const sample = sampleMethod(method, line, dir.step);
  const { coefficients, divisor } = coefficientsAt(method, sample.nodes, sample.step);
  const m = sample.values[0].length;
  const jv = new Float64Array(m);
  const errors = new Float64Array(m);
  const twoPoint = coefficients.length === 2;
  // Two points: the dense check's round-off of (f₊ − f₋) / 2h; more: the method's condition.
  const condition = twoPoint ? 1 : method.errorModel.condition;
  for (let i = 0; i < m; i++) {
    let sum = 0;
    let scale = 0;
    sample.values.forEach((v, k) => {
      sum += coefficients[k] * v[i];
      scale = Math.max(scale, Math.abs(v[i]));
    });
    jv[i] = sum / divisor;
    errors[i] = roundoffError(precision, condition * scale, divisor / 2);
  }
  const [s0, s1] = [sample.nodes[0], sample.nodes[sample.nodes.length - 1]];
  const taken = twoPoint
    ? (j: number) => ((moved.get(s1)?.get(j) ?? 0) - (moved.get(s0)?.get(j) ?? 0)) / (s1 - s0)
    : dir.component;
  const first = method === central ? { plus: sample.values[1], minus: sample.values[0], halfWidth: divisor / 2 } : undefined;
  return { jv, errors, taken, first };
}

/**
 * The Richardson re-check of J·v along `dir` for some outputs: half-widths s, s/2, s/4 (the
 * first level reused from a central `first`): 4 more calls of f.
 *
 * @example
 * recheckJv(lines, dir, [3, 7], measure.first).get(3); // { value, error }
 */
export function recheckJv(
  lines: Lines,
  dir: Direction,
  rows: readonly number[],
  first?: Stencil,
): Map<number, { value: number; error: number }> {
  const seq = sequenceAlong(lines, dir, first);
  const found = new Map<number, { value: number; error: number }>();
  for (const i of rows) found.set(i, seq.extrapolate(lines.settings.precision, { row: i }, RECHECK_LEVELS));
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

/** Central stencils along `dir` at s, s/2, …, evaluated lazily. */
function sequenceAlong(lines: Lines, dir: Direction, first?: Stencil): StencilSequence {
  const line = lineAlong(lines, dir);
  return new StencilSequence(
    (h) => {
      const s = sampleMethod(central, line, h);
      return { plus: s.values[1], minus: s.values[0], halfWidth: s.step };
    },
    dir.step,
    first,
  );
}
