/**
 * Second derivatives of a scalar f by any first-derivative method: ∂²f/∂θᵢ∂θⱼ is the method
 * applied along eᵢ to the method applied along eⱼ — the product of its stencil with itself,
 * Σₐ Σ_b wₐ w_b f(θ + oₐhᵢeᵢ + o_b hⱼeⱼ) / hᵢhⱼ — and on the diagonal the method's stencil
 * doubled onto one line (`diagonalMethod`: for central differences the classic
 * (f(θ + h) − 2f(θ) + f(θ − h)) / h²). Points that coincide are evaluated once; a Richardson
 * ladder over the steps follows the method's error powers.
 */
import { coefficientsAt, evaluationOrder } from './apply.js';
import type { ScalarEvaluator } from './evaluate.js';
import { AT_THETA, type Measurement, type Point, evaluate } from './measure/protocol.js';
import { recheckMethod } from './methods/builtins.js';
import { fdm } from './methods/fdm.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { type Precision, roundoffError, scaledStep } from './precision.js';
import { type ProbeContext, place, probeContext } from './probe.js';
import { type DifferenceSample, type Estimate, Tableau } from './richardson.js';
import type { TreeLayout } from './tree.js';

/**
 * The diagonal's method: the stencil's offsets summed pairwise and halved (so that the nodes
 * keep the step h), as a second-derivative method on that grid.
 *
 * @example
 * diagonalMethod(central).offsets; // [-1, 0, 1], weights [1, -2, 1]
 * diagonalMethod(forward).offsets; // [0, 0.5, 1]
 */
export function diagonalMethod(method: FiniteDifferenceMethod): FiniteDifferenceMethod {
  const sums = new Set<number>();
  for (const a of method.offsets) for (const b of method.offsets) sums.add((a + b) / 2);
  return fdm([...sums], { derivative: 2, name: `${method.name}²` });
}

/** f at exact points, each evaluated once per check (the product stencils share many). */
class PointValues {
  private readonly known = new Map<string, number>();

  constructor(private readonly target: ScalarEvaluator<unknown>) {}

  private static key(p: Point): string {
    let key = '';
    for (let k = 0; k < p.indices.length; k++) key += `${p.indices[k]}:${p.values[k]};`;
    return key;
  }

  /** f at each point, in order; only the points not seen before are evaluated (one batch). */
  *values(points: readonly Point[]): Measurement<number[]> {
    const missing: Point[] = [];
    const keys = points.map(PointValues.key);
    keys.forEach((key, k) => {
      if (!this.known.has(key) && !missing.some((p) => PointValues.key(p) === key)) missing.push(points[k]);
    });
    const values = yield* evaluate(this.target, missing);
    missing.forEach((p, k) => this.known.set(PointValues.key(p), values[k]));
    return keys.map((key) => this.known.get(key) as number);
  }
}

/** One axis of a stencil: the stored value per offset and the displacement actually taken. */
function axis(ctx: ProbeContext<number>, method: FiniteDifferenceMethod, i: number, h: number) {
  const x = ctx.layout.values[i];
  const values = method.offsets.map((o) => (o === 0 ? x : place(ctx.layout, i, x + o * h, ctx.precision, ctx.domain)));
  return { values, nodes: values.map((v) => v - x) };
}

/** θ with entries i and j at the given values (entries left at θ are not moved). */
function pairPoint(ctx: ProbeContext<number>, moves: readonly [number, number][], path: string): Point {
  const x = ctx.layout.values;
  const kept = moves.filter(([i, v]) => v !== x[i]);
  if (kept.length === 0) return AT_THETA;
  const delta = kept[0][1] - x[kept[0][0]];
  return { indices: kept.map(([i]) => i), values: kept.map(([, v]) => v), site: () => ({ path, delta }) };
}

/** What a second-difference pass needs. */
interface Pass {
  readonly ctx: ProbeContext<number>;
  readonly method: FiniteDifferenceMethod;
  readonly diagonal: FiniteDifferenceMethod;
  readonly values: PointValues;
}

