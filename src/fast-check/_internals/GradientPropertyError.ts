import type { GradientReport } from '../../check/report.js';
import { formatTheta } from './formatTheta.js';

/**
 * What a `gradientProperty` throws for a θ where the gradient is wrong: θ (compact and exact)
 * and the same readable report `toHaveGradient` prints. fast-check attaches it as the `cause`
 * of its own error, which adds the shrunk counterexample, the seed and the path to replay.
 */
export class GradientPropertyError extends Error {
  readonly #theta: unknown;
  readonly #report: GradientReport;

  constructor(theta: unknown, report: GradientReport) {
    super(`gradientProperty: the gradient is wrong at θ = ${formatTheta(theta)}\n\n${report.message}`);
    this.name = 'GradientPropertyError';
    this.#theta = theta;
    this.#report = report;
  }

  /** The θ at which the check failed. */
  get theta(): unknown {
    return this.#theta;
  }

  /** The full report of the failed check. */
  get report(): GradientReport {
    return this.#report;
  }

  /**
   * The error as data: name, message (θ and the report, readable) and stack. Test runners that
   * serialize errors (Vitest prints every property it finds as "Serialized Error") use this
   * instead of dumping θ and the report's typed arrays after the message.
   */
  toJSON(): { name: string; message: string; stack?: string } {
    return { name: this.name, message: this.message, stack: this.stack };
  }
}
