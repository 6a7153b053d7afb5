import { jacobianCheck } from '../check/jacobian.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveJacobian(jac, { at: θ, ...options })` passes when f has the Jacobian `jac` at
 * θ: an m×n matrix (rows = the m flattened outputs of f, columns = the n flattened entries of θ)
 * or a function of θ returning one. Options and report as the check it wraps; works with `.not`.
 *
 * @example
 * expect(([x, y]: number[]) => [x * y, x + y]).toHaveJacobian(([x, y]) => [[y, x], [1, 1]], { at: [2, 3] });
 */
export function toHaveJacobian(this: MatcherContext, received: unknown, jac: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveJacobian', jacobianCheck(received, jac, options, 'toHaveJacobian'), 'jac', options);
}
