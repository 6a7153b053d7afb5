/**
 * Kink evidence: one-sided difference quotients on both sides of θ. At a kink (ReLU at 0, |x|,
 * a max with a tie) their gap does not shrink with the step; for a smooth f it does, as O(h).
 */
import { type Precision, roundoffError } from './precision.js';

/**
 * Above this ratio of the gap at the finest step to the gap at the coarsest, the one-sided
 * derivatives do not converge to each other: a kink. (A smooth f's gap at h/4 is a quarter of
 * its gap at h.)
 */
export const KINK_GAP_RATIO = 0.6;

/** A side whose last two quotients differ by more than this fraction of the gap is noise, not a kink. */
export const KINK_SIDE_SPREAD = 0.25;

/** A gap counts only when it is this many times the round-off of a one-sided quotient. */
export const KINK_GAP_OVER_NOISE = 10;

/** One-sided derivatives at a non-differentiable point, each with an error estimate. */
export interface KinkEvidence {
  readonly left: number;
  readonly right: number;
  readonly leftError: number;
  readonly rightError: number;
}

/** f on both sides of θ at one step: displacements actually taken (dPlus > 0 > dMinus). */
export interface SidePoints {
  readonly fPlus: number;
  readonly dPlus: number;
  readonly fMinus: number;
  readonly dMinus: number;
}

/**
 * One-sided quotients (f(θ ± h) − f(θ)) / ±h from central stencils at a ladder of steps
 * (coarsest first, halving), no extra calls of f: a kink when their gap does not shrink with
 * the step. Each side is extrapolated, 2·D(h/4) − D(h/2), to cancel its O(h) term; noise in f
 * (both sides jumping by as much as their gap) is no kink.
 *
 * @example
 * kinkFromLadder(f0, [{ fPlus, dPlus: h, fMinus, dMinus: -h }, …], 'float64'); // { left: 1, right: 2, … } for a kink
 */
export function kinkFromLadder(f0: number, ladder: readonly SidePoints[], precision: Precision): KinkEvidence | undefined {
  const levels = ladder.length;
  if (levels < 3) return undefined;
  const right = ladder.map((p) => (p.fPlus - f0) / p.dPlus);
  const left = ladder.map((p) => (p.fMinus - f0) / p.dMinus);
  const gapFirst = Math.abs(right[0] - left[0]);
  const gapLast = Math.abs(right[levels - 1] - left[levels - 1]);
  const fScale = Math.max(Math.abs(f0), ...ladder.map((p) => Math.max(Math.abs(p.fPlus), Math.abs(p.fMinus))));
  const noise = 2 * roundoffError(precision, fScale, ladder[levels - 1].dPlus);
  if (!(gapLast > KINK_GAP_RATIO * gapFirst && gapLast > KINK_GAP_OVER_NOISE * noise)) return undefined;
  const extrapolate = (d: readonly number[]) => 2 * d[levels - 1] - d[levels - 2];
  const sideError = (d: readonly number[]) => Math.abs(d[levels - 1] - d[levels - 2]) + noise;
  if (Math.max(sideError(left), sideError(right)) > KINK_SIDE_SPREAD * gapLast) return undefined;
  return { left: extrapolate(left), right: extrapolate(right), leftError: sideError(left), rightError: sideError(right) };
}

/** f on both sides of θ along a direction at step t. */
export interface DirectionalPoints {
  readonly t: number;
  readonly fPlus: number;
  readonly fMinus: number;
}

/**
 * One-sided derivatives along coordinate i's direction component `di` from two central
 * stencils at t and ≤ t/4 (fast mode's re-check) against f(θ): a kink when their gap does not
 * shrink; each side extrapolated as (4·D(t/4) − D(t))/3. No extra calls of f.
 *
 * @example
 * directionalKink(f0, { t: 1e-4, fPlus, fMinus }, { t: 2.5e-5, fPlus: p4, fMinus: m4 }, 1, 'float64');
 */
export function directionalKink(
  f0: number,
  coarse: DirectionalPoints,
  fine: DirectionalPoints,
  di: number,
  precision: Precision,
): KinkEvidence | undefined {
  const right = (s: DirectionalPoints) => (di > 0 ? s.fPlus - f0 : s.fMinus - f0) / (s.t * Math.abs(di));
  const left = (s: DirectionalPoints) => (di > 0 ? f0 - s.fMinus : f0 - s.fPlus) / (s.t * Math.abs(di));
  const [r1, l1, r4, l4] = [right(coarse), left(coarse), right(fine), left(fine)];
  const fScale = Math.max(
    Math.abs(f0),
    Math.abs(coarse.fPlus),
    Math.abs(coarse.fMinus),
    Math.abs(fine.fPlus),
    Math.abs(fine.fMinus),
  );
  const noise = 2 * roundoffError(precision, fScale, fine.t * Math.abs(di));
  const gap1 = Math.abs(r1 - l1);
  const gap4 = Math.abs(r4 - l4);
  if (!(gap4 > KINK_GAP_RATIO * gap1 && gap4 > KINK_GAP_OVER_NOISE * noise)) return undefined;
  return {
    right: (4 * r4 - r1) / 3,
    left: (4 * l4 - l1) / 3,
    rightError: Math.abs(r4 - r1) / 3 + noise,
    leftError: Math.abs(l4 - l1) / 3 + noise,
  };
}