/** The diagonal entry i at step h: the diagonal method on the coordinate line. */
function* diagonalSample(pass: Pass, i: number, h: number): Measurement<DifferenceSample> {
  const { ctx, diagonal } = pass;
  const { values, nodes } = axis(ctx, diagonal, i, h);
  const order = evaluationOrder(diagonal.offsets);
  const path = ctx.layout.pathAt(i);
  const f = yield* pass.values.values(order.map((k) => pairPoint(ctx, [[i, values[k]]], path)));
  const fk: number[] = diagonal.offsets.map(() => 0);
  order.forEach((k, p) => {
    fk[k] = f[p];
  });
  const { coefficients, divisor } = coefficientsAt(diagonal, nodes, h);
  let sum = 0;
  let largest = 0;
  coefficients.forEach((c, k) => {
    sum += c * fk[k];
    largest = Math.max(largest, Math.abs(fk[k]));
  });
  const condition = coefficients.reduce((s, c) => s + Math.abs(c), 0);
  // Round-off Σ|cₖ|·max|f| / h², as a quotient's over h.
  return { quotient: sum / divisor, halfWidth: h, fScale: (condition * largest * h) / Math.abs(divisor) };
}

/** The mixed entry (i, j), i ≠ j, at steps hᵢ, hⱼ: the product of the method's stencils. */
function* mixedSample(pass: Pass, i: number, j: number, hi: number, hj: number): Measurement<DifferenceSample> {
  const { ctx, method } = pass;
  const ai = axis(ctx, method, i, hi);
  const aj = axis(ctx, method, j, hj);
  const order = evaluationOrder(method.offsets);
  const path = `${ctx.layout.pathAt(i)} and ${ctx.layout.pathAt(j)}`;
  const pairs: [number, number][] = [];
  for (const a of order) for (const b of order) pairs.push([a, b]);
  const f = yield* pass.values.values(
    pairs.map(([a, b]) =>
      pairPoint(
        ctx,
        [
          [i, ai.values[a]],
          [j, aj.values[b]],
        ],
        path,
      ),
    ),
  );
  const ci = coefficientsAt(method, ai.nodes, hi);
  const cj = coefficientsAt(method, aj.nodes, hj);
  let sum = 0;
  let weight = 0;
  let largest = 0;
  pairs.forEach(([a, b], p) => {
    const w = ci.coefficients[a] * cj.coefficients[b];
    sum += w * f[p];
    weight += Math.abs(w);
    largest = Math.max(largest, Math.abs(f[p]));
  });
  const divisor = ci.divisor * cj.divisor;
  const halfWidth = Math.abs(ci.divisor) / 2;
  // Round-off Σ|wₐw_b|·max|f| / |hᵢhⱼ|, as a quotient's over the half-width along i.
  return { quotient: sum / divisor, halfWidth, fScale: (weight * largest * halfWidth) / Math.abs(divisor) };
}

/** Settings of `secondDifferences`. */
export interface SecondDifferenceSettings {
  readonly step: number;
  readonly precision: Precision;
  /** The first-derivative method whose product is taken (its ladder, when it has one). */
  readonly method: FiniteDifferenceMethod;
  /** Whether entry (i, j) with this value and error estimate needs a re-check. */
  readonly isSuspect: (i: number, j: number, value: number, error: number) => boolean;
  readonly recheckLimit: number;
  /** The base step of re-checks. */
  readonly recheckStep: number;
  /** Steps in a re-check's ladder. */
  readonly recheckLevels: number;
  /** The entries (i, j ≥ i) measured: row i's columns (a sparse pattern's); every j ≥ i when omitted. */
  readonly columns?: (i: number) => ArrayLike<number>;
}

/** Second differences of f at θ, and how to measure one more entry the same way. */
export interface SecondDifferences {
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** f(θ). */
  readonly f0: number;
  /** Entry (i, j) by the method at the pass's step (points already evaluated are not asked for again). */
  entry(i: number, j: number): Measurement<Estimate>;
}

