import { GradcheckError } from '../errors.js';

/** Largest grid a method may have: Vandermonde systems beyond this are too ill-conditioned to trust. */
export const MAX_GRID_POINTS = 12;

function factorial(k: number): number {
  let out = 1;
  for (let j = 2; j <= k; j++) out *= j;
  return out;
}

/**
 * The weights w of the finite-difference formula f⁽ᵈ⁾(0) ≈ Σ wₖ f(xₖ) on the nodes x (any
 * distinct numbers): the solution of the Vandermonde system Σₖ wₖ xₖʲ = d!·[j = d], j < K,
 * by Gaussian elimination with partial pivoting (K is small).
 *
 * @example
 * stencilWeights([-1, 1], 1);         // [-0.5, 0.5]
 * stencilWeights([-2, -1, 1, 2], 1);  // [1/12, -8/12, 8/12, -1/12]
 */
export function stencilWeights(nodes: readonly number[], derivative: number): number[] {
  const K = nodes.length;
  const rows = Array.from({ length: K }, (_, j) => [...nodes.map((x) => x ** j), j === derivative ? factorial(j) : 0]);
  for (let col = 0; col < K; col++) {
    let pivot = col;
    for (let r = col + 1; r < K; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[pivot][col])) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot], rows[col]];
    for (let r = col + 1; r < K; r++) {
      const factor = rows[r][col] / rows[col][col];
      if (factor === 0) continue;
      for (let c = col; c <= K; c++) rows[r][c] -= factor * rows[col][c];
    }
  }
  const w = new Array<number>(K).fill(0);
  for (let r = K - 1; r >= 0; r--) {
    let s = rows[r][K];
    for (let c = r + 1; c < K; c++) s -= rows[r][c] * w[c];
    w[r] = s / rows[r][r];
  }
  return w;
}

/**
 * Checks a grid for `fdm`: finite, distinct, more points than the derivative's order, at most
 * MAX_GRID_POINTS. Returns it sorted ascending.
 *
 * @example
 * checkedGrid([1, -1], 1, 'fdm'); // [-1, 1]
 */
export function checkedGrid(offsets: unknown, derivative: number, caller: string): number[] {
  if (!Array.isArray(offsets) || !offsets.every((o) => typeof o === 'number' && Number.isFinite(o))) {
    throw new GradcheckError(`${caller}: offsets must be an array of finite numbers (the grid in units of h), e.g. [-1, 1]`);
  }
  const grid = [...offsets].sort((a, b) => a - b);
  if (grid.some((o, k) => k > 0 && o === grid[k - 1])) {
    throw new GradcheckError(`${caller}: offsets must be distinct, but got [${offsets.join(', ')}]`);
  }
  if (grid.length <= derivative || grid.length > MAX_GRID_POINTS) {
    throw new GradcheckError(
      `${caller}: a derivative of order ${derivative} needs between ${derivative + 1} and ${MAX_GRID_POINTS} offsets, but got ${grid.length}`,
    );
  }
  return grid;
}

/** Moments beyond the grid's size looked at for the order of accuracy. */
const EXTRA_MOMENTS = 4;

/** A moment counts as zero below this fraction of Σ|wₖ oₖʲ| (exact moments are 0 up to rounding). */
const MOMENT_ZERO = 1e-9;

/**
 * The order of accuracy of weights on a grid and the coefficient of its leading error term:
 * the first moment Σ wₖ oₖʲ beyond the derivative that does not vanish, at j = d + p.
 *
 * @example
 * accuracyOf([-1, 1], [-0.5, 0.5], 1); // { order: 2, truncation: 1/6 }
 */
export function accuracyOf(
  grid: readonly number[],
  weights: readonly number[],
  derivative: number,
): { order: number; truncation: number } {
  for (let j = derivative + 1; j < grid.length + EXTRA_MOMENTS; j++) {
    let moment = 0;
    let size = 0;
    for (let k = 0; k < grid.length; k++) {
      moment += weights[k] * grid[k] ** j;
      size += Math.abs(weights[k] * grid[k] ** j);
    }
    if (Math.abs(moment) > MOMENT_ZERO * size) return { order: j - derivative, truncation: moment / factorial(j) };
  }
  return { order: grid.length + EXTRA_MOMENTS - derivative, truncation: 0 };
}
