import type { TreeLayout } from '../../numeric/tree.js';
import type { CheckSettings } from '../report.js';
import { signAndFactor } from './factor.js';

/** What the diagnoses see of a failed check. */
export interface DiagnosisInput {
  readonly layout: TreeLayout;
  /** Flat analytic gradient. */
  readonly analytic: Float64Array;
  /** Flat numerical gradient (NaN where not compared). */
  readonly numeric: Float64Array;
  /** Error estimate of each numerical entry. */
  readonly errors: Float64Array;
  /** 1 where the entry failed. */
  readonly failing: Uint8Array;
  readonly settings: CheckSettings;
  /** The compared entries, when not all were. */
  readonly indices?: ArrayLike<number>;
}

/**
 * Names the likely bug behind a failed gradient check. Each diagnosis is stated only when the
 * evidence supports it (a fit with a small residual), never as a guess.
 */
export function diagnose(input: DiagnosisInput): string[] {
  return [...signAndFactor(input)];
}
