/**
 * The layer checks' group hints (zero, sign, factor, transpose) over a group of entries. The
 * diagnosis registry (src/check/diagnose) takes these over.
 */
import { formatNumber } from '../../numeric/errors.js';
import type { Tensor } from '../../numeric/tree.js';

/** Least-squares a ≈ k·n over some entries, with the relative residual. */
function fit(a: ArrayLike<number>, n: ArrayLike<number>, idx: readonly number[]): { k: number; residual: number } {
  let an = 0;
  let nn = 0;
  let aa = 0;
  for (const i of idx) {
    an += a[i] * n[i];
    nn += n[i] * n[i];
    aa += a[i] * a[i];
  }
  if (nn === 0 || aa === 0) return { k: Number.NaN, residual: Number.POSITIVE_INFINITY };
  const k = an / nn;
  let r = 0;
  for (const i of idx) r += (a[i] - k * n[i]) ** 2;
  return { k, residual: Math.sqrt(r / aa) };
}

/** A fit counts as evidence when its relative residual is below this. */
const FIT_RESIDUAL = 1e-3;

/**
 * Diagnoses of a group of entries that holds failures: a wrong sign, a uniform factor, an
 * analytic part that is all zero (a missing term), or a square matrix given transposed.
 * `square` gives (rows, cols, index(r, c)) when the group is a square matrix.
 *
 * @example
 * groupHints('b', 'vector–Jacobian product', [0, 0], [1, 2], [0, 1]); // ['Missing term: …']
 */
export function groupHints(
  name: string,
  what: string,
  a: ArrayLike<number>,
  n: ArrayLike<number>,
  idx: readonly number[],
  square?: { size: number; at: (r: number, c: number) => number },
): string[] {
  if (idx.every((i) => a[i] === 0) && idx.some((i) => n[i] !== 0)) {
    return [
      `Missing term: the analytic ${what} is zero on all of ${name}, but the numerical one is not. Was that term left out?`,
    ];
  }
  const f = fit(a, n, idx);
  if (f.residual < FIT_RESIDUAL && Math.abs(f.k + 1) < 1e-3) {
    return [
      `Sign error: the analytic ${what} is −1 × the numerical one on ${name} (least-squares fit, residual ${formatNumber(f.residual)}).`,
    ];
  }
  if (f.residual < FIT_RESIDUAL && Math.abs(f.k - 1) > 1e-3) {
    return [
      `Uniform factor: the analytic ${what} is ${formatNumber(f.k)} × the numerical one on ${name} (least-squares fit, residual ${formatNumber(f.residual)}).`,
    ];
  }
  if (square && square.size > 1) {
    let diff = 0;
    let norm = 0;
    let asym = 0;
    for (let r = 0; r < square.size; r++) {
      for (let c = 0; c < square.size; c++) {
        const x = a[square.at(r, c)];
        diff += (x - n[square.at(c, r)]) ** 2;
        norm += x * x;
        asym += (n[square.at(r, c)] - n[square.at(c, r)]) ** 2;
      }
    }
    if (norm > 0 && Math.sqrt(diff / norm) < FIT_RESIDUAL && Math.sqrt(asym / norm) > 10 * FIT_RESIDUAL) {
      return [
        `Transposed: the analytic ${what} on ${name} is the transpose of the numerical one (rows and columns swapped, e.g. Wᵀ where W belongs).`,
      ];
    }
  }
  return [];
}

/**
 * The square-matrix accessor of a 2-D tensor of θ-shaped values, when it is square.
 *
 * @example
 * squareOf({ name: 'W', offset: 3, size: 4, shape: [2, 2], dtype: 'float64' })?.at(1, 0); // 5
 */
export function squareOf(tensor: Tensor): { size: number; at: (r: number, c: number) => number } | undefined {
  if (tensor.shape.length !== 2 || tensor.shape[0] !== tensor.shape[1]) return undefined;
  const size = tensor.shape[0];
  return { size, at: (r, c) => tensor.offset + r * size + c };
}
