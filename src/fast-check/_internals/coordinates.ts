import { GradcheckError, formatNumber } from '../../numeric/errors.js';
import { RECHECK_LEVELS } from '../../check/recheck.js';
import { type Precision, defaultStep } from '../../numeric/precision.js';
import { nextDown, nextUp, roundDown32, roundUp32 } from './float.js';

/**
 * The values one coordinate of θ may take, as an integer line k ∈ [kMin, kMax] (with 0 inside)
 * mapped monotonically onto the allowed set. fast-check's integers shrink toward 0, so values
 * shrink toward `origin` (the allowed value closest to 0) and bisect onto a failing boundary.
 *
 * Why a grid: `fc.double` draws uniformly over bit patterns, so most draws in [−1, 1] would be
 * magnitudes like 1e-200, where θ is effectively 0 and the domain is not explored. On a grid of
 * 2³⁰ steps (2²³ in float32) draws are spread over the box, every value is a normal number, the
 * smallest nonzero magnitude is the grid spacing (≈ 1.9e-9 on [−1, 1]), and shrinking is exact.
 * @internal
 */
export interface CoordinateSpace {
  readonly kMin: number;
  readonly kMax: number;
  /** The allowed value closest to 0 (the shrink target, k = 0). */
  readonly origin: number;
  /** Spacing of the grid in the reduced coordinate. */
  readonly spacing: number;
  /** The allowed closed intervals, sorted. */
  readonly intervals: readonly (readonly [number, number])[];
  /** The value of grid point k: monotone in k, inside an allowed interval, representable. */
  valueAt(k: number): number;
}

/** Resolved constraints of one coordinate. @internal */
export interface CoordinateConstraints {
  readonly min: number;
  readonly max: number;
  readonly precision: Precision;
  readonly avoid: readonly number[];
  /** Absolute margin; undefined for the default (see {@link defaultMargin}). */
  readonly margin?: number;
}

/** Grid points per side: 2³⁰ fits fast-check's 32-bit integers; float32 has a 24-bit significand. */
const GRID_BITS: Record<Precision, number> = { float64: 30, float32: 23 };

/**
 * How far a check at the default step reaches from θᵢ, in units of hᵢ = step · max(1, |θᵢ|): the
 * first pass and, in float64, the re-check's Richardson steps h/2, h/4 stay within h; in float32
 * the re-check comes down from 4h (src/check/recheck.ts: 2^(RECHECK_LEVELS − 1) · h).
 */
const REACH: Record<Precision, number> = { float64: 1, float32: 2 ** (RECHECK_LEVELS - 1) };

/**
 * Default margin around an avoided point p: twice the widest half-width of a check's stencils
 * there, 2 · reach · step · max(1, |p|) with the default step of the precision: 2e-4 in float64,
 * 8·∛ε ≈ 3.9e-2 in float32. No stencil θᵢ ± hᵢ of the first pass or the re-check straddles the kink.
 * @internal
 */
export function defaultMargin(point: number, precision: Precision): number {
  return 2 * REACH[precision] * defaultStep(precision) * Math.max(1, Math.abs(point));
}

/** Rounds a bound inward to the precision: the first representable value on the allowed side. */
function representable(x: number, precision: Precision, direction: 'up' | 'down'): number {
  if (precision === 'float64') return x;
  return direction === 'up' ? roundUp32(x) : roundDown32(x);
}

/** The closed gap (L, R exclusive) around p: L, R are the nearest allowed representable values. */
function gapAround(p: number, margin: number, precision: Precision): [number, number] {
  let left = representable(p - margin, precision, 'down');
  while (p - left < margin) left = representable(nextDown(left), precision, 'down');
  let right = representable(p + margin, precision, 'up');
  while (right - p < margin) right = representable(nextUp(right), precision, 'up');
  return [left, right];
}

/**
 * Builds the coordinate space for the given constraints; throws a `GradcheckError` (naming
 * `caller`) when `avoid` and its margin leave nothing of [min, max].
 * @internal
 */
