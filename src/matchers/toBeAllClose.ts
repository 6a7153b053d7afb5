import { allCloseCheck } from '../check/allClose.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(actual).toBeAllClose(expected, { rtol, atol })`: every entry within
 * atol + rtol · max(|actual|, |expected|), structures equal. Works on any parameter tree.
 *
 * @example
 * expect([0.1 + 0.2, 1]).toBeAllClose([0.3, 1]);
 */
export function toBeAllClose(this: MatcherContext, received: unknown, expected: unknown, options: unknown = {}): MatcherResult {
  return reportResult(this, 'toBeAllClose', allCloseCheck(received, expected, options, 'toBeAllClose'), undefined, options);
}
