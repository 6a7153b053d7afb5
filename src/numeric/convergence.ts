import type { Domain } from './domains.js';
import type { ScalarEvaluator } from './evaluate.js';
import { type Precision, epsilonOf } from './precision.js';
import { probeContext, probeIfMoved } from './probe.js';
import type { Random } from './random.js';
import type { TreeLayout } from './tree.js';
import type { Measurement } from './measure/protocol.js';

/**
 * The Taylor test. Along a direction d, r(h) = |f(θ + h·d) − f(θ) − h·⟨g, d⟩| is O(h²) when g
 * is the gradient and ≈ h·|⟨g − ∇f, d⟩| (order 1) when it is not. The ladder of steps starts at
 * TAYLOR_START (d is scaled per coordinate like the difference steps, ‖d‖ ≈ 1 for |θ| ≤ 1) and
 * divides by TAYLOR_RATIO each time, up to TAYLOR_STEPS steps.
 */
export const TAYLOR_START = 2 ** -3;
export const TAYLOR_RATIO = 4;
export const TAYLOR_STEPS = 16;

/**
 * Round-off floor of a residual: a few ulps of |f| for each of the two values of f (we allow
 * NOISE_ULPS), and a residual counts only when it is SIGNAL_OVER_NOISE times above that floor
 * (so the floor moves a fitted slope by at most log₄(1.1) ≈ 0.07).
 */
export const NOISE_ULPS = 16;
export const SIGNAL_OVER_NOISE = 10;

/** The slope is fitted (least squares on log–log) through this many of the smallest usable steps. */
export const ORDER_POINTS = 3;

/** A direction passes when its observed order is at least this: midway between 1 (wrong) and 2 (right). */
export const PASS_ORDER = 1.5;

/** The residual ladder along one direction, and the order observed on it. */
export interface TaylorLadder {
  /** Steps h, largest first. */
  readonly steps: readonly number[];
  /** |f(θ + h·d) − f(θ) − ⟨g, Δθ⟩| per step (Δθ the displacement actually stored). */
  readonly residuals: readonly number[];
  /** Round-off floor of the residuals. */
  readonly noise: number;
  /**
   * Fitted slope of log r against log h over the smallest usable steps; `Infinity` when every
   * residual is at round-off level (f is linear along d to working precision and g agrees).
   */
  readonly order: number;
  /** Residual over step at the smallest usable step: ≈ |⟨g − ∇f, d⟩| when the order is 1. */
  readonly slopeError: number;
}

/**
 * A random direction d = z ⊙ s / ‖z‖ with z standard normal and sᵢ = max(1, |θᵢ|), turned
 * inward at bounded entries that sit within `start·|dᵢ|` of a bound. Returns d and the largest
 * step that keeps θ + h·d inside the bounds.
 *
 * @example
 * const { direction, maxStep } = taylorDirection(TreeLayout.of([1, 2]), createRandom(0), undefined, 0.125);
 */
export function taylorDirection(
  layout: TreeLayout,
  rng: Random,
  domain: Domain | undefined,
  start: number,
): { direction: Float64Array; maxStep: number } {
  const n = layout.size;
  const d = new Float64Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    d[i] = rng.normal();
    norm += d[i] * d[i];
  }
  norm = Math.sqrt(norm) || 1;
  let maxStep = start;
  for (let i = 0; i < n; i++) {
    const x = layout.values[i];
    d[i] = (d[i] / norm) * Math.max(1, Math.abs(x));
    if (!domain || d[i] === 0) continue;
    const below = x - domain.lower[i];
    const above = domain.upper[i] - x;
    const reach = start * Math.abs(d[i]);
    if (d[i] < 0 && below < reach && above > below) d[i] = -d[i];
    else if (d[i] > 0 && above < reach && below > above) d[i] = -d[i];
    const room = d[i] > 0 ? above : below;
    maxStep = Math.min(maxStep, room / Math.abs(d[i]));
  }
  return { direction: d, maxStep };
}

/** Least-squares slope of log y against log x. */
function logSlope(x: readonly number[], y: readonly number[]): number {
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let k = 0; k < lx.length; k++) {
    num += (lx[k] - mx) * (ly[k] - my);
    den += (lx[k] - mx) ** 2;
  }
  return num / den;
}

