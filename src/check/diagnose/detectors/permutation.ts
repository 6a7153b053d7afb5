import { tolerance } from '../../compare.js';
import { MAX_OUTLIER_SHARE, robustFit } from '../fit.js';
import { errorAt } from '../scope.js';
import type { DiagnosisInput } from '../types.js';

/** How well "analytic[targets[k]] holds numeric[sources[k]]" explains the entries. */
export interface PermutationMatch {
  /** A term c·θ added correctly after the values were moved (0 when none). */
  readonly c: number;
  /** ‖a − moved n‖ / ‖a‖ over the matched entries. */
  readonly residual: number;
  /** Positions k (into `targets`) that do not match. */
  readonly misses: readonly number[];
}

function measure(input: DiagnosisInput, targets: readonly number[], sources: readonly number[], c: number): PermutationMatch {
  const { analytic: a, numeric: n, theta } = input;
  const { rtol, atol } = input.settings;
  const misses: number[] = [];
  let rr = 0;
  let aa = 0;
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    const s = sources[k];
    const moved = n[s] + (theta && c !== 0 ? c * (theta[t] - theta[s]) : 0);
    const d = Math.abs(a[t] - moved);
    if (!(d <= tolerance(a[t], moved, rtol, atol) + errorAt(input, s))) {
      misses.push(k);
      continue;
    }
    rr += d * d;
    aa += a[t] * a[t];
  }
  return { c, residual: aa === 0 ? 0 : Math.sqrt(rr / aa), misses };
}

/**
 * Whether the analytic values at `targets` are the numerical values at `sources` (the right
 * numbers in the wrong places), allowing a term c·θ that was added correctly after the move
 * (a − cθ = moved (n − cθ), as when λW is added to a transposed data gradient). Returns the
 * best match, or undefined when more than MAX_OUTLIER_SHARE of the entries miss.
 *
 * @example
 * // a square W's gradient transposed:
 * permutationMatch(input, W.indices, transposedIndices)?.misses; // []
 */
export function permutationMatch(
  input: DiagnosisInput,
  targets: readonly number[],
  sources: readonly number[],
): PermutationMatch | undefined {
  const { analytic: a, numeric: n, theta } = input;
  if (sources.some((s) => !Number.isFinite(n[s]))) return undefined;
  const allowed = Math.floor(MAX_OUTLIER_SHARE * targets.length);
  const exact = measure(input, targets, sources, 0);
  if (exact.misses.length === 0 || !theta) return exact.misses.length <= allowed ? exact : undefined;
  const ks = targets.map((_, k) => k);
  const { rtol, atol } = input.settings;
  const fit = robustFit(
    (k) => a[targets[k]] - n[sources[k]],
    [(k) => theta[targets[k]] - theta[sources[k]]],
    ks,
    (k, fitted) =>
      Math.max(tolerance(a[targets[k]], n[sources[k]] + fitted, rtol, atol) + errorAt(input, sources[k]), Number.MIN_VALUE),
  );
  const withTerm = fit ? measure(input, targets, sources, fit.coef[0]) : undefined;
  const best = withTerm && withTerm.misses.length < exact.misses.length ? withTerm : exact;
  return best.misses.length <= allowed ? best : undefined;
}
