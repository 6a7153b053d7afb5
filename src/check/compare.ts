import type { CheckSettings, Mismatch } from './report.js';

/**
 * An entry whose numerical estimate passes only thanks to its own error estimate, and whose
 * error estimate is at least this fraction of the entry's size, has less than one reliable
 * digit: it is listed as unresolved instead of silently passing.
 */
export const UNRESOLVED_FRACTION = 0.1;

/** What an entry is allowed to differ by, before the numerical error estimate: atol + rtol · max(|a|, |n|). */
export function tolerance(a: number, n: number, rtol: number, atol: number): number {
  return atol + rtol * Math.max(Math.abs(a), Math.abs(n));
}

/** The elementwise verdict: |a − n| ≤ atol + rtol · max(|a|, |n|) + err; a NaN or ±∞ analytic value never agrees (its own tolerance would be ∞). */
export function agrees(a: number, n: number, err: number, rtol: number, atol: number): boolean {
  return Number.isFinite(a) && Math.abs(a - n) <= tolerance(a, n, rtol, atol) + err;
}

/** True when an entry agrees only because its error estimate is too large to judge it. */
export function isUnresolved(a: number, n: number, err: number, rtol: number, atol: number): boolean {
  return (
    Math.abs(a - n) > tolerance(a, n, rtol, atol) &&
    agrees(a, n, err, rtol, atol) &&
    err >= UNRESOLVED_FRACTION * Math.max(Math.abs(a), Math.abs(n))
  );
}

/** |a − n| / max(|a|, |n|), 0 when both are 0, ∞ when a is NaN or ±∞ (a non-finite analytic value is as wrong as can be). */
export function relativeError(a: number, n: number): number {
  if (!Number.isFinite(a)) return Number.POSITIVE_INFINITY;
  const scale = Math.max(Math.abs(a), Math.abs(n));
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
}

/** Summary numbers over the compared entries. */
export interface Summary {
  readonly maxAbsError: number;
  readonly maxRelError: number;
  /** ‖a − n‖ / ‖a + n‖ (0 when both vanish, ∞ when only a + n does). */
  readonly relativeDifference: number;
}

/** Max errors and the seed's relative difference over `indices` (all entries when omitted). */
export function summarize(analytic: ArrayLike<number>, numeric: ArrayLike<number>, indices?: ArrayLike<number>): Summary {
  let maxAbsError = 0;
  let maxRelError = 0;
  let diff2 = 0;
  let sum2 = 0;
  const count = indices ? indices.length : analytic.length;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const a = analytic[i];
    const n = numeric[i];
    const d = absoluteError(a, n);
    if (d > maxAbsError) maxAbsError = d;
    const r = relativeError(a, n);
    if (r > maxRelError) maxRelError = r;
    diff2 += d * d;
    if (Number.isFinite(a)) sum2 += (a + n) * (a + n);
  }
  const relativeDifference =
    diff2 === 0
      ? 0
      : sum2 === 0 || diff2 === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : Math.sqrt(diff2) / Math.sqrt(sum2);
  return { maxAbsError, maxRelError, relativeDifference };
}

/**
 * |a − n|, ∞ when a is NaN or ±∞ (so a non-finite entry sorts first and fails every global criterion).
 *
 * @example
 * absoluteError(Number.NaN, 0.5); // Infinity
 */
export function absoluteError(a: number, n: number): number {
  return Number.isFinite(a) ? Math.abs(a - n) : Number.POSITIVE_INFINITY;
}

/** Orders mismatches worst first: by relative error, then by absolute error. */
export function worstFirst(a: Mismatch, b: Mismatch): number {
  return b.relError - a.relError || b.absError - a.absError || a.index - b.index;
}

/**
 * A mismatch row.
 *
 * @example
 * mismatchOf('b[0]', 4, 0, 1, 1e-12, 1e-5, 1e-10); // { path: 'b[0]', absError: 1, relError: 1, … }
 */
export function mismatchOf(path: string, index: number, a: number, n: number, err: number, rtol: number, atol: number): Mismatch {
  return {
    path,
    index,
    analytic: a,
    numeric: n,
    absError: absoluteError(a, n),
    relError: relativeError(a, n),
    tolerance: tolerance(a, n, rtol, atol) + err,
    errorEstimate: err,
  };
}

/**
 * The seed's global criterion, when set: ‖a − n‖ / ‖a + n‖ must stay under maxRelativeDifference.
 *
 * @example
 * withinGlobal({ ...settings, maxRelativeDifference: 1e-9 }, 1e-7); // false
 */
export function withinGlobal(settings: Pick<CheckSettings, 'maxRelativeDifference'>, relativeDifference: number): boolean {
  return settings.maxRelativeDifference === undefined || relativeDifference < settings.maxRelativeDifference;
}
