import type { GradientReport } from '../../check/report.js';
import { formatTheta } from './formatTheta.js';

/**
 * What a `gradientProperty` throws for a θ where the gradient is wrong: θ (compact and exact)
 * and the same readable report `toHaveGradient` prints. fast-check attaches it as the `cause`
 * of its own error, which adds the shrunk counterexample, the seed and the path to replay.
 */
export class GradientPropertyError extends Error {
  constructor(
    /** The θ at which the check failed. */
    readonly theta: unknown,
    /** The full report of the failed check. */
    readonly report: GradientReport,
  ) {
    super(`gradientProperty: the gradient is wrong at θ = ${formatTheta(theta)}\n\n${report.message}`);
    this.name = 'GradientPropertyError';
  }
}
