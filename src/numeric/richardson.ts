import { type Precision, roundoffError } from './precision.js';

/** A derivative estimate with an estimate of its own error. */
export interface Estimate {
  readonly value: number;
  /** Estimated absolute error of `value` (extrapolation error plus round-off). */
  readonly error: number;
}

/** One difference quotient of the sequence, with what its round-off depends on. */
export interface DifferenceSample {
  /** The difference quotient at this step. */
  readonly quotient: number;
  /** Half-width of a central stencil, or the step of a one-sided one, actually taken. */
  readonly halfWidth: number;
  /** Largest |f| among the values the quotient was built from. */
  readonly fScale: number;
}

/**
 * The powers of h in a difference's error: central differences have only even ones (h², h⁴, …),
 * one-sided ones all (h, h², …); any method, powers `first`, `first + step`, … (its order and
 * its error model's power step).
 */
export type ErrorPowers = 'even' | 'all' | { readonly first: number; readonly step: number };

function powerSeries(powers: ErrorPowers): { readonly first: number; readonly step: number } {
  if (powers === 'even') return { first: 2, step: 2 };
  if (powers === 'all') return { first: 1, step: 1 };
  return powers;
}

/** A central difference sample from f(θ ± h): (f₊ − f₋) / (x₊ − x₋). */
export function centralSample(fPlus: number, fMinus: number, halfWidth: number): DifferenceSample {
  return { quotient: (fPlus - fMinus) / (2 * halfWidth), halfWidth, fScale: Math.max(Math.abs(fPlus), Math.abs(fMinus)) };
}

/** Ratio between successive steps of the Richardson sequence. */
export const RICHARDSON_RATIO = 2;

/** Default number of steps in the sequence h, h/2, h/4, … */
export const RICHARDSON_LEVELS = 4;

/**
 * The sequence stops early (the estimates grow again: round-off is taking over) only after this
 * many steps: at the large first steps a growing estimate means "not yet asymptotic", and
 * stopping there would keep a poor estimate (1/(1+x²) at x = 1 lost 4 digits that way).
 */
export const MIN_LEVELS = 4;

/**
 * With `adaptive: true` the sequence starts this many times above the base step, so that the
 * coordinates whose f is smooth on a wide scale can use a large step (less round-off) … (6 × the
 * float64 default 1.25e-2 = 0.075, about the 0.08 it always started from, which keeps log x at
 * 0.1 inside its domain.)
 */
export const ADAPTIVE_START = 6;

/** … and runs down through up to this many halvings (8·h … h/64), stopping once round-off grows. */
export const ADAPTIVE_LEVELS = 10;

/**
 * Richardson extrapolation of central differences (Ridders' tableau, as in Numerical Recipes'
 * `dfridr`). Central differences have error c₁h² + c₂h⁴ + …; combining the sequence h, h/2,
 * h/4, … cancels those terms one by one. The error estimate of a tableau entry is its distance
 * from the two entries it was built from; the entry with the smallest estimate wins, and the
 * sequence stops early once round-off makes the estimates grow. Round-off of the smallest step
 * used (from the sizes of f seen) is added to the error estimate.
 *
 * `sample(k)` returns the difference quotient at step h₀ / ratioᵏ; `levels` of them are taken at
 * most. With `powers: 'all'` the same scheme extrapolates one-sided differences (error c₁h + …),
 * and with `{ first, step }` any method's (a fourth-order central method: h⁴, h⁶, …).
 *
 * @example
 * const est = richardson((k) => { const h = 0.1 / 2 ** k; return centralSample(Math.exp(1 + h), Math.exp(1 - h), h); }, 4, 'float64');
 * // est.value ≈ e to ~1e-13, est.error bounds the true error
 */
export function richardson(
  sample: (level: number) => DifferenceSample,
  levels: number,
  precision: Precision,
  powers: ErrorPowers = 'even',
  ratio = RICHARDSON_RATIO,
): Estimate & { readonly levelsUsed: number; readonly step: number } {
  const series = powerSeries(powers);
  const firstFactor = ratio ** series.first;
  const nextFactor = ratio ** series.step;
  let previous: number[] = [];
  let best = Number.NaN;
  let bestError = Number.POSITIVE_INFINITY;
  let used = 0;
  let lastHalfWidth = Number.NaN;
  let bestStep = Number.NaN;
  let fScale = 0;
  for (let k = 0; k < levels; k++) {
    const s = sample(k);
    used++;
    lastHalfWidth = s.halfWidth;
    fScale = Math.max(fScale, s.fScale);
    const row = [s.quotient];
    let factor = firstFactor;
    for (let j = 1; j <= k; j++) {
      row[j] = (row[j - 1] * factor - previous[j - 1]) / (factor - 1);
      factor *= nextFactor;
      const err = Math.max(Math.abs(row[j] - row[j - 1]), Math.abs(row[j] - previous[j - 1]));
      if (err <= bestError) {
        bestError = err;
        best = row[j];
        bestStep = s.halfWidth;
      }
    }
    if (k === 0) {
      best = row[0];
      bestStep = s.halfWidth;
    }
    if (k >= MIN_LEVELS && bestError > 0 && Math.abs(row[k] - previous[k - 1]) >= 2 * bestError) {
      previous = row;
      break;
    }
    previous = row;
  }
  const roundoff = roundoffError(precision, fScale, lastHalfWidth);
  const error = (Number.isFinite(bestError) ? bestError : Math.abs(best)) + roundoff;
  return { value: best, error, levelsUsed: used, step: bestStep };
}