/**
 * The order observed on a residual ladder: the slope through the ORDER_POINTS smallest steps
 * whose residual stands SIGNAL_OVER_NOISE above the round-off floor (`Infinity` when fewer than
 * two do, i.e. the residual is round-off everywhere below the first step). With the residuals'
 * `signs`, the fit skips steps before the last sign change: there the O(h) and O(h²) terms
 * of a wrong gradient cancel, and the dip would fake any slope.
 *
 * @example
 * observedOrder([1e-1, 1e-2, 1e-3], [1e-2, 1e-4, 1e-6], 1e-16); // ≈ 2
 */
export function observedOrder(
  steps: readonly number[],
  residuals: readonly number[],
  noise: number,
  signs?: readonly number[],
): { order: number; slopeError: number } {
  const usable: number[] = [];
  for (let k = 0; k < steps.length; k++) if (residuals[k] > SIGNAL_OVER_NOISE * noise) usable.push(k);
  if (usable.length < 2) {
    const k = usable[0];
    return { order: Number.POSITIVE_INFINITY, slopeError: k === undefined ? 0 : residuals[k] / steps[k] };
  }
  // The smallest usable steps: that is where the O(h) term of a wrong gradient dominates.
  let fit = usable.slice(-ORDER_POINTS);
  if (signs) {
    const lastSign = signs[fit[fit.length - 1]];
    let from = fit.length - 1;
    while (from > 0 && signs[fit[from - 1]] === lastSign) from--;
    fit = from <= fit.length - 2 ? fit.slice(from) : usable.slice(-2);
  }
  const last = fit[fit.length - 1];
  return {
    order: logSlope(
      fit.map((k) => steps[k]),
      fit.map((k) => residuals[k]),
    ),
    slopeError: residuals[last] / steps[last],
  };
}

/**
 * Runs the Taylor test along `direction`: evaluates f at θ + h·d for the ladder of steps (from
 * `start`, divided by TAYLOR_RATIO, stopping after two residuals in a row at round-off level),
 * one call of f per step. Entries are stored at working precision; the linear term uses the
 * displacement actually stored, so float32 rounding of θ + h·d is not mistaken for an error.
 * @example
 * const layout = TreeLayout.of([1, 2]);
 * const ladder = runSync(taylorLadder(new ScalarEvaluator(f, 'checkConvergence'), layout, g, d, f0, 0.125, 'float64'), layout);
 * ladder.order; // ≈ 2 when g is f's gradient
 * @internal
 */
export function* taylorLadder(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  gradient: ArrayLike<number>,
  direction: ArrayLike<number>,
  f0: number,
  start: number,
  precision: Precision,
  domain?: Domain,
): Measurement<TaylorLadder> {
  const ctx = probeContext(evaluator, layout, precision, domain);
  const support = Int32Array.from({ length: layout.size }, (_, i) => i).filter((i) => direction[i] !== 0);
  const steps: number[] = [];
  const residuals: number[] = [];
  const signs: number[] = [];
  let fScale = Math.abs(f0);
  let quiet = 0;
  for (let k = 0; k < TAYLOR_STEPS; k++) {
    const h = start / TAYLOR_RATIO ** k;
    let linear = 0;
    // One call on the probe primitive; entries that rounding would push outside stay at θᵢ.
    const f = yield* probeIfMoved(ctx, {
      support,
      delta: (i) => h * direction[i],
      site: { path: 'θ', delta: h },
      outside: 'stay',
      taken: (i, delta) => {
        linear += gradient[i] * delta;
      },
    });
    if (f === undefined) break;
    fScale = Math.max(fScale, Math.abs(f));
    const signed = f - f0 - linear;
    const r = Math.abs(signed);
    steps.push(h);
    residuals.push(r);
    signs.push(Math.sign(signed));
    const noise = NOISE_ULPS * epsilonOf(precision) * fScale;
    quiet = r <= SIGNAL_OVER_NOISE * noise ? quiet + 1 : 0;
    if (quiet >= 2) break;
  }
  const noise = NOISE_ULPS * epsilonOf(precision) * fScale;
  return { steps, residuals, noise, ...observedOrder(steps, residuals, noise, signs) };
}
