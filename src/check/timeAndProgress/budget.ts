import type { Settings } from '../settings/types.js';
import { type TestClock, runtime } from './runtime.js';

/** The time a check may take: what the running Vitest test has left, or `options.timeLimit`. */
export interface Budget {
  /** 'test': the running Vitest test's timeout; 'timeLimit': the option. */
  readonly source: 'test' | 'timeLimit';
  /** The whole limit in ms (the test's timeout, or timeLimit). */
  readonly limitMs: number;
  /** Milliseconds left now. */
  leftMs(): number;
}

/**
 * The tighter of the running Vitest test's time left and `options.timeLimit` (counted from the
 * start of the check), or undefined when neither applies (Jest or plain use without timeLimit).
 *
 * @example
 * timeBudget(settings)?.leftMs(); // e.g. 4870
 */
export function timeBudget(settings: Settings, clock: TestClock | undefined = runtime().runningTest()): Budget | undefined {
  const test: Budget | undefined = clock && {
    source: 'test',
    limitMs: clock.timeoutMs,
    leftMs: () => clock.timeoutMs - (Date.now() - clock.startedAt),
  };
  const { timeLimit, startedAt } = settings;
  const option: Budget | undefined =
    timeLimit === undefined
      ? undefined
      : { source: 'timeLimit', limitMs: timeLimit, leftMs: () => timeLimit - (performance.now() - startedAt) };
  if (!test || !option) return test ?? option;
  return option.leftMs() < test.leftMs() ? option : test;
}
