import type { AllCloseOptions } from '../check/allClose.js';
import type { AsyncGradientSpec } from '../check/asyncTypes.js';
import type { CheckOptions } from '../check/options.js';
import type { HessianOptions, HessianSpec } from '../check/hessian.js';
import type { JacobianOptions, JacobianSpec } from '../check/jacobian.js';
import type { JvpOptions } from '../check/jvp.js';
import type { VjpOptions } from '../check/vjp.js';
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
  toHaveGradient<P extends Params>(grad: AsyncGradientSpec<P>, options: CheckOptions<P>): R;
  /** The received f: number → number has derivative `df` (a function or a value) at `options.at`. */
  toHaveDerivative(df: ((x: number) => number) | number, options: CheckOptions<number>): R;
  /** The received tree equals `expected` within tolerances, entry by entry. */
  toBeAllClose(expected: Params, options?: AllCloseOptions): R;
  /** The received f: θ → output has Jacobian `jac` (rows = outputs, columns = inputs; a matrix or a function of θ) at `options.at`. */
  toHaveJacobian<P extends Params>(jac: JacobianSpec<P>, options: JacobianOptions<P>): R;
  /** The received layer forward f: θ → y has vector–Jacobian product `vjp(θ, ȳ) → θ̄` (its backward pass) at `options.at`. */
  toHaveVjp<P extends Params>(vjp: (theta: P, cotangent: any) => Params, options: VjpOptions<P>): R;
  /** The received f: θ → y has Jacobian–vector product `jvp(θ, u) → ẏ` at `options.at`. */
  toHaveJvp<P extends Params>(jvp: (theta: P, tangent: P) => Params, options: JvpOptions<P>): R;
  /** The received f: θ → number has Hessian `H` (an n×n matrix or a function of θ) at `options.at`. */
  toHaveHessian<P extends Params>(H: HessianSpec<P>, options: HessianOptions<P>): R;
}