export function coordinateSpace(c: CoordinateConstraints, caller: string): CoordinateSpace {
  const intervals = allowedIntervals(c, caller);
  const { origin, positive, negative } = piecesFromOrigin(intervals);
  const length = (pieces: [number, number][]) => pieces.reduce((sum, [s, e]) => sum + Math.abs(e - s), 0);
  const upper = length(positive);
  const lower = length(negative);
  const reach = Math.max(upper, lower);
  // A power of two (so k · spacing is exact), never below the smallest double (ranges like [-5e-324, 0]).
  const spacing = reach > 0 ? Math.max(2 ** Math.ceil(Math.log2(reach / 2 ** GRID_BITS[c.precision])), Number.MIN_VALUE) : 1;
  const kMax = Math.floor(upper / spacing);
  const kMin = lower > 0 ? -Math.floor(lower / spacing) : 0;
  const walk = (pieces: [number, number][], distance: number) => walkPieces(pieces, distance, c.precision, origin);
  return {
    kMin,
    kMax,
    origin,
    spacing,
    intervals,
    valueAt: (k) => (k >= 0 ? walk(positive, k * spacing) : walk(negative, -k * spacing)),
  };
}

/** [min, max] in the precision's values, minus a margin around every avoided point, sorted. */
function allowedIntervals(c: CoordinateConstraints, caller: string): [number, number][] {
  const lo = representable(c.min, c.precision, 'up');
  const hi = representable(c.max, c.precision, 'down');
  if (lo > hi) {
    throw new GradcheckError(`${caller}: no ${c.precision} value lies in [options.min, options.max] = [${c.min}, ${c.max}]`);
  }
  let intervals: [number, number][] = [[lo, hi]];
  for (const p of c.avoid) {
    const [left, right] = gapAround(p, c.margin ?? defaultMargin(p, c.precision), c.precision);
    intervals = intervals.flatMap(([a, b]): [number, number][] => {
      const parts: [number, number][] = [];
      if (a <= Math.min(b, left)) parts.push([a, Math.min(b, left)]);
      if (Math.max(a, right) <= b) parts.push([Math.max(a, right), b]);
      return parts;
    });
  }
  if (intervals.length === 0) {
    const margins = c.avoid.map((p) => formatNumber(c.margin ?? defaultMargin(p, c.precision)));
    throw new GradcheckError(
      `${caller}: options.avoid [${c.avoid.join(', ')}] with margins [${margins.join(', ')}] leaves no value in [${c.min}, ${c.max}]; widen the range or lower options.margin`,
    );
  }
  return intervals.sort((p, q) => p[0] - q[0]);
}

/**
 * The shrink target (the allowed value closest to 0, ties to the positive side) and the pieces
 * walked outward from it: [start, end] with the start nearest the origin.
 */
function piecesFromOrigin(intervals: [number, number][]): {
  origin: number;
  positive: [number, number][];
  negative: [number, number][];
} {
  let origin = Number.NaN;
  let home = -1;
  intervals.forEach(([a, b], i) => {
    const z = Math.min(Math.max(0, a), b);
    if (Number.isNaN(origin) || Math.abs(z) < Math.abs(origin) || (Math.abs(z) === Math.abs(origin) && z > origin)) {
      origin = z;
      home = i;
    }
  });
  const positive: [number, number][] = [[origin, intervals[home][1]], ...intervals.slice(home + 1)];
  const negative: [number, number][] = [
    [origin, intervals[home][0]],
    ...intervals
      .slice(0, home)
      .reverse()
      .map(([a, b]): [number, number] => [b, a]),
  ];
  return { origin, positive, negative };
}

/** The value `distance` along the pieces from the origin, rounded to the precision. */
function walkPieces(pieces: [number, number][], distance: number, precision: 'float64' | 'float32', origin: number): number {
  let rest = distance;
  for (let i = 0; i < pieces.length; i++) {
    const [start, end] = pieces[i];
    const span = Math.abs(end - start);
    if (rest <= span || i === pieces.length - 1) {
      const x = end >= start ? start + rest : start - rest;
      const rounded = precision === 'float32' ? Math.fround(x) : x;
      // Rounding may step past the piece; its ends are representable, so clamping stays so.
      return Math.min(Math.max(rounded, Math.min(start, end)), Math.max(start, end));
    }
    rest -= span;
  }
  return origin;
}
