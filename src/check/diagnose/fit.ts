/** A fit counts as evidence when its relative residual is below this. */
export const FIT_RESIDUAL = 1e-3;

/**
 * …or, with noisy numerical values (float32), when its residual is below this and the fitted
 * model agrees with every analytic entry within the check's tolerance and error estimates.
 */
export const NOISY_FIT_RESIDUAL = 0.05;

/** A fitted factor this close to a round value (−1, 2, …) is stated as that value. */
export const ROUND_FACTOR = 1e-3;

/** Result of a one-parameter least-squares fit y ≈ c·x, with ‖y − c·x‖ / ‖y‖. */
export interface Fit {
  readonly c: number;
  readonly residual: number;
}

/**
 * Least-squares fit y ≈ c·x over `indices`: c = ⟨y, x⟩ / ⟨x, x⟩, relative residual ‖y − c·x‖ / ‖y‖.
 * NaN and an infinite residual when x or y vanish there.
 *
 * @example
 * fitScale([2, 4], [1, 2], [0, 1]); // { c: 2, residual: 0 }
 */
export function fitScale(y: (i: number) => number, x: (i: number) => number, indices: readonly number[]): Fit {
  let yx = 0;
  let xx = 0;
  let yy = 0;
  for (const i of indices) {
    const yi = y(i);
    const xi = x(i);
    yx += yi * xi;
    xx += xi * xi;
    yy += yi * yi;
  }
  if (xx === 0 || yy === 0 || !Number.isFinite(xx + yy)) return { c: Number.NaN, residual: Number.POSITIVE_INFINITY };
  const c = yx / xx;
  let r = 0;
  for (const i of indices) r += (y(i) - c * x(i)) ** 2;
  return { c, residual: Math.sqrt(r / yy) };
}

/**
 * a ≈ k·n over `indices` (a sign error when k ≈ −1, a uniform factor otherwise).
 *
 * @example
 * fitFactor(new Float64Array([-1, -2]), new Float64Array([1, 2]), [0, 1]).c; // -1
 */
export function fitFactor(a: ArrayLike<number>, n: ArrayLike<number>, indices: readonly number[]): Fit {
  return fitScale(
    (i) => a[i],
    (i) => n[i],
    indices,
  );
}

/**
 * a − n ≈ c·θ over `indices`: a term proportional to θ (L2 regularisation) missing (c < 0)
 * or extra (c > 0) in the analytic gradient.
 *
 * @example
 * fitTerm(new Float64Array([1]), new Float64Array([1.5]), new Float64Array([5]), [0]).c; // -0.1
 */
export function fitTerm(a: ArrayLike<number>, n: ArrayLike<number>, theta: ArrayLike<number>, indices: readonly number[]): Fit {
  return fitScale(
    (i) => a[i] - n[i],
    (i) => theta[i],
    indices,
  );
}
