/** @internal The report types of `checkGrads`, apart so that its message renderer can import them. */
import type { GradientReport } from '../../../check/report.js';

/** A derivative mode of `checkGrads`: forward (`jvp`) or reverse (`vjp`). */
export type GradsMode = 'fwd' | 'rev';

/** One check of `checkGrads`: which derivative, and gradcheck's report on it. */
export interface GradsCheck {
  readonly mode: GradsMode;
  readonly order: 1 | 2;
  /** `'JVP'`, `'VJP'`, `'JVP of JVP'` or `'VJP of VJP'`. */
  readonly name: string;
  /** The report of `checkJvp` (fwd) or `checkVjp` (rev), with its usual message. */
  readonly report: GradientReport;
}

/** What `checkGrads` returns: one report per mode and order. */
export interface GradsReport {
  /** Whether every check passed. */
  readonly pass: boolean;
  /** In order: fwd order 1, fwd order 2, rev order 1, rev order 2 (those asked for). */
  readonly checks: readonly GradsCheck[];
  /** Calls of the functions differenced, over every check. */
  readonly evaluations: number;
  /** Every check's message under a line naming it. */
  readonly message: string;
}
