import {
  PASS_ORDER,
  SIGNAL_OVER_NOISE,
  TAYLOR_RATIO,
  TAYLOR_START,
  type TaylorLadder,
  taylorDirection,
  taylorLadder,
} from '../numeric/convergence.js';
import { resolvePrecision } from '../numeric/differences.js';
import { type Bounds, resolveBounds } from '../numeric/domains.js';
import { GradcheckError, formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import type { Precision } from '../numeric/precision.js';
import { DEFAULT_SEED, createRandom } from '../numeric/random.js';
import type { Params } from '../numeric/tree.js';
import { readTheta, requireFunction, requireOneOf, requireOptions, requirePositive } from '../numeric/validate.js';
import { analyticGradient } from './analytic.js';
import type { GradientSpec } from './gradient.js';

/** Default number of random directions of `checkConvergence`. */
export const CONVERGENCE_DIRECTIONS = 3;

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
  /** The readable summary. */
  readonly message: string;
}

const KNOWN = ['at', 'directions', 'seed', 'precision', 'bounds'];

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
export function checkConvergence<P extends Params>(
  f: (theta: P) => number,
  grad: GradientSpec<P>,
  options: ConvergenceOptions<P>,
): ConvergenceReport {
  const caller = 'checkConvergence';
  requireFunction(f, caller, 'f (the function under test)');
  const opts = requireOptions(options, caller, '{ at: θ }') as unknown as ConvergenceOptions;
  for (const key of Object.keys(opts)) {
    if (!KNOWN.includes(key))
      throw new GradcheckError(`${caller}: unknown option ${JSON.stringify(key)}; known options are ${KNOWN.join(', ')}`);
  }
  requirePositive(opts.directions, caller, 'options.directions');
  requireOneOf(opts.precision, ['float64', 'float32'], caller, 'options.precision');
  if (opts.seed !== undefined && !(typeof opts.seed === 'number' && Number.isFinite(opts.seed))) {
    throw new GradcheckError(`${caller}: options.seed must be a finite number, but got ${String(opts.seed)}`);
  }
  const layout = readTheta(opts.at, caller, 'options.at');
  const precision = resolvePrecision(opts, layout);
  const domain = resolveBounds(opts.bounds, layout, caller);
  const g = analyticGradient(grad, layout, caller).values;
  const evaluator = new ScalarEvaluator(f as (theta: unknown) => unknown, caller);
  const copy = layout.workingCopy();
  const f0 = evaluator.call(copy.root(), {});
  const rng = createRandom(opts.seed ?? DEFAULT_SEED);
  const count = Math.max(1, Math.floor(opts.directions ?? CONVERGENCE_DIRECTIONS));
  const ladders: TaylorLadder[] = [];
  for (let k = 0; k < count; k++) {
    const { direction, maxStep } = taylorDirection(layout, rng, domain, TAYLOR_START);
    ladders.push(taylorLadder(evaluator, layout, copy, g, direction, f0, maxStep, precision, domain));
  }
  const orders = ladders.map((l) => l.order);
  const order = Math.min(...orders);
  const pass = order >= PASS_ORDER;
  const hints = pass ? [] : failureHints(ladders);
  const report = { pass, order, orders, evaluations: evaluator.count, size: layout.size, checked: count, ladders, hints };
  return { ...report, message: convergenceMessage(report, precision) };
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

function orderText(order: number): string {
  return order === Number.POSITIVE_INFINITY ? '∞ (residual at round-off)' : formatNumber(round(order));
}

function convergenceMessage(report: Omit<ConvergenceReport, 'message'>, precision: Precision): string {
  const lines: string[] = [];
  const orders = report.orders.map(orderText).join(', ');
  lines.push(
    report.pass
      ? `Expected the gradient to fail the Taylor test, but the residual falls with order ${orders} along ${report.checked} random directions (2 for a correct gradient).`
      : `The gradient fails the Taylor test: the residual |f(θ + h·d) − f(θ) − h·⟨g, d⟩| falls with order ${orders} along ${report.checked} random directions (2 for a correct gradient, 1 for a wrong one; pass at ≥ ${PASS_ORDER}).`,
  );
  lines.push(
    `Observed order ${orderText(report.order)} · ${report.evaluations} evaluations of f · ${precision} · steps from ${formatNumber(TAYLOR_START)} down by ×1/${TAYLOR_RATIO}`,
  );
  const worst = report.ladders.reduce((a, b) => (b.order < a.order ? b : a));
  lines.push('', 'h → residual (worst direction):');
  for (let k = 0; k < worst.steps.length; k++) {
    const quiet = worst.residuals[k] <= SIGNAL_OVER_NOISE * worst.noise ? '  (round-off)' : '';
    lines.push(`  ${worst.steps[k].toExponential(2)}  ${worst.residuals[k].toExponential(3)}${quiet}`);
  }
  if (report.hints.length > 0) lines.push('', 'Diagnosis:', ...report.hints.map((h) => `  • ${h}`));
  return lines.join('\n');
}
