import { jacobianCheck } from '../check/jacobian.js';
import { jacobianCheckAsync } from '../check/async.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { matchSyncOrAsync } from './async.js';

/**
 * `expect(f).toHaveJacobian(jac, { at: θ, ...options })` passes when f has the Jacobian `jac` at
 * θ: an m×n matrix (rows = the m flattened outputs of f, columns = the n flattened entries of θ)
 * or a function of θ returning one. Options and report as the check it wraps; works with `.not`.
 * When f (or jac) returns a Promise, the matcher returns one: `await expect(f).toHaveJacobian(…)`.
 *
 * @example
 * expect(([x, y]: number[]) => [x * y, x + y]).toHaveJacobian(([x, y]) => [[y, x], [1, 1]], { at: [2, 3] });
 */
export function toHaveJacobian(
  this: MatcherContext,
  received: unknown,
  jac: unknown,
  options: unknown,
): MatcherResult | Promise<MatcherResult> {
  return matchSyncOrAsync(this, 'toHaveJacobian', 'jac', options, {
    sync: () => jacobianCheck(received, jac, options, 'toHaveJacobian'),
    async: () => jacobianCheckAsync(received, jac, options, 'toHaveJacobian'),
  });
}
