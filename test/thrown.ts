// What a test asks of an error a call throws: that it is of the expected class, and where its
// stack starts. Shared by the bad-input, error-stack and browser tests (no `node:` imports: the
// browser tests load it too).
import { expect } from 'vitest';

/**
 * The error `run` throws, which must be an instance of `type`; fails the test otherwise. `type`
 * is a parameter because the browser tests check the built package's own GradcheckError.
 *
 * @example
 * const error = thrownBy(() => checkGradient(f, grad, {} as never), GradcheckError);
 */
export function thrownBy<E extends Error>(run: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}`);
}

/**
 * The `at …` lines of an error's stack, first frame first.
 *
 * @example
 * expect(stackFrames(error)[0]).toContain('test/package/errorStack.test.ts:');
 */
export function stackFrames(error: Error): string[] {
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
}
