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
 * Ridders' tableau, one sample at a time: each new row extrapolates the previous one over the
 * error powers; the estimate kept is the one with the smallest error estimate (the largest
 * difference to its two neighbours). `add` returns false once the error grows again (after
 * MIN_LEVELS samples): the samples further down are round-off.
 *
 * @example
 * const t = new Tableau('float64', 'even');
 * for (const s of samples) if (!t.add(s)) break;
 * t.result(); // { value, error, levelsUsed, step }
 */
export class Tableau {
  private previous: number[] = [];
  private best = Number.NaN;
  private bestError = Number.POSITIVE_INFINITY;
  private used = 0;
  private lastHalfWidth = Number.NaN;
  private bestStep = Number.NaN;
  private fScale = 0;
  private readonly firstFactor: number;
  private readonly nextFactor: number;

  constructor(
    private readonly precision: Precision,
    powers: ErrorPowers = 'even',
    ratio = RICHARDSON_RATIO,
  ) {
    const series = powerSeries(powers);
    this.firstFactor = ratio ** series.first;
    this.nextFactor = ratio ** series.step;
  }

  /** Adds the next level's sample; false when the ladder should stop. */
  add(s: DifferenceSample): boolean {
    const k = this.used++;
    const previous = this.previous;
    this.lastHalfWidth = s.halfWidth;
    this.fScale = Math.max(this.fScale, s.fScale);
    const row = [s.quotient];
    let factor = this.firstFactor;
    for (let j = 1; j <= k; j++) {
      row[j] = (row[j - 1] * factor - previous[j - 1]) / (factor - 1);
      factor *= this.nextFactor;
      const err = Math.max(Math.abs(row[j] - row[j - 1]), Math.abs(row[j] - previous[j - 1]));
      if (err <= this.bestError) {
        this.bestError = err;
        this.best = row[j];
        this.bestStep = s.halfWidth;
      }
    }
    if (k === 0) {
      this.best = row[0];
      this.bestStep = s.halfWidth;
    }
    this.previous = row;
    return !(k >= MIN_LEVELS && this.bestError > 0 && Math.abs(row[k] - previous[k - 1]) >= 2 * this.bestError);
  }

  /** The estimate so far, its error estimate (tableau plus round-off), the levels used and the winning step. */
  result(): Estimate & { readonly levelsUsed: number; readonly step: number } {
    const roundoff = roundoffError(this.precision, this.fScale, this.lastHalfWidth);
    const error = (Number.isFinite(this.bestError) ? this.bestError : Math.abs(this.best)) + roundoff;
    return { value: this.best, error, levelsUsed: this.used, step: this.bestStep };
  }
}

/**
 * Richardson extrapolation over samples given by `sample(level)` (see `Tableau`), up to
 * `levels` of them.
 *
 * @example
 * richardson((k) => centralSample(fp[k], fm[k], h / 2 ** k), 4, 'float64').value;
 */
export function richardson(
  sample: (level: number) => DifferenceSample,
  levels: number,
  precision: Precision,
  powers: ErrorPowers = 'even',
  ratio = RICHARDSON_RATIO,
): Estimate & { readonly levelsUsed: number; readonly step: number } {
  const tableau = new Tableau(precision, powers, ratio);
  for (let k = 0; k < levels; k++) if (!tableau.add(sample(k))) break;
  return tableau.result();
}
