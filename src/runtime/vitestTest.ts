/**
 * The running Vitest test's timeout, read without importing vitest (the core must not): Vitest
 * keeps its worker state on `globalThis.__vitest_worker__`, and its `current` task is the
 * running test while it runs (Vitest 4.1: `VitestTestRunner.onBeforeRunTask` sets it, and its
 * console interception reads it the same way). We rely only on the typed, public fields of
 * that task: `type === 'test'`, `name`, `timeout` (ms, 0 = none) and `result.startTime` (Date.now()
 * when the test started; it includes beforeEach hooks, so the time left is slightly
 * under-estimated, which the pre-flight's margin absorbs). Anything else → undefined.
 */

import type { TestClock } from '../check/timeAndProgress/runtime.js';

interface VitestTask {
  readonly type?: unknown;
  readonly name?: unknown;
  readonly timeout?: unknown;
  readonly result?: { readonly startTime?: unknown };
}

/**
 * The running Vitest test's timeout and start, or undefined outside a Vitest test (Jest, plain
 * Node, a hook, a test without a timeout).
 *
 * @example
 * const clock = runningVitestTest();
 * if (clock) console.log(clock.timeoutMs - (Date.now() - clock.startedAt), 'ms left');
 */
export function runningVitestTest(): TestClock | undefined {
  const state = (globalThis as { __vitest_worker__?: { current?: VitestTask } }).__vitest_worker__;
  const task = state?.current;
  if (task?.type !== 'test') return undefined;
  const { timeout } = task;
  const startedAt = task.result?.startTime;
  if (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout)) return undefined;
  if (typeof startedAt !== 'number') return undefined;
  return { timeoutMs: timeout, startedAt, name: typeof task.name === 'string' ? task.name : undefined };
}
