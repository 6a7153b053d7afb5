import type { ReportData } from '../check/report.js';
import { AsyncFunctionError, GradcheckError } from '../numeric/errors.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/** How a matcher checks: synchronously, and by replay for async user functions. */
export interface MatcherChecks {
  readonly sync: () => ReportData;
  readonly async: () => Promise<ReportData>;
}

/**
 * Runs a matcher's check synchronously; when a user function turns out to return a Promise
 * (`AsyncFunctionError`), runs the async form instead and returns a Promise of the result, which
 * Vitest and Jest both accept from a custom matcher (`await expect(f).toHaveGradient(…)`). The
 * result is built by `reportResult` either way, pictures included. Under Vitest, a test that
 * does not await that Promise fails (see `mustBeAwaited`).
 *
 * @example
 * return matchSyncOrAsync(this, 'toHaveGradient', 'grad', options, {
 *   sync: () => gradientCheck(f, grad, options, 'toHaveGradient'),
 *   async: () => gradientCheckAsync(f, grad, options, 'toHaveGradient'),
 * });
 */
export function matchSyncOrAsync(
  context: MatcherContext,
  name: string,
  expected: string,
  options: unknown,
  checks: MatcherChecks,
): MatcherResult | Promise<MatcherResult> {
  let report: ReportData;
  try {
    report = checks.sync();
  } catch (error) {
    if (!(error instanceof AsyncFunctionError)) throw error;
    const result = checks.async().then((r) => reportResult(context, name, r, expected, options));
    return mustBeAwaited(context, name, expected, result);
  }
  return reportResult(context, name, report, expected, options);
}

/** The part of Vitest's running test (`this.task` in a matcher) that this relies on. */
interface RunnerTest {
  readonly type?: string;
  onFinished?: Array<() => unknown>;
}

/**
 * Under Vitest, makes the test fail when the Promise a matcher returns is never awaited: without
 * `await`, the check would end after the test had passed, and a wrong gradient would go unseen.
 *
 * How: Vitest's matcher context carries the running test (`this.task`); Vitest calls `then` on
 * what the matcher returns at once and hands the user what that `then` returns. So the matcher
 * returns a thenable whose `then` returns a second thenable, and the user's `await` is the only
 * call of *its* `then` (Vitest's own `resolves` and `expect.poll` count awaiting the same way).
 * A hook in the test's `onFinished` list, which Vitest runs after the body and lets throw, fails
 * the test when that call never came. Elsewhere (Jest, no running test) the Promise is returned
 * as it is: Jest gives a matcher no handle on the running test.
 *
 * @example
 * return mustBeAwaited(this, 'toHaveGradient', 'grad', checks.async().then(toResult));
 */
export function mustBeAwaited<T>(context: MatcherContext, name: string, expected: string, result: Promise<T>): Promise<T> {
  const test = (context as { task?: RunnerTest }).task;
  if (test === undefined || test === null || typeof test !== 'object' || test.type !== 'test') return result;
  let awaited = false;
  let outcome: 'pending' | 'passed' | 'failed' = 'pending';
  // Made now, while the caller's line is on the stack, so that the failure points at it.
  const site = new GradcheckError(name);
  test.onFinished ??= [];
  test.onFinished.push(() => {
    if (!awaited) throw notAwaited(name, expected, outcome, site);
  });
  // What Vitest calls `then` on, at once: the Promise its `then` returns goes to the user.
  return watched(result, (chained) => {
    // Vitest turns a failed check into a rejection here. Unawaited, that rejection has no
    // handler: the hook above reports it in the test, not as an unhandled rejection later.
    chained.then(
      () => (outcome = 'passed'),
      () => (outcome = 'failed'),
    );
    return watched(chained, (userChained) => {
      awaited = true;
      return userChained;
    });
  });
}

/**
 * A Promise-shaped view of `promise` whose `then`, `catch` and `finally` pass the Promise they
 * would return through `onUse` first: how a caller's `await` (a call of `then`) is noticed.
 */
function watched<T>(promise: Promise<T>, onUse: <U>(chained: Promise<U>) => Promise<U>): Promise<T> {
  const view = {
    // biome-ignore lint/suspicious/noThenProperty: this object is a thenable on purpose
    then: (onFulfilled?: (value: T) => unknown, onRejected?: (reason: unknown) => unknown) =>
      onUse(promise.then(onFulfilled, onRejected)),
    catch: (onRejected?: (reason: unknown) => unknown) => onUse(promise.catch(onRejected)),
    finally: (onFinally?: () => void) => onUse(promise.finally(onFinally)),
    [Symbol.toStringTag]: 'Promise',
  };
  return view as unknown as Promise<T>;
}

/** The error that fails a test whose async matcher was not awaited, framed at the matcher's call. */
function notAwaited(name: string, expected: string, outcome: 'pending' | 'passed' | 'failed', site: Error): GradcheckError {
  const state = {
    pending: 'it was still running when the test ended',
    passed: 'it passed, but only after the test had ended',
    failed: 'it failed after the test had ended',
  }[outcome];
  const error = new GradcheckError(
    `${name}: the matcher was not awaited. f or ${expected} is async, so the check is async and ${state}; write await expect(f).${name}(…)`,
  );
  const frames = (site.stack ?? '').split('\n').filter((line) => /^\s+at\s|@.*:\d+:\d+$/.test(line));
  if (frames.length > 0) error.stack = [`${error.name}: ${error.message}`, ...frames].join('\n');
  return error;
}
