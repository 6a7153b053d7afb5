/**
 * Symmetry of a Hessian, for the dense and the sparse Hessian checks: the pairs (i, j) whose
 * entries (i, j) and (j, i) differ, and how a finding names them.
 */
import { formatNumber } from '../../numeric/errors.js';
import { agrees } from '../compare.js';
import type { Settings } from '../settings/types.js';

/** How many asymmetric pairs a finding names. */
const PAIRS_SHOWN = 3;

/**
 * Pairs (i < j) where M[i][j] and M[j][i] differ beyond tolerance (and their error estimates),
 * over row i's `columns` (a sparse pattern's; every j when omitted). Pairs with a non-finite
 * entry are left out: the non-finite finding names those.
 *
 * @example
 * asymmetricPairs(Float64Array.of(1, 2, 3, 1), 2, { rtol: 1e-5, atol: 1e-8 }); // [[0, 1]]
 */
export function asymmetricPairs(
  M: Float64Array,
  n: number,
  settings: Pick<Settings, 'rtol' | 'atol'>,
  errors?: Float64Array,
  columns?: (i: number) => ArrayLike<number>,
): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const js = columns ? Array.from(columns(i)) : Array.from({ length: n }, (_, j) => j);
    for (const j of js) {
      if (j <= i) continue;
      // A NaN or ±∞ entry is the non-finite finding's, and no evidence about symmetry.
      if (!Number.isFinite(M[i * n + j]) || !Number.isFinite(M[j * n + i])) continue;
      const err = errors ? errors[i * n + j] + errors[j * n + i] : 0;
      if (!agrees(M[i * n + j], M[j * n + i], err, settings.rtol, settings.atol)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/**
 * The first few asymmetric pairs with both values, for a finding.
 *
 * @example
 * describePairs([[0, 1]], (i, j) => `H[${i}][${j}]`, Float64Array.of(1, 2, 3, 1), 2); // 'H[0][1] = 2 but H[1][0] = 3'
 */
export function describePairs(
  pairs: readonly [number, number][],
  name: (i: number, j: number) => string,
  M: Float64Array,
  n: number,
): string {
  const shown = pairs
    .slice(0, PAIRS_SHOWN)
    .map(([i, j]) => `${name(i, j)} = ${formatNumber(M[i * n + j])} but ${name(j, i)} = ${formatNumber(M[j * n + i])}`);
  const more = pairs.length > PAIRS_SHOWN ? `, …${pairs.length - PAIRS_SHOWN} more pairs` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * The finding when the Jacobian of options.gradient measured asymmetric: it is no gradient.
 *
 * @example
 * notAGradient(pairs, name, num.values, n); // 'options.gradient is not the gradient of any function: …'
 */
export function notAGradient(
  pairs: readonly [number, number][],
  name: (i: number, j: number) => string,
  M: Float64Array,
  n: number,
): string {
  return `options.gradient is not the gradient of any function: its Jacobian is not symmetric (${describePairs(pairs, name, M, n)}). Check it with toHaveGradient first.`;
}
