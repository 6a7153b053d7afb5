import type { Paint } from '../format/message.js';

/** A colour function of the test runner. */
type Colour = (text: string) => string;

/**
 * The part of a matcher's `this` that Vitest and Jest share and gradcheck relies on. Typed
 * locally so that the core imports neither runner.
 */
export interface MatcherContext {
  readonly isNot?: boolean;
  readonly promise?: string;
  readonly utils: {
    matcherHint(
      name: string,
      received?: string,
      expected?: string,
      options?: { isNot?: boolean; promise?: string; secondArgument?: string; comment?: string },
    ): string;
    readonly EXPECTED_COLOR: Colour;
    readonly RECEIVED_COLOR: Colour;
    readonly DIM_COLOR?: Colour;
  };
}

/** What a matcher returns to the runner. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The runner's colours as a `Paint`. */
export function paintOf(context: MatcherContext): Paint {
  const { EXPECTED_COLOR, RECEIVED_COLOR, DIM_COLOR } = context.utils;
  return { expected: EXPECTED_COLOR, received: RECEIVED_COLOR, dim: DIM_COLOR ?? ((t) => t) };
}

/** `expect(received).name(expected, options)` as the runner prints it, `.not` included. */
export function hintOf(context: MatcherContext, name: string, expected = 'expected', secondArgument = 'options'): string {
  return context.utils.matcherHint(name, 'received', expected, {
    isNot: context.isNot,
    promise: context.promise,
    secondArgument,
  });
}
