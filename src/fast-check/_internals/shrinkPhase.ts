import type { GradientReport } from '../../check/report.js';

/** The first failing θ of a run and its report, shown beside the shrunk counterexample. */
export interface FirstFailure {
  readonly theta: unknown;
  readonly report: GradientReport;
}

/**
 * Where a `gradientProperty` is inside one `fc.assert`: generating θ, or shrinking a failure.
 * fast-check gives a property no flag for this, but it calls the property's `generate` for
 * every new θ and its `shrink` only once a θ has failed, so wrapping those two tells the phases
 * apart. A new `generate` starts a new run (the same property may be asserted again).
 * @internal
 */
export class ShrinkPhase {
  #shrinking = false;
  #first: FirstFailure | undefined;

  /** fast-check is generating a new θ: a new run, or the next θ of this one. */
  generating(): void {
    this.#shrinking = false;
    this.#first = undefined;
  }

  /** fast-check asked for smaller versions of a failing θ. */
  shrinking(): void {
    this.#shrinking = true;
  }

  get isShrinking(): boolean {
    return this.#shrinking;
  }

  /** Records a failure found while generating (the first one of the run). */
  failed(failure: FirstFailure): void {
    if (!this.#shrinking && this.#first === undefined) this.#first = failure;
  }

  /** The run's first failure, if one was found while generating. */
  get first(): FirstFailure | undefined {
    return this.#first;
  }
}
