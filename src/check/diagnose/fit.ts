/** A fit counts as evidence when its relative residual over the entries it explains is below this. */
export const FIT_RESIDUAL = 1e-3;

/**
 * …or, with noisy numerical values (float32), when its residual is below this and every entry
 * it explains agrees with the fitted model within the check's tolerance and error estimates.
 */
export const NOISY_FIT_RESIDUAL = 0.05;

/** A fitted factor this close to a round value (−1, 2, …) is stated as that value. */
export const ROUND_FACTOR = 1e-3;

/**
 * At most this share of a fit's entries may lie off it (a few kinks, a float32 outlier, a stray
 * wrong entry) for the fit to still count as the explanation: beyond a fifth, "a few" exceptions
 * are no longer few.
 */
export const MAX_OUTLIER_SHARE = 0.2;

/** Least-squares (or robust) fit y ≈ Σ coef[k]·basis[k] over some entries. */
export interface LinearFit {
  readonly coef: readonly number[];
  /** ‖y − fit‖ / ‖y‖ over the inliers. */
  readonly residual: number;
  /** Entries the fit explains within their tolerance. */
  readonly inliers: readonly number[];
  /** Entries off the fit. */
  readonly outliers: readonly number[];
}

type Series = (i: number) => number;

/** Relative size of a pivot below which two basis functions count as collinear (1e-12 ≈ 10⁴ ulps of a float64). */
const COLLINEAR = 1e-12;

/** Solves the small normal equations M·x = v by Gaussian elimination with partial pivoting. */
function solve(M: number[][], v: number[]): number[] | undefined {
  const p = v.length;
  const A = M.map((row, r) => [...row, v[r]]);
  const scale = Math.max(...M.map((row, r) => row[r]));
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    // A pivot this small means collinear basis functions (θ ∝ n): their coefficients mean nothing.
    if (!(Math.abs(A[piv][c]) > COLLINEAR * scale)) return undefined;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  const x = A.map((row, r) => row[p] / row[r]);
  return x.every(Number.isFinite) ? x : undefined;
}

/**
 * Ordinary least squares y ≈ Σ coef[k]·basis[k] over `indices`; undefined when the basis is
 * degenerate there (a zero or repeated column) or y vanishes.
 *
 * @example
 * leastSquares((i) => [2, 4][i], [(i) => [1, 2][i]], [0, 1]); // { coef: [2], residual: 0 }
 */
export function leastSquares(
  y: Series,
  basis: readonly Series[],
  indices: readonly number[],
): { coef: number[]; residual: number } | undefined {
  const p = basis.length;
  const M = basis.map(() => new Array<number>(p).fill(0));
  const v = new Array<number>(p).fill(0);
  let yy = 0;
  for (const i of indices) {
    const yi = y(i);
    const xs = basis.map((b) => b(i));
    yy += yi * yi;
    for (let r = 0; r < p; r++) {
      v[r] += xs[r] * yi;
      for (let c = 0; c < p; c++) M[r][c] += xs[r] * xs[c];
    }
  }
  if (!(yy > 0) || !Number.isFinite(yy)) return undefined;
  // A column much smaller than the others carries no information: treat the basis as degenerate.
  if (M.some((row, r) => !(row[r] > 0))) return undefined;
  const coef = solve(M, v);
  if (!coef) return undefined;
  let rr = 0;
  for (const i of indices) rr += (y(i) - predict(coef, basis, i)) ** 2;
  return { coef, residual: Math.sqrt(rr / yy) };
}

function predict(coef: readonly number[], basis: readonly Series[], i: number): number {
  let s = 0;
  for (let k = 0; k < coef.length; k++) s += coef[k] * basis[k](i);
  return s;
}

/** How far entry i may lie from the fitted value and still count as explained. */
export type Allowance = (i: number, fitted: number, coef: readonly number[]) => number;

/** The steps of refitting on the entries a fit explains (a fit settles in one or two). */
const ROBUST_ROUNDS = 4;

/**
 * Robust fit: least squares, then refits on the entries within `allow` of the fit (trimming to
 * the best 1 − MAX_OUTLIER_SHARE when too few are), so that a few outliers (kinks, float32
 * noise, a stray wrong entry) cannot pull the fit off. Undefined when no fit explains at least
 * 1 − MAX_OUTLIER_SHARE of the entries with a residual under NOISY_FIT_RESIDUAL.
 *
 * @example
 * // a = 2·n on every entry but one kink:
 * robustFit((i) => a[i], [(i) => n[i]], indices, allow)?.coef; // [2]
 */
export function robustFit(
  y: Series,
  basis: readonly Series[],
  indices: readonly number[],
  allow: Allowance,
): LinearFit | undefined {
  const need = Math.max(basis.length + (basis.length > 1 ? 2 : 1), Math.ceil((1 - MAX_OUTLIER_SHARE) * indices.length));
  if (indices.length < need) return undefined;
  let set = indices;
  for (let round = 0; round < ROBUST_ROUNDS; round++) {
    const fit = leastSquares(y, basis, set);
    if (!fit) return undefined;
    const off = (i: number) => Math.abs(y(i) - predict(fit.coef, basis, i)) / allow(i, predict(fit.coef, basis, i), fit.coef);
    const inliers = indices.filter((i) => off(i) <= 1);
    const settled = inliers.length === set.length && inliers.every((i, k) => i === set[k]);
    if (settled && inliers.length >= need) {
      if (fit.residual >= NOISY_FIT_RESIDUAL) return undefined;
      const inSet = new Set(inliers);
      return { coef: fit.coef, residual: fit.residual, inliers, outliers: indices.filter((i) => !inSet.has(i)) };
    }
    set =
      inliers.length >= need
        ? inliers
        : [...indices]
            .sort((p, q) => off(p) - off(q))
            .slice(0, need)
            .sort((p, q) => p - q);
  }
  return undefined;
}

/**
 * Whether a fitted coefficient is c within the fit's own resolution.
 *
 * @example
 * near(-0.99999, -1); // true
 */
export function near(x: number, c: number, slack = ROUND_FACTOR): boolean {
  return Math.abs(x - c) <= slack * Math.max(1, Math.abs(c));
}

/**
 * A fitted factor stated as the round value it is close to, if any.
 *
 * @example
 * roundFactor(4.99999); // 5
 */
export function roundFactor(k: number): number {
  const r = Math.round(k);
  return r !== 0 && Math.abs(k - r) <= ROUND_FACTOR * Math.abs(k) ? r : k;
}
