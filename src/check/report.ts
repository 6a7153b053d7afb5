import type { CheckSettings } from './settings/types.js';

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

export type { CheckSettings } from './settings/types.js';

/** What a diagnosis says is wrong (the table in API.md, "Structured diagnoses"). */
export type DiagnosisKind =
  | 'sign'
  | 'factor'
  | 'per-unit-factor'
  | 'enters-at'
  | 'region'
  | 'missing-term'
  | 'wrong-sign-term'
  | 'extra-term'
  | 'transposed'
  | 'layout'
  | 'swapped'
  | 'shifted'
  | 'zeroed'
  | 'kink'
  | 'nondeterministic'
  | 'mutates-input'
  | 'non-finite'
  | 'float32-in-float64'
  | 'step';

/** One explanation of what is wrong, with the evidence behind it. */
export interface Diagnosis {
  readonly kind: DiagnosisKind;
  /** The tensors ('W1', 'layer.bias') or entries ('W1[2][0]') it is about; 'θ' for a flat θ as a whole. */
  readonly paths: readonly string[];
  /** In [0, 1]: the fraction of the disagreeing entries of those paths that it explains. */
  readonly share: number;
  /** The sentence shown in the report. */
  readonly message: string;
  /** Kinds the evidence cannot tell apart from this one. */
  readonly alternatives?: readonly DiagnosisKind[];
  /**
   * The evidence behind it, printed after the message in the report ('least-squares fit
   * k = −1, residual 3.2e-11'); kept out of `message` so that one bug reads the same whichever
   * check found it.
   */
  readonly evidence?: string;
}

/** A tensor of the space the compared entries live in (θ's tensors for a gradient). */
export interface TensorInfo {
  /** '' for a bare array or number, otherwise the path: 'W1', 'layer.bias', '[0]'. */
  readonly name: string;
  readonly shape: readonly number[];
  /** Where the tensor starts in the flat vectors (`analytic`, `numeric`). */
  readonly offset: number;
  readonly size: number;
}

/** A block of a matrix check (Jacobian, Hessian): one output tensor against one input tensor. */
export interface BlockInfo {
  /** '∂out.logits/∂W', '∂²f/∂W∂b'. */
  readonly name: string;
  readonly rowOffset: number;
  readonly rows: number;
  readonly colOffset: number;
  readonly cols: number;
}

/** Which check made a report: decides the report's wording. */
export type ReportCheck = 'gradient' | 'derivative' | 'fast' | 'jacobian' | 'vjp' | 'jvp' | 'hessian' | 'allClose';

/** Facts about how the reference values were obtained and what else was seen, for the message. */
export interface ReportDetails {
  /** How the numerical values were obtained ('central differences, step 1e-4·max(1, |θᵢ|), float64'). */
  readonly reference: string;
  /** Sentences placed under the summary (fast mode's directions, probes used, one-sided entries). */
  readonly notes: readonly string[];
  /** Failing entries the re-check budget did not reach (their verdict is the first pass's). */
  readonly notRechecked: number;
  /** Fast mode: how many directions disagree (the summary counts directions, not entries). */
  readonly disagreeing?: number;
  /** `'evaluations of the gradient'` when the Hessian is checked through options.gradient. */
  readonly evaluationsOf?: string;
  /** Matrix checks: their blocks, for one error map per wrong block. */
  readonly blocks?: readonly BlockInfo[];
  /** Matrix checks: the number of columns of the flat row-major matrix. */
  readonly columns?: number;
}

/** Which share of a full gradient check's coordinates a report covers (`options.shard`). */
export interface ReportShard {
  /** From 1 to `count`. */
  readonly index: number;
  readonly count: number;
  /** Coordinates the whole check compares, over all its shards (θ's size, or the sample's). */
  readonly coordinates: number;
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
  /** Which check made the report. */
  readonly check: ReportCheck;
  /** The tensors `analytic` and `numeric` are laid out in, in flat order. */
  readonly tensors: readonly TensorInfo[];
  /** What is wrong, strongest first; `hints` holds their messages (plus notes such as kinks). */
  readonly diagnoses: readonly Diagnosis[];
  /** Wall time of the check, in milliseconds. */
  readonly durationMs: number;
  /** How the reference was obtained and what else the message needs to say. */
  readonly details: ReportDetails;
  /** A shard's report (`options.shard`): which share it covers; `mergeReports` joins the shards. */
  readonly shard?: ReportShard;
  /** θ's flat values (a shard's report: `mergeReports` re-runs the term fits on them). */
  readonly theta?: Float64Array;
  /** The readable text the matcher prints (without colours), rendered when first read. */
  readonly message: string;
}

/** A report as the checks produce it: plain data; `format` adds the message. */
export type ReportData = Omit<GradientReport, 'message'>;
