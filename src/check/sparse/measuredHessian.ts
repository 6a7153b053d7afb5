import type { Measurement } from '../../numeric/measure/protocol.js';
import type { Float32Watch, Mutation } from '../guards/index.js';
import type { NumericMatrix } from '../vectorValued/matrix.js';

/** The numerical Hessian and what measuring it saw (dense or sparse), for the Hessian check's report. */
export interface MeasuredHessian {
  readonly num: NumericMatrix;
  readonly atTheta: () => Measurement<Float64Array>;
  readonly evaluations: () => number;
  readonly fMutation: Mutation | undefined;
  readonly watch: Float32Watch;
  /** Findings that fail the check: disagreements not pinned on entries, an asymmetric reference. */
  readonly findings: string[];
  /** Notes for the report: what a sparse measurement measured. */
  readonly notes?: string[];
  /** Ends the evaluation stage (progress), once the report is made. */
  readonly end: () => void;
}
