/**
 * The one probe primitive of the numeric core: move a working copy of θ along a coordinate, a
 * pair of coordinates or a direction, evaluate f there, and restore θ. Every stencil (first and
 * second differences, tangents, directions, kinks, the Taylor test) is built on it.
 */
import { type Domain, inside } from './domains.js';
import { GradcheckError, formatNumber } from './errors.js';
import type { EvaluationSite } from './evaluate.js';
import { type Precision, roundTo } from './precision.js';
import type { TreeLayout, WorkingCopy } from './tree.js';

/** What a probe needs: the working copy, how to store entries, and how to evaluate f. */
export interface ProbeContext<R> {
  readonly layout: TreeLayout;
  readonly copy: WorkingCopy;
  readonly precision: Precision;
  /** Bounds per entry: a stored entry that rounding pushed across its bound is put on it. */
  readonly domain?: Domain;
  /** f at the copy as it is now (a counting evaluator's `call`). */
  evaluate(theta: unknown, site: EvaluationSite): R;
}

/** A displacement of θ: which entries move, by how much, and how to name it in messages. */
export interface Move {
  /** The entries moved (flat indices). */
  readonly support: ArrayLike<number>;
  /** Requested displacement of entry i (rounded to the working precision when stored). */
  delta(i: number): number;
  /**
   * Where f is evaluated, for error messages (`W[0][1]` moved by +1e-4, `θ along tangent 2`);
   * a function is asked after the move, so that it can name the displacement actually taken.
   */
  readonly site: EvaluationSite | (() => EvaluationSite);
  /** Told the displacement actually stored for each entry (float32 rounding, bounds). */
  taken?(i: number, delta: number): void;
  /**
   * At a bound: `'clamp'` (default) puts an entry that rounding pushed outside on the bound;
   * `'stay'` leaves it at θᵢ (the Taylor test, whose ladder must not bend).
   */
  readonly outside?: 'clamp' | 'stay';
}

/**
 * Stores θᵢ + target in entry i (rounded to float32 where the model stores float32) and returns
 * the value actually stored; a value that rounding pushed across its bound is put on the bound.
 *
 * @example
 * place(copy, 0, 1 + 1e-4, 'float32'); // Math.fround(1.0001)
 * @internal
 */
export function place(copy: WorkingCopy, i: number, target: number, precision: Precision, domain?: Domain): number {
  const stored = copy.set(i, roundTo(precision, target));
  if (inside(domain, i, stored)) return stored;
  const { lower, upper } = domain as Domain;
  const bound = stored < lower[i] ? lower[i] : upper[i];
  const clamped = copy.set(i, bound);
  if (inside(domain, i, clamped)) return clamped;
  throw new GradcheckError(`the bound ${formatNumber(bound)} is not representable in ${precision}; widen options.bounds`);
}

/** Moves the support; returns whether any entry actually changed, and the values stored. */
function displace<R>(ctx: ProbeContext<R>, move: Move): { moved: boolean; stored: Float64Array } {
  const x = ctx.layout.values;
  const { support } = move;
  const storedValues = new Float64Array(support.length);
  let moved = false;
  for (let k = 0; k < support.length; k++) {
    const i = support[k];
    let stored: number;
    if (move.outside === 'stay') {
      stored = ctx.copy.set(i, roundTo(ctx.precision, x[i] + move.delta(i)));
      if (!inside(ctx.domain, i, stored)) stored = ctx.copy.set(i, x[i]);
    } else {
      stored = place(ctx.copy, i, x[i] + move.delta(i), ctx.precision, ctx.domain);
    }
    if (stored !== x[i]) moved = true;
    storedValues[k] = stored;
    move.taken?.(i, stored - x[i]);
  }
  return { moved, stored: storedValues };
}

function siteOf(move: Move): EvaluationSite {
  return typeof move.site === 'function' ? move.site() : move.site;
}

/**
 * Puts the moved entries back. An entry f overwrote while it was moved keeps f's value: the
 * write into θ must stay visible to the mutation guard (restoring it would hide it, e.g. for a
 * direction that moves every entry).
 */
function restore<R>(ctx: ProbeContext<R>, support: ArrayLike<number>, stored: Float64Array): void {
  const x = ctx.layout.values;
  for (let k = 0; k < support.length; k++) {
    const i = support[k];
    if (Object.is(ctx.copy.get(i), stored[k])) ctx.copy.set(i, x[i]);
  }
}

/**
 * Moves θ, evaluates f there (one call) and restores θ.
 *
 * @example
 * probe(ctx, { support: [3], delta: () => 1e-4, site: { path: 'b[1]', delta: 1e-4 } }); // f(θ + 1e-4·e₃)
 */
export function probe<R>(ctx: ProbeContext<R>, move: Move): R {
  const { stored } = displace(ctx, move);
  const value = ctx.evaluate(ctx.copy.root(), siteOf(move));
  restore(ctx, move.support, stored);
  return value;
}

/**
 * `probe`, but without calling f when rounding left every entry where it was (undefined then).
 *
 * @example
 * probeIfMoved(ctx, { support: all, delta: (i) => 1e-20 * d[i], site: { path: 'θ' } }); // undefined
 */
export function probeIfMoved<R>(ctx: ProbeContext<R>, move: Move): R | undefined {
  const { moved, stored } = displace(ctx, move);
  const value = moved ? ctx.evaluate(ctx.copy.root(), siteOf(move)) : undefined;
  restore(ctx, move.support, stored);
  return value;
}

/**
 * f with entry i moved by about `delta`: the value and the displacement actually taken.
 *
 * @example
 * probeCoordinate(ctx, 0, 1e-4); // { value: f(θ + 1e-4·e₀), delta: 1e-4 (or its float32 rounding) }
 */
export function probeCoordinate<R>(ctx: ProbeContext<R>, i: number, delta: number): { value: R; delta: number } {
  let taken = 0;
  const value = probe(ctx, {
    support: [i],
    delta: () => delta,
    site: () => ({ path: ctx.layout.pathAt(i), delta: taken }),
    taken: (_, d) => {
      taken = d;
    },
  });
  return { value, delta: taken };
}

/**
 * A probe context over a counting evaluator (`ScalarEvaluator`, `VectorEvaluator`).
 *
 * @example
 * const ctx = probeContext(new ScalarEvaluator(f, 'numericGradient'), layout, layout.workingCopy(), 'float64');
 */
export function probeContext<R>(
  evaluator: { call(theta: unknown, site: EvaluationSite): R },
  layout: TreeLayout,
  copy: WorkingCopy,
  precision: Precision,
  domain?: Domain,
): ProbeContext<R> {
  return { layout, copy, precision, domain, evaluate: (theta, site) => evaluator.call(theta, site) };
}

/**
 * f(θ), evaluated on first use and then shared (by every coordinate of a one-sided pass).
 *
 * @example
 * const f0 = sharedCenter(ctx); f0(); f0(); // one call of f
 */
export function sharedCenter<R>(ctx: ProbeContext<R>, known?: R): () => R {
  let value = known;
  let done = known !== undefined;
  return () => {
    if (!done) {
      value = ctx.evaluate(ctx.copy.root(), {});
      done = true;
    }
    return value as R;
  };
}
