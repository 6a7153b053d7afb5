import { gradientCheck } from '../check/gradient.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveGradient(grad, { at: θ, ...options })`: passes when `grad` (a function of θ
 * or a gradient value) matches finite differences of f at θ. Options as `checkGradient`.
 *
 * @example
 * expect(([x, y]: number[]) => x * y).toHaveGradient(([x, y]) => [y, x], { at: [2, 3] });
 */
export function toHaveGradient(this: MatcherContext, received: unknown, grad: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveGradient', gradientCheck(received, grad, options, 'toHaveGradient'), 'grad', options);
}
