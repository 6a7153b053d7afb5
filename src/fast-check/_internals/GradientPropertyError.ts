import type { GradientReport } from '../../check/report.js';
import { formatTheta } from './formatTheta.js';
import { SHRINK_MARGIN, failureSummary } from './shrinkMargin.js';
import type { FirstFailure } from './shrinkPhase.js';

/**
 * What a `gradientProperty` throws for a θ where the gradient is wrong: θ (compact and exact)
 * and the same readable report `toHaveGradient` prints. fast-check attaches it as the `cause`
 * of its own error, which adds the shrunk counterexample, the seed and the path to replay.
 */
export class GradientPropertyError extends Error {
  readonly #theta: unknown;
  readonly #report: GradientReport;

  readonly #first: FirstFailure | undefined;

  /**
   * @param first - the run's first failing θ, when this θ is a shrunk version of it: shown
   *   after the report, so the reader sees the obvious failure beside the minimal one.
   */
  constructor(theta: unknown, report: GradientReport, first?: FirstFailure) {
    const shrunk = first !== undefined && first.theta !== theta;
    super(
      `gradientProperty: the gradient is wrong at θ = ${formatTheta(theta)}\n\n${report.message}${shrunk ? firstFailureText(first) : ''}`,
    );
    this.name = 'GradientPropertyError';
    this.#theta = theta;
    this.#report = report;
    this.#first = shrunk ? first : undefined;
  }

  /** The first failing θ and its report before shrinking, when this θ is a shrunk one. */
  get firstFailure(): FirstFailure | undefined {
    return this.#first;
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

/** The block after the report: the first failure, and why the shrunk θ is not a borderline one. */
function firstFailureText(first: FirstFailure): string {
  return (
    `\n\nFirst failure, before shrinking: θ = ${formatTheta(first.theta)}\n  ${failureSummary(first.report)}\n` +
    `While shrinking, a θ counted as a counterexample only if the check still failed with rtol and atol ${SHRINK_MARGIN}× wider, ` +
    'so the shrunk θ above fails by a clear margin, not at the edge of the tolerance.'
  );
}
