import { type DiffOptions, baseStep, resolvePrecision } from './differences.js';
import type { Precision } from './precision.js';
import type { Params, TreeLayout } from './tree.js';
import { readTheta, requireFunction, validateDiffOptions } from './validate.js';

/** What every public numerical differentiation starts from. */
export interface DifferenceInputs<P extends Params> {
  readonly layout: TreeLayout<P>;
  readonly precision: Precision;
  /** The base step, defaulted by method and precision. */
  readonly step: number;
}

/**
 * Validates f, the options and θ for a public differentiation (`numericGradient`,
 * `numericJacobian`) and resolves precision, step and a working copy.
 *
 * @example
 * const { layout, step } = readDifferenceInputs(f, [1, 2], {}, 'numericGradient'); // step 1e-4
 * @internal
 */
export function readDifferenceInputs<P extends Params>(
  f: unknown,
  at: P,
  options: DiffOptions,
  caller: string,
): DifferenceInputs<P> {
  requireFunction(f, caller, 'f');
  validateDiffOptions(options as Record<string, unknown>, caller);
  const layout = readTheta<P>(at, caller, 'at');
  const precision = resolvePrecision(options, layout);
  return { layout, precision, step: baseStep(options, precision) };
}
