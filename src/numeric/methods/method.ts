/**
 * A finite-difference method as a value (after FiniteDifferences.jl's `central_fdm(p, q)`):
 * the grid, the weights, what it estimates, how accurate it is and how its error is estimated.
 * One function (`applyMethod`) applies any of them, to a coordinate or to a direction.
 */
import type { Side } from '../domains.js';
import type { Precision } from '../precision.js';

/** How the error of a method's quotient is estimated. */
export interface ErrorModel {
  /**
   * Σ|wₖ|: each value of f carries a few ulps of |f|, so the quotient Σ wₖ f(θ + oₖh) / hᵈ
   * carries about condition · ulps · ε · |f| / hᵈ of round-off.
   */
  readonly condition: number;
  /**
   * c in the leading truncation term c · f⁽ᵈ⁺ᵖ⁾ · hᵖ (p the order): Σ wₖ oₖᵈ⁺ᵖ / (d + p)!.
   * It sets a user method's default step, where truncation balances round-off.
   */
  readonly truncation: number;
  /**
   * The powers of h in the truncation error after the first: every second one vanishes for a
   * symmetric grid with antisymmetric weights (central differences: h², h⁴, …), so 2; else 1.
   */
  readonly powerStep: 1 | 2;
}

/** Richardson extrapolation of a base method over the steps h, h/ratio, h/ratio², … */
export interface Extrapolation {
  /** Ratio between successive steps. */
  readonly ratio: number;
  /** At most this many steps (fewer when round-off takes over). */
  readonly levels: number;
}

/**
 * A finite-difference method: dᵈf/dsᵈ(0) ≈ Σₖ wₖ f(oₖh) / hᵈ along a line through θ (a
 * coordinate or a direction), with truncation error O(hᵖ), p = `order`.
 */
export interface FiniteDifferenceMethod {
  /** Name in reports and messages: `'central'`, `'forward'`, `'backward'`, `'richardson'`, … */
  readonly name: string;
  /** The grid in units of h, ascending; a 0 is f(θ), evaluated once and shared by every line. */
  readonly offsets: readonly number[];
  /** The weight of each offset (for h = 1). */
  readonly weights: readonly number[];
  /** The derivative it estimates: 1 for a gradient, 2 for a second derivative. */
  readonly derivative: number;
  /** Order of accuracy p: the truncation error is O(hᵖ). */
  readonly order: number;
  /** +1 when every offset is ≥ 0 (forward), −1 when every one is ≤ 0 (backward), else 0. */
  readonly side: Side;
  readonly errorModel: ErrorModel;
  /** Set for a Richardson method: this method's stencil applied over a ladder of steps, extrapolated. */
  readonly extrapolation?: Extrapolation;
  /** The base step h (each coordinate scales it by max(1, |θᵢ|)) when options.step is not given. */
  defaultStep(precision: Precision): number;
  /** The name, so that `${method}` in a message reads `central`, not `[object Object]`. */
  toString(): string;
}
