import { PASS_ORDER, TAYLOR_START, type TaylorLadder, taylorDirection, taylorLadder } from '../numeric/convergence.js';
import { AT_THETA, evaluateOne } from '../numeric/measure/protocol.js';
import { runSync } from '../numeric/measure/syncDriver.js';
import type { Bounds } from '../numeric/domains.js';
import { formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import type { Precision } from '../numeric/precision.js';
import { createRandom } from '../numeric/random.js';
import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { analyticGradient } from './analytic.js';
import { resolveSettings } from './settings/resolve.js';

export { CONVERGENCE_DIRECTIONS } from './settings/resolve.js';

/** Options of `checkConvergence`: no step and no tolerance, by design. */
export interface ConvergenceOptions<P extends Params = Params> {
  /** The point θ (required). */
  at: P;
  /**
   * How many random directions to test.
   * @defaultValue 3
   */
  directions?: number;
  /**
   * Seed of the random directions, so a failure replays.
   * @defaultValue 0
   */
  seed?: number;
  /** Precision f computes in; inferred as `'float32'` from a `Float32Array` in θ. */
  precision?: Precision;
  /** Where f is defined (see `DiffOptions.bounds`): directions turn inward at a bound and steps stay inside. */
  bounds?: Bounds;
}

/** The result of `checkConvergence`. */
export interface ConvergenceReport {
  /** True when every direction shows order ≥ 1.5 (2 expected for a correct gradient, 1 for a wrong one). */
  readonly pass: boolean;
  /** The observed order: the smallest over the directions (`Infinity`: residual at round-off everywhere). */
  readonly order: number;
  /** Observed order per direction. */
  readonly orders: readonly number[];
  /** Calls of f. */
  readonly evaluations: number;
  /** Number of entries of θ. */
  readonly size: number;
  /** Number of directions tested. */
  readonly checked: number;
  /** Per direction: the steps, residuals and round-off floor. */
  readonly ladders: readonly TaylorLadder[];
  /** What the failure means, each a sentence; empty on a pass. */
  readonly hints: readonly string[];
  /** The precision f was taken to compute in. */
  readonly precision: Precision;
  /** Wall time of the check, in milliseconds. */
  readonly durationMs: number;
  /** The readable summary, rendered when first read. */
  readonly message: string;
}

/** A Taylor-test report as the check produces it: plain data; `format` adds the message. */
export type ConvergenceData = Omit<ConvergenceReport, 'message'>;

/**
 * The Taylor test, a verdict that needs no step and no tolerance: along random directions d,
 * r(h) = |f(θ + h·d) − f(θ) − h·⟨g, d⟩| must fall like h² (order 2) over a ladder of steps
 * h = 2⁻³, 2⁻⁵, …; a wrong gradient leaves an O(h) term (order 1). The order is the slope of
 * log r against log h through the three smallest steps whose residual stands clear of
 * round-off; a direction passes at order ≥ 1.5. Cost: 1 + (at most 12 per direction) calls of f.
 * It resolves gradient errors larger than about √(round-off · curvature) along d, so it is the
 * robust fallback for noisy (float32) code rather than a replacement for `checkGradient`.
 *
 * @example
 * const report = checkConvergence(([x, y]) => x * x * y, ([x, y]) => [2 * x * y, x * x], { at: [1, 2] });
 * report.pass;  // true
 * report.order; // ≈ 2
 */
export function convergenceCheck(f: unknown, grad: unknown, options: unknown, caller: string): ConvergenceData {
  requireFunction(f, caller, 'f (the function under test)');
  const settings = resolveSettings(options, 'convergence', caller);
  const { layout, precision, domain } = settings;
  const g = analyticGradient(grad, layout, caller, 'gradient', true).values;
  const evaluator = new ScalarEvaluator(f as (theta: unknown) => unknown, caller);
  const count = settings.directions;
  const ladders = runSync(
    (function* () {
      const f0 = yield* evaluateOne(evaluator, AT_THETA);
      const rng = createRandom(settings.seed);
      const out: TaylorLadder[] = [];
      for (let k = 0; k < count; k++) {
        const { direction, maxStep } = taylorDirection(layout, rng, domain, TAYLOR_START);
        out.push(yield* taylorLadder(evaluator, layout, g, direction, f0, maxStep, precision, domain));
      }
      return out;
    })(),
    layout,
  );
  const orders = ladders.map((l) => l.order);
  const order = Math.min(...orders);
  const pass = order >= PASS_ORDER;
  const hints = pass ? [] : failureHints(ladders);
  const durationMs = performance.now() - settings.startedAt;
  return {
    pass,
    order,
    orders,
    evaluations: evaluator.count,
    size: layout.size,
    checked: count,
    ladders,
    hints,
    precision,
    durationMs,
  };
}

function failureHints(ladders: readonly TaylorLadder[]): string[] {
  const worst = ladders.reduce((a, b) => (b.order < a.order ? b : a));
  const k = ladders.indexOf(worst);
  return [
    `Along direction ${k + 1} the residual falls like h^${formatNumber(round(worst.order))}: an O(h) term remains, so g is not the gradient of f there ` +
      `(the directional derivative is off by about ${formatNumber(worst.slopeError)}). Run checkGradient to find the entries.`,
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
