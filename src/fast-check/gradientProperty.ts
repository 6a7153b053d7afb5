import { type Arbitrary, type IProperty, property } from 'fast-check';
import { gradientCheck } from '../check/gradient.js';
import { withMessage } from '../format/withMessage.js';
import type { GradientSpec } from '../check/gradient.js';
import { type CheckOptions, validateCheckOptions } from '../check/options.js';
import type { GradientReport } from '../check/report.js';
import { GradcheckError } from '../numeric/errors.js';
import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { GradientPropertyError } from './_internals/GradientPropertyError.js';
import { widened } from './_internals/shrinkMargin.js';
import { ShrinkPhase } from './_internals/shrinkPhase.js';
import { thetaSeed } from './_internals/thetaSeed.js';

/** Options of `gradientProperty`: those of `checkGradient` except `at`, which is generated. */
export type PropertyCheckOptions<P extends Params = Params> = Omit<CheckOptions<P>, 'at'>;

/**
 * A fast-check property that the gradient is right at every generated θ. It is also a
 * function of θ that throws on a wrong gradient, so it can be the body of `test.prop`.
 */
export interface GradientProperty<P extends Params> extends IProperty<[P]> {
  /** Checks the gradient at θ; throws a `GradientPropertyError` when it is wrong. */
  (theta: P): void;
  /** The arbitrary θ is drawn from. */
  readonly arbitrary: Arbitrary<P>;
  /** The report of the check at θ, without throwing. */
  check(theta: P): GradientReport;
}

/**
 * The property "grad is the gradient of f at every θ the arbitrary generates", for
 * `fc.assert`, or as the body of `@fast-check/vitest`'s `test.prop`. Each θ is checked with
 * `checkGradient(f, grad, { ...checkOptions, at: θ })`; on a failure fast-check shrinks θ and
 * throws an error naming the shrunk counterexample, the seed and the path to replay it, whose
 * `cause` (a `GradientPropertyError`) shows θ and the same readable report as `toHaveGradient`.
 *
 * Under `fc.assert`, shrinking keeps the counterexample clearly failing: a smaller θ counts as
 * failing only if the check still fails with rtol and atol 10× wider (`SHRINK_MARGIN`), and the
 * error shows the first failing θ beside the shrunk one. (As the body of `test.prop`, where
 * fast-check calls only the function, every θ is judged at the plain tolerances.)
 *
 * With `sample` or `mode: 'fast'` and no `seed`, the random choices are seeded from θ's values:
 * each θ checks other coordinates, and a replayed θ is checked exactly the same way.
 *
 * @example
 * fc.assert(gradientProperty(loss, lossGrad, theta({ W: [2, 3], b: 2 })), { seed: 42 });
 *
 * @example
 * const arb = theta(10, { min: -2, max: 2 });
 * test.prop([arb])('rosenbrock backprop', gradientProperty(rosenbrock, rosenbrockGrad, arb));
 */
export function gradientProperty<P extends Params>(
  f: (theta: P) => number,
  grad: GradientSpec<P>,
  arbitrary: Arbitrary<P>,
  checkOptions: PropertyCheckOptions<P> = {},
): GradientProperty<P> {
  const caller = 'gradientProperty';
  validateArguments(f, grad, arbitrary, checkOptions, caller);

  // Only sampling and fast mode draw random numbers; a θ that is not a tree is left for the
  // check to name in its own error.
  const random = checkOptions.sample !== undefined || checkOptions.mode === 'fast';
  const seedFor = (theta: P): number | undefined => checkOptions.seed ?? (random ? thetaSeed(theta) : undefined);
  const check = (theta: P, options: PropertyCheckOptions<P> = checkOptions): GradientReport => {
    const seed = seedFor(theta);
    return withMessage(
      gradientCheck(f, grad, seed === undefined ? { ...options, at: theta } : { ...options, at: theta, seed }, caller),
    );
  };
  const assertAt = (theta: P): void => {
    const report = check(theta);
    if (!report.pass) throw new GradientPropertyError(theta, report);
  };
  const phase = new ShrinkPhase();
  const assertInRun = (theta: P): void => {
    const report = check(theta);
    if (report.pass) return;
    // A shrink candidate that fails only within the margin is not a counterexample: it would
    // lead the shrinker to θ where the report sits exactly at the tolerance. (A replayed path
    // shrinks without a first failure: its θ was accepted with the margin already.)
    const shrinkingAFailure = phase.isShrinking && phase.first !== undefined;
    if (shrinkingAFailure && check(theta, widened(checkOptions, report.settings)).pass) return;
    phase.failed({ theta, report });
    throw new GradientPropertyError(theta, report, phase.first);
  };
  const inner = property(arbitrary, assertInRun);
  const prop = ((theta: P) => assertAt(theta)) as GradientProperty<P>;
  return Object.assign(prop, {
    arbitrary,
    check: (theta: P) => check(theta),
    isAsync: () => false as const,
    generate: (...args: Parameters<typeof inner.generate>) => {
      phase.generating();
      return inner.generate(...args);
    },
    shrink: (...args: Parameters<typeof inner.shrink>) => {
      phase.shrinking();
      return inner.shrink(...args);
    },
    run: inner.run.bind(inner),
    runBeforeEach: inner.runBeforeEach.bind(inner),
    runAfterEach: inner.runAfterEach.bind(inner),
  });
}

/** Every argument of gradientProperty, each with its own one-sentence error. */
function validateArguments(f: unknown, grad: unknown, arbitrary: unknown, checkOptions: unknown, caller: string): void {
  requireFunction(f, caller, 'f (the function under test)');
  if (typeof grad !== 'function' && (grad === undefined || grad === null)) {
    throw new GradcheckError(`${caller}: grad must be a function of θ (the analytic gradient), but got ${String(grad)}`);
  }
  const arb = arbitrary as { generate?: unknown; shrink?: unknown } | null | undefined;
  if (arb === null || typeof arb !== 'object' || typeof arb.generate !== 'function' || typeof arb.shrink !== 'function') {
    throw new GradcheckError(
      `${caller}: arbitrary must be a fast-check Arbitrary of θ, such as theta(10), but got ${arb === null ? 'null' : typeof arb}`,
    );
  }
  if (checkOptions === null || typeof checkOptions !== 'object' || Array.isArray(checkOptions)) {
    throw new GradcheckError(
      `${caller}: checkOptions must be an object such as { rtol: 1e-6 }, but got ${checkOptions === null ? 'null' : typeof checkOptions}`,
    );
  }
  if ('at' in checkOptions) {
    throw new GradcheckError(`${caller}: checkOptions.at must not be given; θ comes from the arbitrary`);
  }
  validateCheckOptions(checkOptions as Record<string, unknown>, caller);
}
