import type { Side } from '../domains.js';
import { GradcheckError } from '../errors.js';
import { type Precision, epsilonOf } from '../precision.js';
import type { FiniteDifferenceMethod } from './method.js';
import { accuracyOf, checkedGrid, stencilWeights } from './weights.js';

/** Options of `fdm`. */
export interface FdmOptions {
  /**
   * The derivative the method estimates.
   * @defaultValue 1
   */
  readonly derivative?: number;
  /** Its name in reports and messages. @defaultValue `fdm([…])` */
  readonly name?: string;
  /**
   * The base step when options.step is not given.
   * @defaultValue the step where truncation balances round-off (see `balancedStep`)
   */
  readonly defaultStep?: (precision: Precision) => number;
}

/**
 * The step that minimises |c|·hᵖ + condition·ε/hᵈ (truncation against round-off, with f and its
 * derivatives of one size): h* = (d·condition·ε / (p·|c|))^(1/(p + d)). For central differences
 * this is the textbook ∛(3ε) ≈ 8.7e-6; for the fourth-order grid [-2, -1, 1, 2], ≈ 1.2e-3.
 *
 * @example
 * balancedStep({ derivative: 1, order: 2, condition: 1, truncation: 1 / 6 }, 'float64'); // ≈ 8.7e-6
 */
export function balancedStep(
  m: { readonly derivative: number; readonly order: number; readonly condition: number; readonly truncation: number },
  precision: Precision,
): number {
  const c = Math.abs(m.truncation) || 1;
  return ((m.derivative * m.condition * epsilonOf(precision)) / (m.order * c)) ** (1 / (m.order + m.derivative));
}

function sideOf(grid: readonly number[]): Side {
  if (grid[0] >= 0) return 1;
  if (grid[grid.length - 1] <= 0) return -1;
  return 0;
}

/** Whether the grid is symmetric about 0 and the weights (anti)symmetric, so that every second error power vanishes. */
function isSymmetric(grid: readonly number[], weights: readonly number[], derivative: number): boolean {
  const parity = derivative % 2 === 0 ? 1 : -1;
  const K = grid.length;
  const tol = 1e-12 * Math.max(...weights.map(Math.abs));
  return grid.every((o, k) => o === -grid[K - 1 - k] && Math.abs(weights[k] - parity * weights[K - 1 - k]) <= tol);
}

/**
 * A finite-difference method from its grid (offsets in units of h): the weights come from a
 * Vandermonde solve, the order of accuracy and the error model from the weights' moments. Any
 * grid works; an offset 0 means f(θ), evaluated once and shared by every coordinate.
 *
 * @example
 * const fourthOrder = fdm([-2, -1, 1, 2], { name: 'fourth-order central' });
 * fourthOrder.weights; // ≈ [1/12, -2/3, 2/3, -1/12]; fourthOrder.order === 4
 * numericGradient(f, θ, { method: fourthOrder }); // 4 calls of f per coordinate
 */
export function fdm(offsets: readonly number[], options: FdmOptions = {}): FiniteDifferenceMethod {
  const derivative = options.derivative ?? 1;
  if (!Number.isInteger(derivative) || derivative < 1) {
    throw new GradcheckError(`fdm: options.derivative must be an integer ≥ 1, but got ${String(derivative)}`);
  }
  const grid = checkedGrid(offsets, derivative, 'fdm');
  const weights = stencilWeights(grid, derivative);
  const { order, truncation } = accuracyOf(grid, weights, derivative);
  const condition = weights.reduce((s, w) => s + Math.abs(w), 0);
  const errorModel = { condition, truncation, powerStep: isSymmetric(grid, weights, derivative) ? 2 : 1 } as const;
  const name = options.name ?? `fdm([${grid.join(', ')}])`;
  const defaultStep = options.defaultStep ?? ((p: Precision) => balancedStep({ derivative, order, condition, truncation }, p));
  return Object.freeze({
    name,
    offsets: Object.freeze(grid),
    weights: Object.freeze(weights),
    derivative,
    order,
    side: sideOf(grid),
    errorModel: Object.freeze(errorModel),
    defaultStep,
    toString: () => name,
  });
}
