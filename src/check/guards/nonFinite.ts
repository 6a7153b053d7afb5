import { NonFiniteError } from '../../numeric/errors.js';

/**
 * The non-finite guard: f returned NaN or ±∞. Central differences never evaluate f at θ
 * itself, so the first non-finite value is usually seen at a moved θ; when f(θ) itself is
 * already non-finite, the error says so (the fix is another point, not a smaller step).
 * `atTheta` evaluates f at θ through a fresh evaluator, which throws that error itself.
 *
 * @example
 * const data = guardNonFinite(() => measure(f, settings), () => new ScalarEvaluator(f, caller).call(layout.workingCopy().root(), {}));
 */
export function guardNonFinite<T>(run: () => T, atTheta: () => unknown): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NonFiniteError && !error.atTheta) atTheta();
    throw error;
  }
}
