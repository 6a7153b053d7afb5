/**
 * The one probe primitive of the numeric core: a move of θ along a coordinate, a pair of
 * coordinates or a direction becomes a point (the entries moved and the values stored there,
 * rounded to the working precision and kept inside the bounds), and f is asked for at it. The
 * measurement never touches a copy of θ: the driver does (see `measure/`).
 */
import { type Domain, inside } from './domains.js';
import { GradcheckError, formatNumber } from './errors.js';
import { type Precision, roundTo } from './precision.js';
import { AT_THETA, type Measurement, type Point, type SiteSpec, type Target, evaluateOne } from './measure/protocol.js';
import type { TreeLayout } from './tree.js';

/** What a probe needs: θ's layout, how entries are stored, and the function to evaluate. */
export interface ProbeContext<R> {
  readonly layout: TreeLayout;
  readonly precision: Precision;
  /** Bounds per entry: a stored entry that rounding pushed across its bound is put on it. */
  readonly domain?: Domain;
  /** The function evaluated at the points (a counting evaluator). */
  readonly target: Target<R>;
}

/** A displacement of θ: which entries move, by how much, and how to name it in messages. */
export interface Move {
  /** The entries moved (flat indices). */
  readonly support: ArrayLike<number>;
  /** Requested displacement of entry i (rounded to the working precision when stored). */
  delta(i: number): number;
  /** Where f is evaluated, for error messages (`W[0][1]` moved by +1e-4, `θ along tangent 2`). */
  readonly site: SiteSpec;
  /** Told the displacement actually stored for each entry (float32 rounding, bounds). */
  taken?(i: number, delta: number): void;
  /**
   * At a bound: `'clamp'` (default) puts an entry that rounding pushed outside on the bound;
   * `'stay'` leaves it at θᵢ (the Taylor test, whose ladder must not bend).
   */
  readonly outside?: 'clamp' | 'stay';
}

/** `value` as entry i stores it: rounded to the working precision, and to float32 storage. */
function stored(layout: TreeLayout, i: number, value: number, precision: Precision): number {
  const v = roundTo(precision, value);
  return layout.storesFloat32(i) ? Math.fround(v) : v;
}

/**
 * The value entry i holds when asked to hold `target`: rounded to the working precision (and
 * to float32 where θ stores float32), put on its bound when rounding pushed it across.
 *
 * @example
 * place(layout, 0, 1 + 1e-4, 'float32'); // Math.fround(1.0001)
 * @internal
 */
export function place(layout: TreeLayout, i: number, target: number, precision: Precision, domain?: Domain): number {
  const value = stored(layout, i, target, precision);
  if (inside(domain, i, value)) return value;
  const { lower, upper } = domain as Domain;
  const bound = value < lower[i] ? lower[i] : upper[i];
  const clamped = stored(layout, i, bound, precision);
  if (inside(domain, i, clamped)) return clamped;
  throw new GradcheckError(`the bound ${formatNumber(bound)} is not representable in ${precision}; widen options.bounds`);
}

/**
 * The point a move reaches, and whether any entry actually changed.
 *
 * @example
 * pointOf(ctx, { support: [3], delta: () => 1e-4, site: { path: 'b[1]', delta: 1e-4 } }).point.values; // [θ₃ + 1e-4]
 */
export function pointOf<R>(ctx: ProbeContext<R>, move: Move): { point: Point; moved: boolean } {
  const x = ctx.layout.values;
  const { support } = move;
  const dense = support.length > 8;
  const values: number[] | Float64Array = dense ? new Float64Array(support.length) : [];
  let moved = false;
  for (let k = 0; k < support.length; k++) {
    const i = support[k];
    let v: number;
    if (move.outside === 'stay') {
      v = stored(ctx.layout, i, x[i] + move.delta(i), ctx.precision);
      if (!inside(ctx.domain, i, v)) v = x[i];
    } else {
      v = place(ctx.layout, i, x[i] + move.delta(i), ctx.precision, ctx.domain);
    }
    if (v !== x[i]) moved = true;
    if (dense) values[k] = v;
    else (values as number[]).push(v);
    move.taken?.(i, v - x[i]);
  }
  return { point: { indices: support, values, site: move.site }, moved };
}

/**
 * f at θ moved (one evaluation).
 *
 * @example
 * yield* probe(ctx, { support: [3], delta: () => 1e-4, site: { path: 'b[1]', delta: 1e-4 } }); // f(θ + 1e-4·e₃)
 */
export function* probe<R>(ctx: ProbeContext<R>, move: Move): Measurement<R> {
  return yield* evaluateOne(ctx.target, pointOf(ctx, move).point);
}

/**
 * `probe`, but without evaluating f when rounding left every entry where it was (undefined then).
 *
 * @example
 * yield* probeIfMoved(ctx, { support: all, delta: (i) => 1e-20 * d[i], site: { path: 'θ' } }); // undefined
 */
export function* probeIfMoved<R>(ctx: ProbeContext<R>, move: Move): Measurement<R | undefined> {
  const { point, moved } = pointOf(ctx, move);
  if (!moved) return undefined;
  return yield* evaluateOne(ctx.target, point);
}

/**
 * A probe context over a counting evaluator (`ScalarEvaluator`, `VectorEvaluator`).
 *
 * @example
 * const ctx = probeContext(new ScalarEvaluator(f, 'numericGradient'), layout, 'float64');
 */
export function probeContext<R>(target: Target<R>, layout: TreeLayout, precision: Precision, domain?: Domain): ProbeContext<R> {
  return { layout, precision, domain, target };
}

/**
 * f(θ), evaluated on first use and then shared (by every coordinate of a one-sided pass).
 *
 * @example
 * const f0 = sharedCenter(ctx); yield* f0(); yield* f0(); // one evaluation
 */
export function sharedCenter<R>(ctx: ProbeContext<R>, known?: R): () => Measurement<R> {
  let value = known;
  let done = known !== undefined;
  return function* center() {
    if (!done) {
      value = yield* evaluateOne(ctx.target, AT_THETA);
      done = true;
    }
    return value as R;
  };
}
