import type { AllCloseOptions } from '../check/allClose.js';
import type { GradientSpec } from '../check/gradient.js';
import type { CheckOptions } from '../check/options.js';
import type { Params } from '../numeric/tree.js';

/**
 * The matchers' signatures, generic in the return type `R` so that each runner can add them to
 * its own assertion type: Vitest (`gradcheck/vitest` adds them to `Chai.Assertion`, which
 * works on Vitest 4 and 5) and Jest (`gradcheck/jest` augments `expect`'s `Matchers<R>`).
 *
 * @example
 * // Native augmentation for Vitest 4, if you prefer it to `import 'gradcheck/vitest'`:
 * declare module 'vitest' { interface Matchers<T = any> extends GradcheckMatchers<T> {} }
 */
export interface GradcheckMatchers<R = unknown> {
  /** The received f: θ → number has gradient `grad` (a function of θ or a value) at `options.at`. */
  toHaveGradient<P extends Params>(grad: GradientSpec<P>, options: CheckOptions<P>): R;
  /** The received f: number → number has derivative `df` (a function or a value) at `options.at`. */
  toHaveDerivative(df: ((x: number) => number) | number, options: CheckOptions<number>): R;
  /** The received tree equals `expected` within tolerances, entry by entry. */
  toBeAllClose(expected: Params, options?: AllCloseOptions): R;
}