/** Entry (i, j) by `method` from step h₀: its quotient, or its Richardson ladder when it has one. */
function* estimateEntry(pass: Pass, method: FiniteDifferenceMethod, i: number, j: number, h0: number): Measurement<Estimate> {
  const x = pass.ctx.layout.values;
  const ladder = method.extrapolation ?? { ratio: 2, levels: 1 };
  const tableau = new Tableau(pass.ctx.precision, { first: method.order, step: method.errorModel.powerStep }, ladder.ratio);
  let last: DifferenceSample | undefined;
  for (let k = 0; k < ladder.levels; k++) {
    const hi = scaledStep(h0, x[i]) / ladder.ratio ** k;
    const hj = scaledStep(h0, x[j]) / ladder.ratio ** k;
    last = i === j ? yield* diagonalSample(pass, i, hi) : yield* mixedSample(pass, i, j, hi, hj);
    if (!tableau.add(last)) break;
  }
  if (!method.extrapolation && last) {
    return { value: last.quotient, error: roundoffError(pass.ctx.precision, last.fScale, last.halfWidth) };
  }
  return tableau.result();
}

/**
 * The n×n matrix of second differences of f at θ by the settings' method (row-major, symmetric,
 * with an error estimate per entry): f(θ), then each entry on or above the diagonal (of
 * `settings.columns` when given: the others stay 0); suspects
 * (by `isSuspect`) re-checked on a Richardson ladder when the method has none of its own.
 * Central differences: 2n² + 1 calls; forward: n(n − 1)/2 + 2n + 1.
 *
 * @example
 * const { values } = runSync(secondDifferences(evaluator, layout, settings), layout);
 * @internal
 */
export function* secondDifferences(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  settings: SecondDifferenceSettings,
): Measurement<SecondDifferences> {
  const n = layout.size;
  const { method, step } = settings;
  const pass: Pass = {
    ctx: probeContext(evaluator, layout, settings.precision),
    method,
    diagonal: diagonalMethod(method),
    values: new PointValues(evaluator),
  };
  const values = new Float64Array(n * n);
  const errors = new Float64Array(n * n);
  const [f0] = yield* pass.values.values([AT_THETA]);
  const set = (i: number, j: number, e: Estimate) => {
    values[i * n + j] = values[j * n + i] = e.value;
    errors[i * n + j] = errors[j * n + i] = e.error;
  };
  const suspects: [number, number][] = [];
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const columns = settings.columns ?? ((i: number) => all.subarray(i));
  for (let i = 0; i < n; i++) {
    for (const j of Array.from(columns(i))) {
      if (j < i) continue;
      const est = yield* estimateEntry(pass, method, i, j, step);
      set(i, j, est);
      if (settings.isSuspect(i, j, est.value, est.error)) suspects.push([i, j]);
    }
  }
  const recheck = recheckMethod(method, settings.recheckLevels);
  for (const [i, j] of recheck ? suspects.slice(0, settings.recheckLimit) : []) {
    set(i, j, yield* estimateEntry(pass, recheck as FiniteDifferenceMethod, i, j, settings.recheckStep));
  }
  return { values, errors, f0, entry: (i, j) => estimateEntry(pass, method, i, j, step) };
}

/**
 * Calls of f of `secondDifferences` on a correct Hessian, at most (for progress and the
 * pre-flight): f(θ), the diagonal method's moved points per entry of θ, the product's points
 * with both entries moved per pair (points with one entry moved coincide with the diagonal's),
 * times the levels of a method's own ladder (whose steps may share points: then fewer).
 *
 * @example
 * secondDifferenceEvaluations(central, 3); // 2·3² + 1 = 19
 * secondDifferenceEvaluations(central, 3, { diagonal: 3, off: 2 }); // a tridiagonal pattern: 1 + 2·3 + 4·2 = 15
 */
export function secondDifferenceEvaluations(
  method: FiniteDifferenceMethod,
  n: number,
  entries: { readonly diagonal: number; readonly off: number } = { diagonal: n, off: (n * (n - 1)) / 2 },
): number {
  const moved = method.offsets.filter((o) => o !== 0).length;
  const diagonal = diagonalMethod(method).offsets.filter((o) => o !== 0).length;
  const levels = method.extrapolation?.levels ?? 1;
  return 1 + levels * (entries.diagonal * diagonal + entries.off * moved * moved);
}
