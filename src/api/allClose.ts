import { type AllCloseOptions, allCloseCheck } from '../check/allClose.js';
import type { GradientReport } from '../check/report.js';
import { withMessage } from '../format/withMessage.js';
import type { Params } from '../numeric/tree.js';

/**
 * Compares two parameter trees entry by entry: |actual − expected| ≤ atol + rtol ·
 * max(|actual|, |expected|). Returns the same kind of report as the gradient checks, with
 * `evaluations: 0`; a structure mismatch fails with the path that differs.
 *
 * @example
 * allClose([1, 2.0000001], [1, 2]).pass;             // true
 * allClose({ w: [1, 2] }, { w: [1, 3] }).mismatches; // [{ path: 'w[1]', … }]
 */
export function allClose(actual: Params, expected: Params, options: AllCloseOptions = {}): GradientReport {
  return withMessage(allCloseCheck(actual, expected, options, 'allClose'));
}
