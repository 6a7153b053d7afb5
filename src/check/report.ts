import type { DifferenceMethod } from '../numeric/differences.js';
import type { Precision } from '../numeric/precision.js';

/** One entry where the analytic and numerical values disagree. */
export interface Mismatch {
  /** Path of the entry: `[3]`, `W1[2][0]`, `θ`. */
  readonly path: string;
  /** Index in the flat vector (see `flatten`). */
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
  /** |analytic − numeric| */
  readonly absError: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|) */
  readonly relError: number;
  /** What the entry was allowed: atol + rtol · max(|a|, |n|) + the numerical error estimate. */
  readonly tolerance: number;
  /** Estimated error of `numeric` itself. */
  readonly errorEstimate: number;
}

/** An entry at a non-differentiable point: the one-sided derivatives differ. */
export interface KinkEntry {
  readonly path: string;
  readonly index: number;
  readonly analytic: number;
  /** Derivative from the left (θᵢ − h … θᵢ). */
  readonly left: number;
  /** Derivative from the right (θᵢ … θᵢ + h). */
  readonly right: number;
  /** Whether the analytic value equals one of the one-sided derivatives. */
  readonly matchesOneSide: boolean;
}

/** An entry whose numerical error estimate is too large to judge it either way. */
export interface UnresolvedEntry {
  readonly path: string;
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
  readonly errorEstimate: number;
}

/** An entry whose stencil turned one-sided because it sits within a step of its bound (`bounds`). */
export interface OneSidedEntry {
  readonly path: string;
  readonly index: number;
  /** `'forward'` (θᵢ … θᵢ + h) near a lower bound, `'backward'` near an upper one. */
  readonly side: 'forward' | 'backward';
  /** The bound it sits near. */
  readonly bound: number;
}

/** The settings a check actually used, after defaults. */
export interface CheckSettings {
  readonly method: DifferenceMethod;
  readonly step: number;
  readonly precision: Precision;
  readonly rtol: number;
  readonly atol: number;
  readonly maxRelativeDifference?: number;
  readonly mode: 'full' | 'fast';
  readonly seed: number;
}

/** What every gradcheck check returns. */
export interface GradientReport {
  /** Whether the check passed. */
  readonly pass: boolean;
  /** Calls of f, all of them (differences, re-checks, determinism probes). */
  readonly evaluations: number;
  /** Number of entries of θ. */
  readonly size: number;
  /** Number of entries compared (fewer than `size` with `sample`; directions in fast mode). */
  readonly checked: number;
  readonly maxAbsError: number;
  readonly maxRelError: number;
  /** The seed's criterion ‖a − n‖ / ‖a + n‖ over the compared entries. */
  readonly relativeDifference: number;
  /** Entries that disagree, worst first. */
  readonly mismatches: readonly Mismatch[];
  /** Diagnoses of what is wrong, each a sentence; empty for a correct gradient. */
  readonly hints: readonly string[];
  /** Entries at non-differentiable points (not failures unless `kinks: 'fail'`). */
  readonly kinks: readonly KinkEntry[];
  /** Entries the finite differences could not resolve (listed, not failed). */
  readonly unresolved: readonly UnresolvedEntry[];
  /** Entries differentiated one-sidedly because they sit near a bound (only with `bounds`). */
  readonly oneSided?: readonly OneSidedEntry[];
  /** Flat analytic values (see `flatten` for the order). */
  readonly analytic: Float64Array;
  /** Flat numerical values (NaN for entries not compared). */
  readonly numeric: Float64Array;
  /** Estimated absolute error of each numerical value (NaN for entries not compared). */
  readonly errorEstimates: Float64Array;
  readonly settings: CheckSettings;
  /** The readable text the matcher prints (without colours). */
  readonly message: string;
}
