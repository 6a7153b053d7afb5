import { NonFiniteError } from '../../numeric/errors.js';
import type { Measurement } from '../../numeric/measure/protocol.js';

/**
 * The non-finite guard on a measurement (see `guardNonFinite`): when f returned NaN or ±∞ at a
 * moved θ, f is evaluated at θ itself by `atTheta`, which throws the sharper error when f(θ)
 * itself is already non-finite; otherwise the first error stands.
 *
 * @example
 * const measured = yield* atThetaWhenNonFinite(measure(evaluator, settings), () => evaluateOne(fresh, AT_THETA));
 */
export function* atThetaWhenNonFinite<T>(run: Measurement<T>, atTheta: () => Measurement<unknown>): Measurement<T> {
  try {
    return yield* run;
  } catch (error) {
    if (error instanceof NonFiniteError && !error.atTheta) yield* atTheta();
    throw error;
  }
}
