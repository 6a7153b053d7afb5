/**
 * The one error type gradcheck throws for bad input. Its message is one sentence that names
 * the API and the argument, path or coordinate at fault, e.g.
 * `toHaveGradient: options.at is required (the point θ at which to check)`.
 */
export class GradcheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradcheckError';
  }
}

/** Formats a number for an error message: short, but exact enough to find the value. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return String(Number(x.toPrecision(6)));
}

/**
 * A user function returned NaN or ±∞. One wording for every check and every function (f,
 * options.gradient): which value, which output entry, where θ was, and what to do.
 */
export class NonFiniteError extends GradcheckError {
  /** Whether the value came from θ itself rather than from a moved θ. */
  readonly atTheta: boolean;

  constructor(caller: string, who: string, value: number, entry: string | undefined, site: string) {
    const where = `${entry ? ` in ${entry}` : ''} ${site}`;
    const atTheta = site === 'at θ';
    super(
      atTheta
        ? `${caller}: ${who}(θ) itself is ${formatNumber(value)}${entry ? ` in ${entry}` : ''}: ${who} must be finite at the point checked; choose another point (options.at)`
        : `${caller}: ${who} returned ${formatNumber(value)}${where}; ${who} must be finite in a neighbourhood of θ (choose another point, a smaller step, or bounds for this parameter)`,
    );
    this.atTheta = atTheta;
  }
}

/** The async form of each synchronous check, for the advice of `AsyncFunctionError`. */
const ASYNC_FORMS: Readonly<Record<string, string>> = {
  checkGradient: 'checkGradientAsync',
  checkDerivative: 'checkGradientAsync',
  checkJacobian: 'checkJacobianAsync',
  checkVjp: 'checkVjpAsync',
  checkJvp: 'checkJvpAsync',
  checkHessian: 'checkHessianAsync',
};

/** What to do instead, worded for the API the user called. */
function asyncAdvice(caller: string, who: string): string {
  const asyncForm = ASYNC_FORMS[caller];
  if (asyncForm) {
    const matcher = caller.replace(/^check/, 'toHave');
    return `use ${asyncForm} (or await expect(f).${matcher}(…)) for an async ${who}`;
  }
  if (caller.startsWith('toHave')) return `await expect(f).${caller}(…) for an async ${who}`;
  return `${caller} needs a synchronous ${who}; the async checks (checkGradientAsync, checkJacobianAsync, …) accept an async one`;
}

/**
 * A user function returned a Promise (or another thenable) where a synchronous check needs its
 * value now. One error for f, grad, jac, vjp, jvp, H and options.gradient; its message names
 * the async form of the API that was called, and `who` lets a matcher switch to that form.
 *
 * @example
 * new AsyncFunctionError('checkGradient', 'f').message;
 * // 'checkGradient: f returned a Promise (f must be synchronous); use checkGradientAsync (or await expect(f).toHaveGradient(…)) for an async f'
 */
export class AsyncFunctionError extends GradcheckError {
  constructor(
    /** The public function that was called (`checkGradient`, `toHaveVjp`). */
    readonly caller: string,
    /** The user function that returned the Promise (`f`, `grad`, `vjp`, `options.gradient`). */
    readonly who: string,
  ) {
    super(`${caller}: ${who} returned a Promise (${who} must be synchronous); ${asyncAdvice(caller, who)}`);
  }
}

/** Whether a value is a Promise or another thenable. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Throws `AsyncFunctionError` when a user function returned a thenable. The abandoned Promise
 * gets a no-op rejection handler first: its rejection belongs to no one and must not surface
 * as an unhandled rejection in the test run.
 *
 * @example
 * const value = f(theta);
 * refuseThenable(value, 'checkGradient', 'f'); // throws for an async f
 */
export function refuseThenable(value: unknown, caller: string, who: string): void {
  if (!isThenable(value)) return;
  value.then(undefined, () => {});
  throw new AsyncFunctionError(caller, who);
}
