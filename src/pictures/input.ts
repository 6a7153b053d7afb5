/**
 * What the pictures read from a report: a small structural view, so that `src/pictures`
 * depends on no check's implementation and keeps working while reports gain fields. A
 * `GradientReport` (and the layer checks' reports) satisfies `PictureReport`; a
 * `ConvergenceReport` satisfies `ConvergencePictureReport`.
 */

/** One tensor of θ in flat order (`report.tensors`). */
export interface PictureTensor {
  /** `'W1'`, `'layer.bias'`; `''` for a bare array or number θ. */
  readonly name: string;
  /** `[]` for a number, `[n]` for a vector, `[rows, cols]` for a matrix, … */
  readonly shape: readonly number[];
  /** Index of its first entry in the flat vectors. */
  readonly offset: number;
  /** Number of entries. */
  readonly size: number;
}

/** One diagnosis (`report.diagnoses`). */
export interface PictureDiagnosis {
  readonly kind: string;
  readonly paths: readonly string[];
  readonly message: string;
}

/** An entry the report names: a mismatch, a kink, an unresolved entry. */
export interface PictureEntry {
  readonly path: string;
  /** Index in the flat vectors. */
  readonly index: number;
}

/** A mismatch: an entry and what it was allowed. */
export interface PictureMismatch extends PictureEntry {
  readonly absError: number;
  readonly tolerance: number;
}

/** The fields of a gradient (or layer) check's report that `reportSvg` draws. */
export interface PictureReport {
  readonly pass: boolean;
  /** Number of entries of θ. */
  readonly size: number;
  /** Flat analytic values. */
  readonly analytic: ArrayLike<number>;
  /** Flat numerical values; NaN for entries not compared. */
  readonly numeric: ArrayLike<number>;
  /** Estimated absolute error of each numerical value; NaN for entries not compared. */
  readonly errorEstimates: ArrayLike<number>;
  readonly settings: { readonly rtol: number; readonly atol: number; readonly mode?: string };
  readonly mismatches: readonly PictureMismatch[];
  readonly kinks: readonly PictureEntry[];
  readonly unresolved: readonly PictureEntry[];
  /** Diagnoses as sentences (today's reports). */
  readonly hints?: readonly string[];
  /** Diagnoses as data (the redesigned reports); preferred over `hints`. */
  readonly diagnoses?: readonly PictureDiagnosis[];
  /** θ's tensors in flat order; absent: the whole θ is drawn as one vector named θ. */
  readonly tensors?: readonly PictureTensor[];
}

/** One direction of a Taylor test (`ConvergenceReport.ladders`). */
export interface PictureLadder {
  /** Steps h, largest first. */
  readonly steps: readonly number[];
  /** Residuals r(h), one per step. */
  readonly residuals: readonly number[];
  /** Round-off floor of the residuals. */
  readonly noise: number;
  /** Fitted order (`Infinity`: every residual at round-off). */
  readonly order: number;
}

/** The fields of a `checkConvergence` report that `convergenceSvg` draws. */
export interface ConvergencePictureReport {
  readonly pass: boolean;
  readonly order: number;
  readonly ladders: readonly PictureLadder[];
  readonly hints?: readonly string[];
}

/** When a matcher shows its picture: on a failing assertion, always, or never. */
export type PicturesOption = 'on-failure' | 'always' | false;
