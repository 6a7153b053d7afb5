import type { Float32Watch, Mutation } from '../guards/index.js';
import type { NumericMatrix } from '../layer/matrix.js';

/** What the Hessian check's report needs from a measurement (as its dense measurements give it). */
export interface MeasuredHessian {
  readonly num: NumericMatrix;
  readonly atTheta: () => Float64Array;
  readonly evaluations: () => number;
  readonly fMutation: Mutation | undefined;
  readonly watch: Float32Watch;
  /** Findings that fail the check: disagreements not pinned on entries, an asymmetric reference. */
  readonly findings: string[];
  /** Notes for the report: what was measured. */
  readonly notes: string[];
}
